using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers.Proceedings;

/// <summary>The UBKT opens an inspection, a complaint or a suspension about a member on its roll (from the member's profile).</summary>
[Authorize(Policy = Policies.RecordInspections)]
public sealed class OpenModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public ProceedingKind Kind { get; set; } = ProceedingKind.Inspection;
        public string? OpenedOn { get; set; }
        public string? Reference { get; set; }
        public string? Summary { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Input.OpenedOn = Format.Date(Format.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var openedOn = ModelState.RequiredDate("Input.OpenedOn", Input.OpenedOn, "ngày bắt đầu");
        if (!Member.IsOnRoll)
            ModelState.AddModelError("", $"Đảng viên {Member.FullName} không còn trong danh sách (\"{Member.RollState.DisplayName()}\").");
        if (!ModelState.IsValid) return Page();

        MemberProceeding? proceeding = null;
        if (!ModelState.TryApply(() => proceeding = new MemberProceeding(Member.Id, Input.Kind, openedOn!.Value, Input.Reference, Input.Summary,
                Format.Today(clock))))
            return Page();
        db.MemberProceedings.Add(proceeding!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã mở việc \"{proceeding!.Kind.DisplayName()}\" về đảng viên {Member.FullName}.";
        return RedirectToPage("/Members/Details", new { id = Member.Id });
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.RecordInspections, ct);
        if (member is null) return false;
        Member = member;
        return true;
    }
}
