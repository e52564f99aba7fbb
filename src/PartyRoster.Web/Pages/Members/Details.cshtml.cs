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

/// <summary>A member's full record (lý lịch), printable; recording a death and managing the photo from here.</summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access, MemberPhotoStore photos, TimeProvider clock) : PageModel
{
    private const string ConflictMessage = "Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

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

    [BindProperty]
    public PhotoInput Photo { get; set; } = new();

    public sealed class PhotoInput
    {
        public IFormFile? File { get; set; }
        /// <summary>Null unless this form was posted (a new member's Version is 0, so 0 cannot mean "not posted").</summary>
        public int? Version { get; set; }
    }

    public sealed class DeathInput
    {
        public string? Date { get; set; }
        public string? Note { get; set; }
        /// <summary>Null unless this form was posted (a new member's Version is 0, so 0 cannot mean "not posted").</summary>
        public int? Version { get; set; }
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

        if (!ModelState.TryApply(() => member.RecordDeath(date!.Value, Death.Note))) return Page();

        // A form without its Version cannot prove it saw the latest record: treat it as a conflict.
        db.Entry(member).Property(m => m.Version).OriginalValue = Death.Version ?? -1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(member).ReloadAsync(ct);
            ModelState.Clear();
            Death = new DeathInput { Version = member.Version };
            Photo = new PhotoInput { Version = member.Version };
            ModelState.AddModelError("", ConflictMessage);
            return Page();
        }

        TempData["Message"] = $"Đã ghi nhận đảng viên {member.FullName} từ trần ngày {Format.Date(date)}.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>
    /// The photo itself, behind the same scope check as the page (404 outside it). Private and revalidated on
    /// every view, so a revoked grant stops showing it; the ETag (the stored name) makes revalidation cheap.
    /// </summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.ViewMembers, ct);
        if (member?.PhotoFileName is not { } storedName) return NotFound();
        var stream = photos.OpenRead(storedName);
        if (stream is null) return NotFound();
        Response.Headers.CacheControl = "private, no-cache";
        return new FileStreamResult(stream, MemberPhotoStore.ContentTypeOf(storedName))
        {
            EntityTag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(storedName)}\""),
        };
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.EditMembers, ct);
        if (member is null) return NotFound();
        await LoadAsync(member, ct);
        if (Photo.File is null || Photo.File.Length == 0)
        {
            ModelState.AddModelError("Photo.File", "Hãy chọn ảnh cần tải lên (JPG hoặc PNG).");
            return Page();
        }

        var previous = member.PhotoFileName;
        string stored;
        try
        {
            await using var content = Photo.File.OpenReadStream();
            stored = await photos.SaveAsync(member.Id, content, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Photo.File", ex.Message);
            return Page();
        }

        member.SetPhoto(stored);
        var saved = false;
        try
        {
            saved = await SavePhotoChangeAsync(member, ct);
        }
        finally
        {
            // A file no row points at is garbage: drop it whatever stopped the save.
            if (!saved) photos.Delete(stored);
        }
        if (!saved) return Page();
        // Only once the row points at the new file may the old one go.
        photos.Delete(previous);
        TempData["Message"] = previous is null ? "Đã lưu ảnh đảng viên." : "Đã thay ảnh đảng viên.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int id, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(id, Capability.EditMembers, ct);
        if (member is null) return NotFound();
        await LoadAsync(member, ct);
        var previous = member.PhotoFileName;
        if (!ModelState.TryApply(member.RemovePhoto)) return Page();
        if (!await SavePhotoChangeAsync(member, ct)) return Page();
        photos.Delete(previous);
        TempData["Message"] = "Đã gỡ ảnh đảng viên.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Saves with the Version the page was shown with; on a conflict reloads the record and says so.</summary>
    private async Task<bool> SavePhotoChangeAsync(Member member, CancellationToken ct)
    {
        db.Entry(member).Property(m => m.Version).OriginalValue = Photo.Version ?? -1;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(member).ReloadAsync(ct);
            ModelState.Clear();
            Photo = new PhotoInput { Version = member.Version };
            Death = new DeathInput { Version = member.Version };
            ModelState.AddModelError("", ConflictMessage);
            return false;
        }
    }

    private async Task LoadAsync(Member member, CancellationToken ct)
    {
        Member = member;
        Today = Format.Today(clock);
        var path = member.Organization!.Path;
        CanEdit = await access.CanAsync(Capability.EditMembers, path, ct);
        CanRecordLeaving = await access.CanAsync(Capability.RecordMemberLeaving, path, ct) && !member.RollState.IsFinal();
        // The form that was not posted shows the record as loaded now.
        Death.Version ??= member.Version;
        Photo.Version ??= member.Version;
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
