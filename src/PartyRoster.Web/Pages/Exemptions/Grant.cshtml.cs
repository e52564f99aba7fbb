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

/// <summary>
/// The cell's secretary records the cell's resolution exempting a member from work and activities; the member's
/// roll state changes in the same save, so they leave the attendance form and the voting bases at once.
/// </summary>
[Authorize(Policy = Policies.RecordExemptions)]
public sealed class GrantModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public ExemptionGround? Ground { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? ResolutionNumber { get; set; }
        public string? ResolutionDate { get; set; }
        public string? Note { get; set; }
        /// <summary>The member record's version when the form was shown.</summary>
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.RecordExemptions, ct);
        if (member is null) return NotFound();
        Member = member;
        var today = Format.Date(Format.Today(clock));
        Input = new InputModel { StartsOn = today, ResolutionDate = today, Version = member.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.RecordExemptions, ct);
        if (member is null) return NotFound();
        Member = member;

        if (Input.Ground is null) ModelState.AddModelError("Input.Ground", "Hãy chọn lý do miễn.");
        var startsOn = ExemptionForms.Date(ModelState, "Input.StartsOn", Input.StartsOn, "Ngày bắt đầu miễn", required: true);
        var endsOn = ExemptionForms.Date(ModelState, "Input.EndsOn", Input.EndsOn, "Ngày kết thúc miễn", required: false);
        var resolutionDate = ExemptionForms.Date(ModelState, "Input.ResolutionDate", Input.ResolutionDate, "Ngày nghị quyết", required: true);
        if (!ModelState.IsValid) return Page();

        var open = await db.Exemptions.FirstOrDefaultAsync(e => e.MemberId == memberId && e.ReturnedOn == null, ct);
        Exemption? exemption = null;
        if (!ModelState.TryApply(() => exemption = Exemption.Grant(member, open, Input.Ground!.Value, startsOn!.Value, endsOn,
                Input.ResolutionNumber, resolutionDate!.Value, Input.Note, Format.Today(clock))))
            return Page();

        db.Exemptions.Add(exemption!);
        // A form without the member's version cannot prove it saw the latest record: treat it as a conflict.
        db.Entry(member).Property(m => m.Version).OriginalValue = Input.Version ?? -1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The member changed since the form was shown, or another exemption was opened meanwhile.
            db.ChangeTracker.Clear();
            Member = (await access.FindMemberAsync(memberId, Capability.RecordExemptions, ct))!;
            Input.Version = Member.Version;
            ModelState.AddModelError("", ExemptionForms.ConflictMessage);
            return Page();
        }

        TempData["Message"] = $"Đã ghi nghị quyết miễn công tác và sinh hoạt cho đảng viên {member.FullName} từ ngày {Format.Date(startsOn)}.";
        return Redirect($"/Members/Details/{memberId}");
    }
}
