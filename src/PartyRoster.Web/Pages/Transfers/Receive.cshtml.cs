using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Receives a member transferred officially from outside (tiếp nhận sinh hoạt đảng chính thức): one form with
/// the letter and the member's record (the same form and rules as "Thêm đảng viên"), saved together: the
/// member is on the roll of the chosen cell and the reception is in their transfer history.
/// </summary>
[Authorize(Policy = Policies.ManageTransfers)]
public sealed class ReceiveModel(PartyRosterDbContext db, AccessService access, IValidator<MemberInput> validator,
    OrganizationDirectory directory, TimeProvider clock) : PageModel, IMemberFormPage
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [BindProperty]
    public LetterInput Letter { get; set; } = new();

    public sealed class LetterInput
    {
        public string? Number { get; set; }
        public string? ReceivedOn { get; set; }
        public string? Origin { get; set; }
        public string? Note { get; set; }
    }

    public IReadOnlyList<SelectListItem> CellItems { get; private set; } = [];

    public string? CellName => null;

    public async Task OnGetAsync(int? cellId, CancellationToken ct)
    {
        Input = new MemberInput { Ethnicity = "Kinh", Religion = Religions.None, CellId = cellId };
        Letter.ReceivedOn = Format.Date(Format.Today(clock));
        await LoadCellsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = Format.Today(clock);
        Input.MemberId = null;
        Input.OnRoll = true;
        await MemberForm.ValidateIntoAsync(validator, Input, ModelState, ct);
        var receivedOn = ModelState.RequiredDate("Letter.ReceivedOn", Letter.ReceivedOn, "ngày nhận giấy giới thiệu");
        var cell = await MemberForm.FindCellAsync(access, Input.CellId, Capability.ManageTransfers, ModelState, ct);
        if (!ModelState.IsValid || cell is null) return await RedisplayAsync(ct);

        Member? member = null;
        Transfer? transfer = null;
        if (!ModelState.TryApply(() =>
            {
                member = new Member(Input.ToProfile(), Input.ToAdmission(), cell);
                transfer = Transfer.ReceiveOfficial(member, Letter.Number, receivedOn!.Value, Letter.Origin, Letter.Note, today);
            }))
            return await RedisplayAsync(ct);

        db.Members.Add(member!);
        db.Transfers.Add(transfer!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", MemberForm.UniqueClashMessage);
            return await RedisplayAsync(ct);
        }

        TempData["Message"] = $"Đã tiếp nhận đảng viên {member!.FullName} vào {cell.Name} (giấy giới thiệu số {transfer!.LetterNumber}).";
        return RedirectToPage("/Members/Details", new { id = member.Id });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadCellsAsync(ct);
        return Page();
    }

    private async Task LoadCellsAsync(CancellationToken ct) =>
        CellItems = await TransferAccess.CellItemsAsync(directory, access, Input.CellId, null, ct);
}
