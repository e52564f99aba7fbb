using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>A member's full record (lý lịch), printable; recording a death from here.</summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanRecordLeaving { get; private set; }
    /// <summary>The secretary of the member's own cell may open a screening case (domain.md §3.2 step 1).</summary>
    public bool CanProposeCase { get; private set; }
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public sealed record CaseRow(int Id, Domain.Screening.ScreeningTrack Track, Domain.Screening.ScreeningStatus Status, DateOnly OpenedOn);

    [BindProperty]
    public DeathInput Death { get; set; } = new();

    public sealed class DeathInput
    {
        public string? Date { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.ViewMembers, ct);
        if (member is null) return NotFound();
        await LoadAsync(member, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeathAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.RecordMemberLeaving, ct);
        if (member is null) return NotFound();
        await LoadAsync(member, ct);

        var date = Format.ParseDate(Death.Date);
        if (date is null)
            ModelState.AddModelError("Death.Date", string.IsNullOrWhiteSpace(Death.Date)
                ? "Hãy nhập ngày từ trần."
                : "Ngày từ trần không hợp lệ (dd/mm/yyyy).");
        else if (date > Today)
            ModelState.AddModelError("Death.Date", "Ngày từ trần không được sau ngày hôm nay.");
        if (Death.Note is { Length: > MemberRules.NoteMaxLength })
            ModelState.AddModelError("Death.Note", $"Ghi chú dài quá {MemberRules.NoteMaxLength} ký tự.");
        if (!ModelState.IsValid) return Page();

        try
        {
            member.RecordDeath(date!.Value, Death.Note);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = Death.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(member).ReloadAsync(ct);
            ModelState.Clear();
            Death = new DeathInput { Version = member.Version };
            ModelState.AddModelError("", "Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.");
            return Page();
        }

        TempData["Message"] = $"Đã ghi nhận đảng viên {member.FullName} từ trần ngày {Format.Date(date)}.";
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Member member, CancellationToken ct)
    {
        Member = member;
        Today = Format.Today(clock);
        var path = member.Organization!.Path;
        CanEdit = await access.CanAsync(Capability.EditMembers, path, ct);
        CanRecordLeaving = await access.CanAsync(Capability.RecordMemberLeaving, path, ct) && !member.RollState.IsFinal();
        if (Death.Version == 0) Death.Version = member.Version;
        var grants = await access.GrantsAsync(ct);
        CanProposeCase = member.IsOnRoll && grants.Any(g => g.Role == Role.CellSecretary && g.OrganizationPath == path);
        if (await access.CanAsync(Capability.ViewCases, path, ct))
        {
            Cases = await db.ScreeningCases.AsNoTracking().Where(c => c.MemberId == member.Id)
                .OrderByDescending(c => c.Id)
                .Select(c => new CaseRow(c.Id, c.Track, c.Status, c.OpenedOn))
                .ToListAsync(ct);
        }
    }

    public static string StandingBadge(Standing s) => s == Standing.Official ? "text-bg-success" : "text-bg-warning";

    public static string RollStateBadge(RollState s) => s switch
    {
        RollState.Active => "text-bg-success",
        RollState.ExemptFromActivities or RollState.TemporarilyAway => "text-bg-info",
        RollState.Deceased => "text-bg-dark",
        _ => "text-bg-secondary",
    };
}
