using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// The dues facts of a set of members (a cell, or a whole subtree) read in three set-based queries, never
/// one per member: the members' admission facts, their dues bases, and which months of a window (by default the
/// last twelve ended months) each has paid (one integer per member). Arrears and unpaid months are then computed
/// in memory by <see cref="DuesLedger"/>.
/// </summary>
/// <remarks>
/// Trade-off: 200,000 members mean ~200,000 small rows per query (about a second on SQLite), against
/// 2.4 million payment rows a year if the months were read one by one. The paid months come back as a bit mask
/// (bit i = month i of the window) summed by the database: a member has at most one payment per month
/// (unique index), so the sum of distinct powers of two is their OR. Provider-neutral: a CASE with one
/// date comparison per month of the window, no date functions.
/// </remarks>
public sealed class DuesSnapshot
{
    private static readonly IReadOnlyList<DateOnly> None = [];

    /// <summary>The longest window a snapshot reads: its paid months must fit in one integer.</summary>
    public const int MaxWindowMonths = 30;

    private readonly Dictionary<int, DuesBasis[]> _bases;
    private readonly Dictionary<int, int> _paidMasks;
    private readonly DuesRateBook _rates;

    private DuesSnapshot(IReadOnlyList<Row> members, Dictionary<int, DuesBasis[]> bases, Dictionary<int, int> paidMasks,
        DateOnly today, (DateOnly From, DateOnly To) window, DuesRateBook rates)
    {
        Members = members;
        _bases = bases;
        _paidMasks = paidMasks;
        _rates = rates;
        Today = today;
        Window = window;
    }

    /// <summary>A member's dues facts and current cell.</summary>
    public sealed record Row(int CellId, DuesMember Dues)
    {
        public int Id => Dues.MemberId;
    }

    /// <summary>One member in arrears: the unpaid ended months of the window and what they owed.</summary>
    public sealed record MemberArrears(Row Member, IReadOnlyList<DateOnly> Months, long Amount);

    public IReadOnlyList<Row> Members { get; }
    public DateOnly Today { get; }
    public (DateOnly From, DateOnly To) Window { get; }

    public IReadOnlyList<DuesBasis> BasesOf(int memberId) => _bases.TryGetValue(memberId, out var list) ? list : [];

    /// <summary>The unpaid owed months of the window (with the default window: the arrears, <see cref="DuesLedger.Arrears"/>).</summary>
    public IReadOnlyList<DateOnly> ArrearsOf(Row member) => UnpaidMonths(member, Window.From, Window.To);

    /// <summary>The unpaid owed, ended months of calendar <paramref name="year"/> that lie in the window (<see cref="DuesLedger.UnpaidMonths(DuesMember, IReadOnlyList{DuesBasis}, IReadOnlyCollection{DateOnly}, int, DateOnly, DuesRateBook?)"/>).</summary>
    public IReadOnlyList<DateOnly> UnpaidIn(Row member, int year)
    {
        var (from, to) = YearInWindow(year);
        return UnpaidMonths(member, from, to);
    }

    /// <summary>The months of calendar <paramref name="year"/> that lie in the window (from after to when none does).</summary>
    private (DateOnly From, DateOnly To) YearInWindow(int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 1);
        return (from < Window.From ? Window.From : from, to > Window.To ? Window.To : to);
    }

    /// <summary>
    /// The owed, <em>ended</em> months of calendar <paramref name="year"/> that lie in the window, and how many of them
    /// have a payment (paid late counts as paid). <c>Owed - Paid</c> is always <see cref="UnpaidIn"/>'s count: both ask
    /// <see cref="DuesLedger.Due"/> month by month, there is no second copy of the rules.
    /// </summary>
    public (int Owed, int Paid) OwedIn(Row member, int year)
    {
        ArgumentNullException.ThrowIfNull(member);
        var bases = BasesOf(member.Id);
        if (bases.Count == 0) return (0, 0);
        var (from, to) = YearInWindow(year);
        var mask = _paidMasks.GetValueOrDefault(member.Id);
        int owed = 0, paid = 0;
        for (var month = from; month <= to && DuesCalendar.HasEnded(month, Today); month = month.AddMonths(1))
        {
            if (!DuesLedger.Due(member.Dues, bases, month, _rates).IsOwed) continue;
            owed++;
            if ((mask & (1 << DuesCalendar.MonthsBetween(Window.From, month))) != 0) paid++;
        }
        return (owed, paid);
    }

    private IReadOnlyList<DateOnly> UnpaidMonths(Row member, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (from > to) return None;
        var bases = BasesOf(member.Id);
        var mask = _paidMasks.GetValueOrDefault(member.Id);
        var first = DuesCalendar.MonthsBetween(Window.From, from);
        var wanted = ((1 << (DuesCalendar.MonthsBetween(from, to) + 1)) - 1) << first;
        // Most members paid every month asked about: nothing can be unpaid, so skip the month-by-month rules.
        if (bases.Count == 0 || (mask & wanted) == wanted) return None;
        return DuesLedger.UnpaidMonths(member.Dues, bases, PaidMonths(mask), from, to, Today, _rates);
    }

    /// <summary>Every member with at least one unpaid month in the window, with the amount those months owed.</summary>
    public IReadOnlyList<MemberArrears> InArrears() =>
        [.. Members.Select(m => (Member: m, Months: ArrearsOf(m)))
            .Where(x => x.Months.Count > 0)
            .Select(x => new MemberArrears(x.Member, x.Months,
                x.Months.Sum(month => DuesLedger.Due(x.Member.Dues, BasesOf(x.Member.Id), month, _rates).Amount)))];

    /// <summary>Loads the snapshot for <paramref name="members"/> (filter them to the roll first when that is wanted) over the arrears window.</summary>
    public static Task<DuesSnapshot> LoadAsync(PartyRosterDbContext db, IQueryable<Member> members, DateOnly today,
        CancellationToken ct, DuesRateBook? rates = null) =>
        LoadAsync(db, members, today, DuesLedger.ArrearsWindow(today), ct, rates);

    /// <summary>Loads the snapshot for <paramref name="members"/> over the months <paramref name="window"/> (at most <see cref="MaxWindowMonths"/>).</summary>
    public static async Task<DuesSnapshot> LoadAsync(PartyRosterDbContext db, IQueryable<Member> members, DateOnly today,
        (DateOnly From, DateOnly To) window, CancellationToken ct, DuesRateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        window = (DuesCalendar.Of(window.From), DuesCalendar.Of(window.To));
        var length = DuesCalendar.MonthsBetween(window.From, window.To) + 1;
        if (length is < 1 or > MaxWindowMonths)
            throw new ArgumentOutOfRangeException(nameof(window), $"A dues snapshot reads 1 to {MaxWindowMonths} months.");
        var rows = await members.AsNoTracking()
            .Select(m => new { m.Id, m.OrganizationId, m.AdmissionDecisionDate, m.Standing, m.RollState, m.LeftOn })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id);
        var bases = (await db.DuesBases.AsNoTracking().Where(b => ids.Contains(b.MemberId)).ToListAsync(ct))
            .GroupBy(b => b.MemberId).ToDictionary(g => g.Key, g => g.ToArray());
        var (from, to) = window;
        var masks = await db.DuesPayments.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId) && p.DuesMonth >= from && p.DuesMonth <= to)
            .Select(MonthBit(from, length))
            .GroupBy(x => x.MemberId)
            .Select(g => new { MemberId = g.Key, Mask = g.Sum(x => x.Bit) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Mask, ct);
        var list = rows.Select(m => new Row(m.OrganizationId, new DuesMember(m.Id, m.AdmissionDecisionDate,
            m.Standing == Standing.Official, m.RollState.IsOnRoll() ? null : m.LeftOn))).ToList();
        return new DuesSnapshot(list, bases, masks, today, window, rates ?? DuesRateBook.Default);
    }

    /// <summary>A payment's member and its month as a bit of the window starting at <paramref name="from"/> (0 outside it).</summary>
    private static Expression<Func<DuesPayment, MonthBitRow>> MonthBit(DateOnly from, int months)
    {
        var p = Expression.Parameter(typeof(DuesPayment), "p");
        var month = Expression.Property(p, nameof(DuesPayment.DuesMonth));
        Expression bit = Expression.Constant(0);
        for (var i = months - 1; i >= 0; i--)
        {
            bit = Expression.Condition(Expression.Equal(month, Expression.Constant(from.AddMonths(i))), Expression.Constant(1 << i), bit);
        }
        var body = Expression.MemberInit(Expression.New(typeof(MonthBitRow)),
            Expression.Bind(typeof(MonthBitRow).GetProperty(nameof(MonthBitRow.MemberId))!, Expression.Property(p, nameof(DuesPayment.MemberId))),
            Expression.Bind(typeof(MonthBitRow).GetProperty(nameof(MonthBitRow.Bit))!, bit));
        return Expression.Lambda<Func<DuesPayment, MonthBitRow>>(body, p);
    }

    private DateOnly[] PaidMonths(int mask)
    {
        var length = DuesCalendar.MonthsBetween(Window.From, Window.To) + 1;
        var months = new List<DateOnly>(length);
        for (var i = 0; i < length; i++)
        {
            if ((mask & (1 << i)) != 0) months.Add(Window.From.AddMonths(i));
        }
        return [.. months];
    }

    private sealed class MonthBitRow
    {
        public int MemberId { get; init; }
        public int Bit { get; init; }
    }
}
