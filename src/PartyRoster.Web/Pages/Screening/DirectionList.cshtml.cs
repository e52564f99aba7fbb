using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>
/// Danh sách đề nghị cấp trên cho ý kiến (domain.md §3.2 step 1–2): the cell's proposed entries for the
/// education-and-help list, with reason codes and evidence, printed to send to the directly superior committee.
/// </summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class DirectionListModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public sealed record Row(int CaseId, string FullName, DateOnly DateOfBirth, Standing Standing, DateOnly OpenedOn, IReadOnlyList<ReasonCode> Reasons, string? Evidence);

    public Organization Cell { get; private set; } = null!;

    /// <summary>The directly superior committee the list goes to (computed from the tree).</summary>
    public string? Superior { get; private set; }

    public DateOnly Today { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cellId, CancellationToken ct)
    {
        var cell = await MeetingCells.FindAsync(access, cellId, Capability.ViewCases, ct);
        if (cell is null) return NotFound();
        Cell = cell;
        Today = Format.Today(clock);
        Superior = cell.ParentId is { } parent ? await db.Organizations.Where(o => o.Id == parent).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        Rows = await db.ScreeningCases.AsNoTracking()
            .Where(c => c.CellId == cellId && c.Track == ScreeningTrack.Education && c.Status == ScreeningStatus.Proposed)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { c, m })
            .OrderBy(x => x.m.SortKey).ThenBy(x => x.c.Id)
            .Select(x => new Row(x.c.Id, x.m.FullName, x.m.DateOfBirth, x.m.Standing, x.c.OpenedOn,
                EF.Property<List<ReasonCode>>(x.c, "_reasons"), x.c.Evidence))
            .ToListAsync(ct);
        return Page();
    }
}
