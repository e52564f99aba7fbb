using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Exemptions;

/// <summary>
/// A cell's members exempt from work and activities (miễn công tác và sinh hoạt): who, on what ground, since and
/// until when, overdue temporary exemptions flagged; the members who returned; and, for the cell's secretary, where to grant one.
/// </summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MeetingCells.CellOption> Cells { get; private set; } = [];
    public MeetingCells.CellOption? Cell { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<CurrentRow> Current { get; private set; } = [];
    public IReadOnlyList<PastRow> Past { get; private set; } = [];
    /// <summary>Active members of the cell, for the secretary's "grant" picker.</summary>
    public IReadOnlyList<(int Id, string FullName)> Active { get; private set; } = [];
    public bool CanRecord { get; private set; }

    /// <summary>An exempt member; <paramref name="Exemption"/> is null when the state was kept without a recorded resolution.</summary>
    public sealed record CurrentRow(int MemberId, string FullName, Exemption? Exemption);

    public sealed record PastRow(int MemberId, string FullName, Exemption Exemption);

    public async Task<IActionResult> OnGetAsync(int? cellId, CancellationToken ct)
    {
        Today = Format.Today(clock);
        Cells = await MeetingCells.InScopeAsync(access, Capability.ViewMembers, ct);
        Cell = cellId is null ? (Cells.Count > 0 ? Cells[0] : null) : Cells.FirstOrDefault(c => c.Id == cellId);
        if (Cell is null) return cellId is null ? Page() : NotFound();
        CanRecord = await access.CanAsync(Capability.RecordExemptions, Cell.Path, ct);
        var id = Cell.Id;

        var exempt = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == id && m.RollState == RollState.ExemptFromActivities)
            .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FullName })
            .ToListAsync(ct);
        var exemptIds = exempt.Select(m => m.Id).ToList();
        var open = await db.Exemptions.AsNoTracking()
            .Where(e => e.ReturnedOn == null && exemptIds.Contains(e.MemberId))
            .ToDictionaryAsync(e => e.MemberId, ct);
        // Overdue temporary exemptions first: they need the cell's action.
        Current = [.. exempt.Select(m => new CurrentRow(m.Id, m.FullName, open.GetValueOrDefault(m.Id)))
            .OrderByDescending(r => r.Exemption?.IsOverdue(Today) == true)];

        Past = await db.Exemptions.AsNoTracking()
            .Where(e => e.CellId == id && e.ReturnedOn != null)
            .Join(db.Members, e => e.MemberId, m => m.Id, (e, m) => new { e, m.FullName })
            .OrderByDescending(x => x.e.ReturnedOn).ThenByDescending(x => x.e.Id)
            .Select(x => new PastRow(x.e.MemberId, x.FullName, x.e))
            .ToListAsync(ct);

        if (CanRecord)
        {
            Active = (await db.Members.AsNoTracking()
                    .Where(m => m.OrganizationId == id && m.RollState == RollState.Active)
                    .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
                    .Select(m => new { m.Id, m.FullName })
                    .ToListAsync(ct))
                .ConvertAll(m => (m.Id, m.FullName));
        }
        return Page();
    }
}
