using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Exemptions;

/// <summary>The member returns to activity (trở lại sinh hoạt): the exemption ends and the member is active again, in one save.</summary>
[Authorize(Policy = Policies.RecordExemptions)]
public sealed class ReturnModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Exemption Exemption { get; private set; } = null!;
    public Member Member { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? ReturnedOn { get; set; }
        public string? Note { get; set; }
        /// <summary>The exemption's version when the form was shown.</summary>
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { ReturnedOn = Format.Date(Today), Version = Exemption.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var returnedOn = ExemptionForms.Date(ModelState, "Input.ReturnedOn", Input.ReturnedOn, "Ngày trở lại sinh hoạt", required: true);
        if (!ModelState.IsValid) return Page();
        if (!ModelState.TryApply(() => Exemption.Return(Member, returnedOn!.Value, Input.Note, Today))) return Page();

        // A form without the exemption's version cannot prove it saw the latest record: treat it as a conflict.
        db.Entry(Exemption).Property(e => e.Version).OriginalValue = Input.Version ?? -1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Input.Version = Exemption.Version;
            ModelState.AddModelError("", ExemptionForms.ConflictMessage);
            return Page();
        }

        TempData["Message"] = $"Đảng viên {Member.FullName} đã trở lại sinh hoạt từ ngày {Format.Date(returnedOn)}.";
        return Redirect($"/Members/Details/{Member.Id}");
    }

    /// <summary>The exemption and its member, both tracked, when the member is in the user's scope; otherwise false (→ 404).</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = Format.Today(clock);
        var exemption = await db.Exemptions.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exemption is null) return false;
        var member = await access.FindMemberAsync(exemption.MemberId, Capability.RecordExemptions, ct);
        if (member is null) return false;
        Exemption = exemption;
        Member = member;
        return true;
    }
}
