using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Registers a member of another party organisation who attends one of our cells for a period (đến sinh hoạt
/// tạm thời). They stay members of their home organisation: a line on the cell's guest list, not a member record.
/// </summary>
[Authorize(Policy = Policies.ManageTransfers)]
public sealed class GuestModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, RuleBook rules, OrganizationDirectory directory)
    : PageModel
{
    [BindProperty]
    public TemporaryInput Input { get; set; } = new();

    [BindProperty]
    public GuestInput Guest { get; set; } = new();

    public sealed class GuestInput
    {
        public int? CellId { get; set; }
        public string? Name { get; set; }
        public string? CardNumber { get; set; }
    }

    public IReadOnlyList<SelectListItem> CellItems { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public RuleSet Rules => rules.InForceOn(Today);

    public async Task OnGetAsync(int? cellId, CancellationToken ct)
    {
        Today = Format.Today(clock);
        Guest.CellId = cellId;
        Input.From = Format.Date(Today);
        CellItems = await TransferAccess.CellItemsAsync(directory, access, Guest.CellId, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Today = Format.Today(clock);
        CellItems = await TransferAccess.CellItemsAsync(directory, access, Guest.CellId, null, ct);
        var cell = await MemberForm.FindCellAsync(access, Guest.CellId, Capability.ManageTransfers, ModelState, ct, "Guest.CellId");
        if (Guest.CellId is null) ModelState.AddModelError("Guest.CellId", "Hãy chọn chi bộ nơi đảng viên đến sinh hoạt.");
        var (from, to) = Input.ParsePeriod(ModelState);
        if (!ModelState.IsValid) return Page();

        Transfer? transfer = null;
        if (!ModelState.TryApply(() => transfer = Transfer.HostGuest(cell!, Guest.Name, Guest.CardNumber, Input.Organization, Input.Purpose,
                from!.Value, to!.Value, Input.LetterNumber, Input.Note, rules, Today)))
            return Page();
        db.Transfers.Add(transfer!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi nhận đảng viên {transfer!.GuestName} đến sinh hoạt tạm thời tại {cell!.Name} đến ngày {Format.Date(transfer.PeriodEnd)}.";
        return RedirectToPage("Details", new { id = transfer.Id });
    }
}
