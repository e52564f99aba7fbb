using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

[Authorize(Policy = Policies.EditMembers)]
public sealed class CreateModel(PartyRosterDbContext db, AccessService access, IValidator<MemberInput> validator,
    OrganizationDirectory directory) : PageModel, IMemberFormPage
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CellItems { get; private set; } = [];

    public string? CellName => null;

    public async Task OnGetAsync(int? cellId, CancellationToken ct)
    {
        Input = new MemberInput { Ethnicity = "Kinh", Religion = Religions.None, CellId = cellId };
        await LoadCellsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.MemberId = null;
        Input.OnRoll = true;
        await MemberForm.ValidateIntoAsync(validator, Input, ModelState, ct);

        var cell = await MemberForm.FindCellAsync(access, Input.CellId, Capability.EditMembers, ModelState, ct);

        if (!ModelState.IsValid || cell is null)
        {
            await LoadCellsAsync(ct);
            return Page();
        }

        Member member;
        try
        {
            member = new Member(Input.ToProfile(), Input.ToAdmission(), cell);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            await LoadCellsAsync(ct);
            return Page();
        }

        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same CCCD or card number between the check and this save: the unique
            // indexes refused it.
            ModelState.AddModelError("", MemberForm.UniqueClashMessage);
            await LoadCellsAsync(ct);
            return Page();
        }

        TempData["Message"] = $"Đã lưu hồ sơ đảng viên {member.FullName}.";
        return RedirectToPage("Details", new { id = member.Id });
    }

    private async Task LoadCellsAsync(CancellationToken ct)
    {
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.EditMembers, ct);
        // Active cells only, in tree order; committees are not selectable.
        CellItems = tree.Where(n => n.Status == OrganizationStatus.Active && n.Kind.HoldsMembers())
            .Select(n => new SelectListItem(n.Name, n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Id == Input.CellId))
            .ToList();
    }
}
