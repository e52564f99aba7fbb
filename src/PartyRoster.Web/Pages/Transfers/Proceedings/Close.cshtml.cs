using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers.Proceedings;

/// <summary>The UBKT closes a proceeding with its conclusion; from then on it no longer blocks a transfer or the rating.</summary>
[Authorize(Policy = Policies.RecordInspections)]
public sealed class CloseModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public MemberProceeding Proceeding { get; private set; } = null!;
    public Member Member { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? ClosedOn { get; set; }
        public string? Conclusion { get; set; }
        /// <summary>The proceeding's version when the form was shown.</summary>
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.ClosedOn = Format.Date(Format.Today(clock));
        Input.Version = Proceeding.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var closedOn = ModelState.RequiredDate("Input.ClosedOn", Input.ClosedOn, "ngày kết thúc");
        if (!ModelState.IsValid) return Page();
        if (!ModelState.TryApply(() => Proceeding.Close(closedOn!.Value, Input.Conclusion, Format.Today(clock)))) return Page();

        db.Entry(Proceeding).Property(p => p.Version).OriginalValue = Input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(Proceeding).ReloadAsync(ct);
            ModelState.Clear();
            Input = new InputModel { ClosedOn = Input.ClosedOn, Conclusion = Input.Conclusion, Version = Proceeding.Version };
            ModelState.AddModelError("", TransferAccess.ConflictMessage);
            return Page();
        }
        TempData["Message"] = $"Đã kết thúc việc \"{Proceeding.Kind.DisplayName()}\" về đảng viên {Member.FullName}.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var proceeding = await db.MemberProceedings.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proceeding is null) return false;
        var member = await access.FindMemberAsync(proceeding.MemberId, Capability.RecordInspections, ct);
        if (member is null) return false;
        Proceeding = proceeding;
        Member = member;
        return true;
    }
}
