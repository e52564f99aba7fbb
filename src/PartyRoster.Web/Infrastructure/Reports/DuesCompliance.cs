using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// Dues compliance of cells for one calendar year (tình hình thu nộp đảng phí): per cell, the members who owed dues in
/// the year's ended months, the member-months owed, paid and unpaid, the amount paid for the year's months, and the
/// members with unpaid months from the signal's threshold. Shared by the dues report and the home dashboard.
/// </summary>
/// <remarks>
/// Set-based: the members, their bases and one paid-month mask per member come from <see cref="DuesSnapshot"/>
/// (three queries for the whole subtree), the amounts from one grouped SUM. Whether a month is owed is then asked of
/// <see cref="DuesLedger.Due"/> in memory, month by month — the owed-month rules (admission, leaving, bases, exemptions,
/// reliefs, 50 years of party age) are not copied into SQL, so the report, the arrears list and the signal cannot disagree.
/// </remarks>
public static class DuesCompliance
{
    public sealed record CellStats(int Id, string Name, int MembersOwing, int MonthsOwed, int MonthsPaid, long Collected, int Flagged)
    {
        public int MonthsUnpaid => MonthsOwed - MonthsPaid;

        /// <summary>Months paid as a percentage of months owed (one decimal; 0 when nothing was owed).</summary>
        public double Rate => ReportTable.Percent(MonthsPaid, MonthsOwed);
    }

    /// <summary>The unpaid-months rule for the year: the rule in force on 31/12 of a past year, today for the current one.</summary>
    public static Rule<int> ThresholdFor(RuleBook rules, int year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.ForYear(year, today).UnpaidDuesMonthsInYear;
    }

    /// <summary>
    /// The months of <paramref name="year"/> counted on <paramref name="today"/>: January to December, or to last month
    /// for the current year; null when none has ended yet (January of the current year, or a future year).
    /// </summary>
    public static (DateOnly From, DateOnly To)? EndedMonths(int year, DateOnly today)
    {
        var from = new DateOnly(year, 1, 1);
        var lastEnded = DuesCalendar.Of(today).AddMonths(-1);
        var to = new DateOnly(year, 12, 1);
        if (to > lastEnded) to = lastEnded;
        return to < from ? null : (from, to);
    }

    /// <summary>
    /// Members who may owe dues in <paramref name="year"/>: admitted by its end, and on the roll today or left on or
    /// after its first day (the months before they left are still owed; <see cref="DuesLedger"/> stops at the leaving month).
    /// </summary>
    public static IQueryable<Member> MembersOfYear(IQueryable<Member> members, int year)
    {
        ArgumentNullException.ThrowIfNull(members);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var onRoll = MemberEnumNames.OnRollStates;
        return members.Where(m => m.AdmissionDecisionDate <= last && (onRoll.Contains(m.RollState) || m.LeftOn >= first));
    }

    /// <param name="cells">The cells to report, in display order.</param>
    /// <param name="cellIds">The same cells as a subquery (the members' filter).</param>
    /// <param name="threshold">Unpaid months in the year from which a member is counted (the rule in force).</param>
    public static async Task<List<CellStats>> ForYearAsync(PartyRosterDbContext db, IReadOnlyList<MeetingCompliance.Cell> cells, IQueryable<int> cellIds,
        int year, DateOnly today, int threshold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cells);
        var members = MembersOfYear(db.Members.Where(m => cellIds.Contains(m.OrganizationId)), year);
        var owing = new Dictionary<int, int>();
        var owed = new Dictionary<int, int>();
        var paid = new Dictionary<int, int>();
        var flagged = new Dictionary<int, int>();
        if (EndedMonths(year, today) is { } window)
        {
            var snapshot = await DuesSnapshot.LoadAsync(db, members, today, window, ct);
            foreach (var member in snapshot.Members)
            {
                var (o, p) = snapshot.OwedIn(member, year);
                if (o == 0) continue;
                var cell = member.CellId;
                owing[cell] = owing.GetValueOrDefault(cell) + 1;
                owed[cell] = owed.GetValueOrDefault(cell) + o;
                paid[cell] = paid.GetValueOrDefault(cell) + p;
                if (o - p >= threshold) flagged[cell] = flagged.GetValueOrDefault(cell) + 1;
            }
        }

        // Paid for the year's months (late or ahead included), counted under the member's current cell like every other figure.
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 1);
        var memberIds = members.Select(m => m.Id);
        var collected = await db.DuesPayments.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId) && p.DuesMonth >= from && p.DuesMonth <= to)
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { m.OrganizationId, p.Amount })
            .GroupBy(x => x.OrganizationId)
            .Select(g => new { CellId = g.Key, Amount = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.CellId, x => x.Amount, ct);

        return [.. cells.Select(c => new CellStats(c.Id, c.Name, owing.GetValueOrDefault(c.Id), owed.GetValueOrDefault(c.Id),
            paid.GetValueOrDefault(c.Id), collected.GetValueOrDefault(c.Id), flagged.GetValueOrDefault(c.Id)))];
    }
}
