using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>
/// Attendance statistics of one cell for one year: per member (present, excused, unexcused, the months missed
/// without reason against the removal threshold) and for the cell as a whole. Printable.
/// </summary>
[Authorize(Policy = Policies.ViewMeetings)]
public sealed class AttendanceModel(PartyRosterDbContext db, AccessService access, RuleBook rules, TimeProvider clock) : PageModel
{
    public MeetingCells.CellOption Cell { get; private set; } = null!;
    public int Year { get; private set; }
    public int Threshold { get; private set; }
    public IReadOnlyList<MemberStats> Members { get; private set; } = [];
    public int Meetings { get; private set; }
    public int RegularMeetings { get; private set; }
    public int Lines { get; private set; }
    public int Present { get; private set; }

    public sealed record MemberStats(int MemberId, string FullName, int Expected, int Present, int Excused, int Unexcused, IReadOnlyList<int> UnexcusedMonths)
    {
        /// <summary>Share present, in whole per cent (0 when nothing was expected).</summary>
        public int Rate => Expected == 0 ? 0 : (int)Math.Round(100.0 * Present / Expected);
    }

    public async Task<IActionResult> OnGetAsync(int cellId, int? year, CancellationToken ct)
    {
        var cells = await MeetingCells.InScopeAsync(access, Capability.ViewMeetings, ct);
        var cell = cells.FirstOrDefault(c => c.Id == cellId);
        if (cell is null) return NotFound();
        Cell = cell;
        var today = Format.Today(clock);
        Year = year is >= 1930 and <= 2100 ? year.Value : today.Year;
        Threshold = rules.InForceOn(Year < today.Year ? new DateOnly(Year, 12, 31) : today).MissedMeetingMonthsInYear.Value;

        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        var meetings = db.Meetings.AsNoTracking().IgnoreAutoIncludes().Where(m => m.CellId == cellId && m.HeldOn >= from && m.HeldOn <= to);
        Meetings = await meetings.CountAsync(ct);
        RegularMeetings = await meetings.CountAsync(m => m.Kind == MeetingKind.Regular, ct);
        // One cell's year is a few hundred lines: read them and count here.
        var lines = await meetings
            .SelectMany(m => m.AttendanceList, (m, a) => new { a.MemberId, m.HeldOn, a.Status })
            .ToListAsync(ct);
        var ids = lines.Select(l => l.MemberId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.SortKey }).ToDictionaryAsync(m => m.Id, ct);
        Lines = lines.Count;
        Present = lines.Count(l => l.Status == AttendanceStatus.Present);
        Members = [.. lines.GroupBy(l => l.MemberId)
            .OrderBy(g => names[g.Key].SortKey, StringComparer.Ordinal).ThenBy(g => g.Key)
            .Select(g => new MemberStats(g.Key, names[g.Key].FullName, g.Count(),
                g.Count(l => l.Status == AttendanceStatus.Present),
                g.Count(l => l.Status == AttendanceStatus.AbsentWithReason),
                g.Count(l => l.Status == AttendanceStatus.AbsentWithoutReason),
                [.. g.Where(l => l.Status == AttendanceStatus.AbsentWithoutReason).Select(l => l.HeldOn.Month).Distinct().Order()]))];
        return Page();
    }
}
