using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>
/// Opens a case for a member (step 1): the education-and-help track with reason codes C1–C5 and evidence,
/// the direct-removal track with its grounds (§3.3), or a letter asking to leave. Only the secretary of the
/// member's own cell may.
/// </summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class ProposeModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    /// <summary>Null when the user may read the member but is not the secretary of their cell.</summary>
    public bool CanPropose { get; private set; }
    public IReadOnlyList<OpenCaseRow> OpenCases { get; private set; } = [];

    public sealed record OpenCaseRow(int Id, ScreeningTrack Track, ScreeningStatus Status);

    [BindProperty]
    public ProposeInput Input { get; set; } = new();

    public sealed class ProposeInput
    {
        public ScreeningTrack Track { get; set; } = ScreeningTrack.Education;
        public List<ReasonCode> Reasons { get; set; } = [];
        public List<DirectRemovalGround> Grounds { get; set; } = [];
        public string? Evidence { get; set; }
        public string? EffectiveOn { get; set; }
        public DocumentKind? DocumentKind { get; set; }
        public string? DocumentNumber { get; set; }
        public string? DocumentDate { get; set; }
        public string? DocumentSigner { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Input.EffectiveOn = Format.Date(Format.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var cell = new ScreeningAccess.CaseCell(Member.OrganizationId, Member.Organization!.Name, Member.Organization.Path, Member.Organization.Kind);
        var opening = Input.Track switch
        {
            ScreeningTrack.DirectRemoval => ScreeningAction.ProposeDirectRemoval,
            ScreeningTrack.VoluntaryWithdrawal => ScreeningAction.RequestWithdrawal,
            _ => ScreeningAction.Propose,
        };
        var actor = await new ScreeningAccess(db, access).OpeningActorAsync(opening, Input.Track, cell, ct);
        if (actor is null)
        {
            ModelState.AddModelError("", "Chỉ bí thư (chi ủy) của chi bộ nơi đảng viên sinh hoạt mới được mở hồ sơ rà soát.");
            return Page();
        }
        if (ScreeningAccess.OpeningRefusal(OpenCases.Select(c => (c.Id, c.Track, c.Status)), Input.Track) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        ScreeningCase created;
        try
        {
            var effective = ParseDate(Input.EffectiveOn, "Ngày đề xuất", required: true)!.Value;
            DocumentRef? document = Input.DocumentKind is { } kind
                ? new DocumentRef(kind, Input.DocumentNumber, ParseDate(Input.DocumentDate, "Ngày văn bản", required: false) ?? effective, Input.DocumentSigner)
                : null;
            var ctx = StepContext.Now(clock, actor, effective, document, Input.Note);
            created = Input.Track switch
            {
                ScreeningTrack.DirectRemoval => ScreeningCase.ProposeDirectRemoval(Member, Input.Grounds, Input.Evidence, ctx),
                ScreeningTrack.VoluntaryWithdrawal => ScreeningCase.RequestWithdrawal(Member, ctx),
                _ => ScreeningCase.Propose(Member, Input.Reasons, Input.Evidence, ctx),
            };
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        db.ScreeningCases.Add(created);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã mở hồ sơ rà soát cho đảng viên {Member.FullName}.";
        return RedirectToPage("Case", new { id = created.Id });
    }

    private static DateOnly? ParseDate(string? text, string what, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
            return required ? throw new DomainException($"Hãy nhập {what.ToLowerInvariant()} (dd/mm/yyyy).") : null;
        return Format.ParseDate(text) ?? throw new DomainException($"{what} không hợp lệ (dd/mm/yyyy).");
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.ViewCases, ct);
        if (member is null) return false;
        Member = member;
        var cell = new ScreeningAccess.CaseCell(member.OrganizationId, member.Organization!.Name, member.Organization.Path, member.Organization.Kind);
        var screening = new ScreeningAccess(db, access);
        CanPropose = await screening.OpeningActorAsync(ScreeningAction.Propose, ScreeningTrack.Education, cell, ct) is not null;
        OpenCases = [.. (await screening.OpenCasesAsync(memberId, ct)).Select(c => new OpenCaseRow(c.Id, c.Track, c.Status))];
        return true;
    }
}
