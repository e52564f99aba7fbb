using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.CellLife;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>One meeting with its attendance list, printable as the attendance sheet of the minutes.</summary>
[Authorize(Policy = Policies.ViewMeetings)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string CellName { get; private set; } = "";
    public IReadOnlyList<AttendanceRow> Rows { get; private set; } = [];

    public sealed record AttendanceRow(int MemberId, string FullName, AttendanceStatus Status, string? Reason);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        var cell = await MeetingCells.FindAsync(access, meeting.CellId, Capability.ViewMeetings, ct);
        if (cell is null) return NotFound();
        Meeting = meeting;
        CellName = cell.Name;

        var ids = meeting.AttendanceList.Select(a => a.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.SortKey }).ToListAsync(ct);
        Rows = [.. meeting.AttendanceList
            .Join(members, a => a.MemberId, m => m.Id, (a, m) => (m.SortKey, Row: new AttendanceRow(m.Id, m.FullName, a.Status, a.Reason)))
            .OrderBy(x => x.SortKey, StringComparer.Ordinal).ThenBy(x => x.Row.MemberId)
            .Select(x => x.Row)];
        return Page();
    }
}
