using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// Meeting compliance of cells for one year: regular months held against months due (from January, or the month
/// the cell was founded, to last month), attendance rate, members past the unexcused-absence threshold. Grouped
/// queries over the year's meetings; shared by the meeting statistics page, the attendance report and the dashboard.
/// </summary>
public static class MeetingCompliance
{
    public sealed record Cell(int Id, string Name, DateOnly EstablishedOn);

    public sealed record CellStats(int Id, string Name, int MonthsDue, int RegularMonthsHeld, int Meetings, int Lines, int Present, int Flagged)
    {
        public int Rate => Lines == 0 ? 0 : (int)Math.Round(100.0 * Present / Lines);
        public int MonthsMissed => Math.Max(0, MonthsDue - RegularMonthsHeld);
    }

    /// <summary>The missed-months rule for the year: the rule in force on 31/12 of a past year, today for the current one.</summary>
    public static Rule<int> ThresholdFor(RuleBook rules, int year, DateOnly today) =>
        rules.ForYear(year, today).MissedMeetingMonthsInYear;

    /// <param name="cells">The cells to report, in display order.</param>
    /// <param name="cellIds">The same cells as a subquery (the meetings' filter).</param>
    /// <param name="threshold">Months absent without reason from which a member is flagged (the rule in force).</param>
    /// <param name="flagAbsentees">False to skip counting flagged members (the dashboard does not show them; it reads every unexcused absence).</param>
    public static async Task<List<CellStats>> ForYearAsync(PartyRosterDbContext db, IReadOnlyList<Cell> cells, IQueryable<int> cellIds,
        int year, DateOnly today, int threshold, CancellationToken ct, bool flagAbsentees = true)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var meetings = db.Meetings.AsNoTracking().IgnoreAutoIncludes().Where(m => cellIds.Contains(m.CellId) && m.HeldOn >= from && m.HeldOn <= to);
        var lastMonth = year < today.Year ? 12 : year == today.Year ? today.Month - 1 : 0;
        var held = await meetings.GroupBy(m => m.CellId)
            .Select(g => new
            {
                CellId = g.Key,
                Count = g.Count(),
                RegularMonths = g.Where(m => m.Kind == MeetingKind.Regular && m.HeldOn.Month <= lastMonth).Select(m => m.HeldOn.Month).Distinct().Count(),
            })
            .ToDictionaryAsync(x => x.CellId, ct);
        var lines = await meetings.SelectMany(m => m.AttendanceList, (m, a) => new { m.CellId, a.Status })
            .GroupBy(x => new { x.CellId, x.Status }).Select(g => new { g.Key.CellId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var unexcused = !flagAbsentees ? [] : await meetings.SelectMany(m => m.AttendanceList.Where(a => a.Status == AttendanceStatus.AbsentWithoutReason),
                (m, a) => new { m.CellId, a.MemberId, m.HeldOn })
            .ToListAsync(ct);
        var flagged = unexcused.GroupBy(x => new { x.CellId, x.MemberId })
            .Where(g => g.Select(x => x.HeldOn.Month).Distinct().Count() >= threshold)
            .GroupBy(g => g.Key.CellId).ToDictionary(g => g.Key, g => g.Count());

        return [.. cells.Select(c =>
        {
            var established = c.EstablishedOn.Year < year ? 1 : c.EstablishedOn.Year == year ? c.EstablishedOn.Month : 13;
            var h = held.GetValueOrDefault(c.Id);
            var mine = lines.Where(l => l.CellId == c.Id).ToList();
            return new CellStats(c.Id, c.Name, Math.Max(0, lastMonth - established + 1), h?.RegularMonths ?? 0, h?.Count ?? 0,
                mine.Sum(l => l.Count), mine.Where(l => l.Status == AttendanceStatus.Present).Sum(l => l.Count),
                flagged.GetValueOrDefault(c.Id));
        })];
    }
}
