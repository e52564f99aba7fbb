using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>
/// Meeting compliance of every cell in the user's scope for one year: regular months held against months due,
/// attendance rate, members past the unexcused-absence threshold. Each figure is read with one grouped query.
/// </summary>
[Authorize(Policy = Policies.ViewMeetings)]
public sealed class StatisticsModel(PartyRosterDbContext db, AccessService access, RuleBook rules, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public int Threshold { get; private set; }
    public IReadOnlyList<CellStats> Cells { get; private set; } = [];

    public sealed record CellStats(int Id, string Name, int MonthsDue, int RegularMonthsHeld, int Meetings, int Lines, int Present, int Flagged)
    {
        public int Rate => Lines == 0 ? 0 : (int)Math.Round(100.0 * Present / Lines);
        public int MonthsMissed => Math.Max(0, MonthsDue - RegularMonthsHeld);
    }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var today = Format.Today(clock);
        Year = year is >= 1930 and <= 2100 ? year.Value : today.Year;
        Threshold = rules.InForceOn(Year < today.Year ? new DateOnly(Year, 12, 31) : today).MissedMeetingMonthsInYear.Value;
        var cells = await MeetingCells.InScopeAsync(access, Capability.ViewMeetings, ct);
        var scope = (await access.OrganizationsInScopeAsync(Capability.ViewMeetings, ct)).Select(o => o.Id);

        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        var meetings = db.Meetings.AsNoTracking().IgnoreAutoIncludes().Where(m => scope.Contains(m.CellId) && m.HeldOn >= from && m.HeldOn <= to);
        var held = await meetings.Select(m => new { m.CellId, m.HeldOn, m.Kind }).ToListAsync(ct);
        var lines = await meetings.SelectMany(m => m.AttendanceList, (m, a) => new { m.CellId, a.Status })
            .GroupBy(x => new { x.CellId, x.Status }).Select(g => new { g.Key.CellId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var unexcused = await meetings.SelectMany(m => m.AttendanceList.Where(a => a.Status == AttendanceStatus.AbsentWithoutReason),
                (m, a) => new { m.CellId, a.MemberId, m.HeldOn })
            .ToListAsync(ct);
        var flagged = unexcused.GroupBy(x => new { x.CellId, x.MemberId })
            .Where(g => g.Select(x => x.HeldOn.Month).Distinct().Count() >= Threshold)
            .GroupBy(g => g.Key.CellId).ToDictionary(g => g.Key, g => g.Count());

        var lastMonth = Year < today.Year ? 12 : Year == today.Year ? today.Month - 1 : 0;
        Cells = [.. cells.Select(c =>
        {
            var established = c.EstablishedOn.Year < Year ? 1 : c.EstablishedOn.Year == Year ? c.EstablishedOn.Month : 13;
            var mine = held.Where(h => h.CellId == c.Id).ToList();
            var regularMonths = mine.Where(h => h.Kind == MeetingKind.Regular && h.HeldOn.Month <= lastMonth).Select(h => h.HeldOn.Month).Distinct().Count();
            var myLines = lines.Where(l => l.CellId == c.Id).ToList();
            return new CellStats(c.Id, c.Name, Math.Max(0, lastMonth - established + 1), regularMonths, mine.Count,
                myLines.Sum(l => l.Count), myLines.Where(l => l.Status == AttendanceStatus.Present).Sum(l => l.Count),
                flagged.GetValueOrDefault(c.Id));
        })];
    }
}
