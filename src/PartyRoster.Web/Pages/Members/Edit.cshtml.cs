using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

[Authorize(Policy = Policies.EditMembers)]
public sealed class EditModel(PartyRosterDbContext db, AccessService access, IValidator<MemberInput> validator) : PageModel, IMemberFormPage
{
    public const string ConflictMessage = "Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CellItems => [];

    public string? CellName { get; private set; }

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.EditMembers, ct);
        if (member is null) return NotFound();
        Input = MemberInput.From(member);
        Show(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.EditMembers, ct);
        if (member is null) return NotFound();
        Show(member);

        Input.MemberId = member.Id;
        Input.OnRoll = member.IsOnRoll;
        Input.CellId = member.OrganizationId;
        await MemberForm.ValidateIntoAsync(validator, Input, ModelState, ct);
        if (!ModelState.IsValid) return Page();

        // The name tokens are replaced when the name changes: load them so the old ones are deleted.
        await db.Entry(member).Collection(m => m.NameTokens).LoadAsync(ct);
        if (!ModelState.TryApply(() =>
            {
                member.UpdateProfile(Input.ToProfile());
                member.UpdateAdmission(Input.ToAdmission());
            }))
        {
            return Page();
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = Input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await access.FindMemberAsync(id, Capability.EditMembers, ct);
            if (fresh is null) return NotFound();
            ModelState.Clear();
            Input = MemberInput.From(fresh);
            Show(fresh);
            ModelState.AddModelError("", ConflictMessage);
            return Page();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Số CCCD hoặc số thẻ đảng viên vừa được dùng cho một đảng viên khác. Hãy kiểm tra lại.");
            return Page();
        }

        TempData["Message"] = $"Đã lưu hồ sơ đảng viên {member.FullName}.";
        return RedirectToPage("Details", new { id });
    }

    private void Show(Member member)
    {
        Id = member.Id;
        CellName = member.Organization!.Name;
    }
}
