using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>A cell's dues collection sheet for one month (sổ thu đảng phí), printable on A4.</summary>
[Authorize(Policy = Policies.ViewDues)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MeetingCells.CellOption> Cells { get; private set; } = [];
    public MeetingCells.CellOption? Cell { get; private set; }
    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public DuesSheet Sheet { get; private set; } = null!;
    public bool CanRecord { get; private set; }
    /// <summary>The organisation the cell belongs to, for the printed heading.</summary>
    public string? ParentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? cellId, int? year, int? month, CancellationToken ct)
    {
        Today = Format.Today(clock);
        Month = DuesInput.PickMonth(year, month, Today, DuesRateBook.Default);
        Cells = await MeetingCells.InScopeAsync(access, Capability.ViewDues, ct);
        if (cellId is null)
        {
            Cell = Cells.Count > 0 ? Cells[0] : null;
            if (Cell is null) return Page();
        }
        else
        {
            Cell = Cells.FirstOrDefault(c => c.Id == cellId);
            if (Cell is null) return NotFound();
        }
        CanRecord = await access.CanAsync(Capability.RecordDues, Cell.Path, ct);
        var id = Cell.Id;
        ParentName = await db.Organizations.Where(o => o.Id == id).Select(o => o.Parent!.Name).FirstOrDefaultAsync(ct);
        Sheet = await DuesSheet.LoadAsync(db, Cell.Id, Month, Today, ct);
        return Page();
    }
}
