using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Moves a member to another cell of this đảng bộ in one step. Both cells must be in the user's scope: a đảng ủy
/// cơ sở moves members between its own cells; between two đảng bộ cơ sở it is the Ban Tổ chức's move (ADR-007).
/// </summary>
[Authorize(Policy = Policies.ManageTransfers)]
public sealed class MoveModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, OrganizationDirectory directory)
    : MemberTransferPage(db, access, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CellItems { get; private set; } = [];

    public sealed class InputModel
    {
        public int? ToCellId { get; set; }
        public string? MovedOn { get; set; }
        public string? LetterNumber { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Input.MovedOn = Format.Date(Today);
        await LoadCellsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        await LoadCellsAsync(ct);
        var movedOn = ModelState.RequiredDate("Input.MovedOn", Input.MovedOn, "ngày chuyển sinh hoạt");
        var target = Input.ToCellId is { } id ? await Access.FindOrganizationAsync(id, Capability.ManageTransfers, ct) : null;
        if (target is null)
            ModelState.AddModelError("Input.ToCellId", Input.ToCellId is null ? "Hãy chọn chi bộ chuyển đến." : "Chi bộ chuyển đến không thuộc phạm vi quản lý.");
        if (!ModelState.IsValid) return Page();

        var from = Member.Organization!.Name;
        Transfer? transfer = null;
        if (!ModelState.TryApply(() => transfer = Transfer.MoveWithin(Member, target!, Proceedings, movedOn!.Value, Input.LetterNumber, Input.Note, Today)))
            return Page();
        return await SaveAsync(transfer!, $"Đã chuyển đảng viên {Member.FullName} từ {from} sang {target!.Name}.", ct);
    }

    private async Task LoadCellsAsync(CancellationToken ct) =>
        CellItems = await TransferAccess.CellItemsAsync(directory, Access, Input.ToCellId, Member.OrganizationId, ct);
}
