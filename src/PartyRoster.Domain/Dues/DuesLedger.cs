namespace PartyRoster.Domain.Dues;

/// <summary>Whether dues are owed for a month, and why not when they are not.</summary>
public enum DuesMonthStatus
{
    /// <summary>Not yet admitted, or already off the roll, in that month.</summary>
    NotOnRoll = 1,
    /// <summary>No dues basis declared for that month yet: nothing can be computed.</summary>
    NoBasis = 2,
    /// <summary>Exempt in that month (declared ground, party age, or a time-limited full relief).</summary>
    Exempt = 3,
    /// <summary>Dues of <see cref="DuesDue.Amount"/> are owed.</summary>
    Owed = 4,
}

/// <summary>What a member owes for one month and the rules it was computed with.</summary>
/// <param name="Amount">Whole đồng owed; 0 unless <paramref name="Status"/> is <see cref="DuesMonthStatus.Owed"/>.</param>
/// <param name="Relief">The reduction applied, in percent, if any.</param>
/// <param name="Rates">The rule set in force for the month; null when no basis applies.</param>
/// <param name="ExemptReason">Why the month is exempt, in Vietnamese.</param>
public sealed record DuesDue(DateOnly Month, DuesMonthStatus Status, long Amount, DuesBasis? Basis, int? Relief, DuesRates? Rates, string? ExemptReason)
{
    public bool IsOwed => Status == DuesMonthStatus.Owed;
}

/// <summary>A payment as the ledger needs it.</summary>
public sealed record DuesPaid(DateOnly Month, long Amount, DateOnly PaidOn)
{
    public static DuesPaid Of(DuesPayment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.DuesMonth, p.Amount, p.PaidOn);
    }
}

/// <summary>How a month stands for a member.</summary>
public enum DuesLineState
{
    /// <summary>Paid within the month (or ahead).</summary>
    Paid = 1,
    /// <summary>Paid after the month ended.</summary>
    PaidLate = 2,
    /// <summary>Owed, not paid, and the month has ended: arrears.</summary>
    Unpaid = 3,
    /// <summary>Owed, not paid, and the month has not ended yet.</summary>
    Open = 4,
    /// <summary>Nothing owed (see <see cref="DuesDue.Status"/>) and nothing paid.</summary>
    NotOwed = 5,
}

/// <summary>One month of a member's statement: what was owed, what was paid, and how it stands.</summary>
public sealed record DuesLine(DuesDue Due, DuesPaid? Payment, DuesLineState State)
{
    public DateOnly Month => Due.Month;

    /// <summary>Paid minus owed when a payment differs from the amount owed: negative is short (thiếu), positive is over (thừa).</summary>
    public long? Difference => Payment is { } p && p.Amount != Due.Amount ? p.Amount - Due.Amount : null;

    public bool PaidAhead => Payment is { } p && p.PaidOn < Due.Month;
}

/// <summary>
/// Pure computations over one member's dues: what each month owes under the rules in force for it, how
/// each month stands against the payments, and which ended months are unpaid. No clock and no database:
/// the caller passes today and the member's bases and payments.
/// </summary>
public static class DuesLedger
{
    /// <summary>Arrears are counted over this many ended months, up to the last ended one.</summary>
    public const int ArrearsWindowMonths = 12;

    /// <summary>What <paramref name="member"/> owes for <paramref name="month"/>.</summary>
    /// <param name="bases">The member's dues history (any order).</param>
    public static DuesDue Due(DuesMember member, IReadOnlyList<DuesBasis> bases, DateOnly month, DuesRateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        rates ??= DuesRateBook.Default;
        month = DuesCalendar.Of(month);
        if (!member.OnRollIn(month)) return new(month, DuesMonthStatus.NotOnRoll, 0, null, null, null, null);
        var basis = DuesBasis.InForce(bases, month);
        if (basis is null) return new(month, DuesMonthStatus.NoBasis, 0, null, null, null, null);
        var set = rates.InForceFor(month);

        if (basis.Kind == DuesBasisKind.Exempt)
            return Exempt(month, basis, set, $"Miễn: {basis.ExemptionGround?.DisplayName()}");
        // Party age exempts without an application, from the month the member reaches it.
        if (member.HasPartyAge(set.ExemptPartyAgeYears.Value, month))
            return Exempt(month, basis, set, $"Miễn: đủ {set.ExemptPartyAgeYears.Value} năm tuổi đảng");
        var relief = basis.ReliefIn(month);
        if (relief >= 100)
            return Exempt(month, basis, set, $"Miễn đến tháng {DuesText.Month(basis.ReliefUntil!.Value)}");

        // Work in millionths of a đồng (amount × basis points × remaining percent) and round once.
        const long Unit = 1_000_000;
        var full = basis.Kind switch
        {
            DuesBasisKind.InsuredSalary => basis.BaseAmount!.Value * set.InsuredSalaryBasisPoints.Value * 100,
            DuesBasisKind.Pension => basis.BaseAmount!.Value * set.PensionBasisPoints.Value * 100,
            DuesBasisKind.Student => set.StudentAmount.Value * Unit,
            DuesBasisKind.OtherFixed => Clamp(basis.BaseAmount!.Value, set) * Unit,
            _ => throw new InvalidOperationException($"Unknown dues basis kind {basis.Kind}."),
        };
        var exact = full / 100 * (100 - (relief ?? 0));
        var step = set.RoundTo.Value * Unit;
        // Half up; a month that is owed never rounds down to nothing.
        var amount = Math.Max((exact + step / 2) / step * set.RoundTo.Value, set.RoundTo.Value);
        return new(month, DuesMonthStatus.Owed, amount, basis, relief, set, null);
    }

    /// <summary>
    /// The member's months from <paramref name="from"/> to <paramref name="to"/> with what was owed, what was paid
    /// and how each stands on <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<DuesLine> Statement(DuesMember member, IReadOnlyList<DuesBasis> bases, IEnumerable<DuesPaid> payments,
        DateOnly from, DateOnly to, DateOnly today, DuesRateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var paid = payments.ToDictionary(p => DuesCalendar.Of(p.Month));
        return [.. DuesCalendar.Range(from, to).Select(month =>
        {
            var due = Due(member, bases, month, rates);
            var payment = paid.GetValueOrDefault(month);
            var state = payment is not null
                ? DuesPayment.IsLatePayment(month, payment.PaidOn) ? DuesLineState.PaidLate : DuesLineState.Paid
                : !due.IsOwed ? DuesLineState.NotOwed
                : DuesCalendar.HasEnded(month, today) ? DuesLineState.Unpaid
                : DuesLineState.Open;
            return new DuesLine(due, payment, state);
        })];
    }

    /// <summary>
    /// The months of calendar year <paramref name="year"/> for which the member owed dues and paid nothing,
    /// counting only months that have ended by <paramref name="today"/> (the current month is never unpaid yet).
    /// A month is owed when the member was on the roll in it (admitted by then, not yet left), a basis applied
    /// to it, and the member was not exempt from dues in it; a month paid late counts as paid. This is the
    /// test of "không đóng đảng phí 3 tháng trong năm" (domain.md §3.3, §4).
    /// </summary>
    /// <param name="member">Admission, standing and leaving date of the member.</param>
    /// <param name="bases">The member's dues history (any order).</param>
    /// <param name="paidMonths">The months the member has a payment for (first day of the month; other days are read as their month).</param>
    /// <param name="year">The calendar year.</param>
    /// <param name="today">Today's date in Vietnam.</param>
    /// <param name="rates">The dues rules; <see cref="DuesRateBook.Default"/> when null.</param>
    /// <returns>The unpaid months in order, as first days of the month.</returns>
    public static IReadOnlyList<DateOnly> UnpaidMonths(DuesMember member, IReadOnlyList<DuesBasis> bases, IReadOnlyCollection<DateOnly> paidMonths,
        int year, DateOnly today, DuesRateBook? rates = null) =>
        UnpaidMonths(member, bases, paidMonths, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), today, rates);

    /// <summary>As <see cref="UnpaidMonths(DuesMember, IReadOnlyList{DuesBasis}, IReadOnlyCollection{DateOnly}, int, DateOnly, DuesRateBook?)"/>, over the months <paramref name="from"/>–<paramref name="to"/>.</summary>
    public static IReadOnlyList<DateOnly> UnpaidMonths(DuesMember member, IReadOnlyList<DuesBasis> bases, IReadOnlyCollection<DateOnly> paidMonths,
        DateOnly from, DateOnly to, DateOnly today, DuesRateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(paidMonths);
        var paid = paidMonths.Select(DuesCalendar.Of).ToHashSet();
        var result = new List<DateOnly>();
        foreach (var month in DuesCalendar.Range(from, to))
        {
            if (!DuesCalendar.HasEnded(month, today)) break;
            if (!paid.Contains(month) && Due(member, bases, month, rates).IsOwed) result.Add(month);
        }
        return result;
    }

    /// <summary>The months arrears are counted over on <paramref name="today"/>: the last <see cref="ArrearsWindowMonths"/> ended months.</summary>
    public static (DateOnly From, DateOnly To) ArrearsWindow(DateOnly today)
    {
        var last = DuesCalendar.Of(today).AddMonths(-1);
        return (last.AddMonths(1 - ArrearsWindowMonths), last);
    }

    /// <summary>Unpaid owed months within the <see cref="ArrearsWindow"/> (nợ đảng phí).</summary>
    public static IReadOnlyList<DateOnly> Arrears(DuesMember member, IReadOnlyList<DuesBasis> bases, IReadOnlyCollection<DateOnly> paidMonths,
        DateOnly today, DuesRateBook? rates = null)
    {
        var (from, to) = ArrearsWindow(today);
        return UnpaidMonths(member, bases, paidMonths, from, to, today, rates);
    }

    private static DuesDue Exempt(DateOnly month, DuesBasis basis, DuesRates set, string reason) =>
        new(month, DuesMonthStatus.Exempt, 0, basis, null, set, reason);

    private static long Clamp(long amount, DuesRates set)
    {
        var result = Math.Max(amount, set.OtherMinimum.Value);
        return set.OtherMaximum.Value is { } max ? Math.Min(result, max) : result;
    }
}
