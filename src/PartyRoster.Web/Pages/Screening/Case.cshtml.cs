using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>
/// The case file (hồ sơ rà soát): the member, the reasons, the timeline of every step with its documents,
/// the attachments, what is due next — and one form per step the user may take now. Each POST loads the
/// case through the scope check, runs one domain method, saves with the Version the page was shown with,
/// and redirects.
/// </summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class CaseModel(
    PartyRosterDbContext db,
    AccessService access,
    RuleBook rules,
    WorkingCalendarService calendars,
    AttachmentStore attachments,
    TimeProvider clock) : PageModel
{
    public const string ConflictMessage = "Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

    private readonly ScreeningAccess _screening = new(db, access);

    public ScreeningCase Case { get; private set; } = null!;
    public ScreeningAccess.CaseCell Cell { get; private set; } = null!;
    public MemberSummary Member { get; private set; } = null!;
    public string? HelperName { get; private set; }
    public IReadOnlyDictionary<ScreeningAction, Actor> Actions { get; private set; } = new Dictionary<ScreeningAction, Actor>();
    public IReadOnlyDictionary<int, string> OrganizationNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public IReadOnlyList<HelperOption> HelperOptions { get; private set; } = [];
    /// <summary>Official, non-exempt members of the cell: the basis of the cell's ballots.</summary>
    public int VotingBasis { get; private set; }
    /// <summary>The cell's basis pre-fills its own ballots; a committee's or the BTV's size is not known here, so their count starts empty rather than 0.</summary>
    private int? DefaultEligible => VotingBasis > 0 ? VotingBasis : null;
    public DateOnly Today { get; private set; }
    /// <summary>The action whose form failed, so the page opens it again.</summary>
    public ScreeningAction? FailedAction { get; private set; }
    public bool CanUpload => Actions.Count > 0;
    public bool UploadFailed { get; private set; }

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int? UploadStep { get; set; }

    public sealed record MemberSummary(int Id, string FullName, Standing Standing, RollState RollState, string OrganizationName, int OrganizationId);

    public sealed record AttachmentRow(int Id, int? StepSequence, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc);

    public sealed record HelperOption(int Id, string FullName, Standing Standing);

    public sealed class StepInput
    {
        public int Version { get; set; }
        public string? EffectiveOn { get; set; }
        public DocumentKind? DocumentKind { get; set; }
        public string? DocumentNumber { get; set; }
        public string? DocumentDate { get; set; }
        public string? DocumentSigner { get; set; }
        public string? Note { get; set; }

        public int? Eligible { get; set; }
        public int? Present { get; set; }
        public int? BallotsCast { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }

        /// <summary>Yes/no of the step: approve (Direct), confirmed (verification), propose removal (escalation), upheld (appeal), approved (withdrawal).</summary>
        public bool Approve { get; set; } = true;
        public int? RequestCount { get; set; }
        public int? HelperId { get; set; }
        public bool HelperIsCellCommitteeMember { get; set; }
        /// <summary>The step's main text: progress note, member's self-review, findings, reason.</summary>
        public string? Text { get; set; }
        /// <summary>The helper's assessment (final review).</summary>
        public string? Text2 { get; set; }
        public Disposition? Disposition { get; set; }
        public string? ReceivedOn { get; set; }
    }

    // ---------------------------------------------------------------- GET

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new StepInput { Version = Case.Version, EffectiveOn = Format.Date(Today), Eligible = DefaultEligible };
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, int attachmentId, CancellationToken ct)
    {
        var cellId = await db.ScreeningCases.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.CellId).FirstOrDefaultAsync(ct);
        if (cellId is null || await _screening.CellIfVisibleAsync(cellId.Value, ct) is null) return NotFound();
        var file = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ScreeningCaseId == id, ct);
        if (file is null) return NotFound();
        // Always a download (never rendered inline), under the type the store verified.
        return File(attachments.OpenRead(file), file.ContentType, file.FileName);
    }

    // ---------------------------------------------------------------- steps 2–6

    public Task<IActionResult> OnPostDirectAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.Direct, (c, ctx) => { c.Direct(Input.Approve, ctx); return Task.CompletedTask; },
            () => Input.Approve ? "Đã ghi ý kiến chỉ đạo: đồng ý đưa vào danh sách dự kiến." : "Đã ghi ý kiến chỉ đạo: gạch tên khỏi danh sách dự kiến.", ct);

    public Task<IActionResult> OnPostRecordListBallotAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordListBallot, (c, ctx) =>
        {
            c.RecordListBallot(Tally(), VotingBasis, rules, ctx);
            return Task.CompletedTask;
        }, () => "Đã ghi kết quả biểu quyết đưa vào danh sách.", ct);

    public Task<IActionResult> OnPostRecordSelfCriticismAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordSelfCriticism, (c, ctx) => { c.RecordSelfCriticism(ctx); return Task.CompletedTask; },
            () => "Đã ghi nhận bản tự kiểm điểm.", ct);

    public Task<IActionResult> OnPostRecordSelfCriticismRefusedAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordSelfCriticismRefused, (c, ctx) =>
        {
            c.RecordSelfCriticismRefused(Input.RequestCount ?? throw new DomainException("Hãy nhập số lần chi ủy đã yêu cầu."), rules, ctx);
            return Task.CompletedTask;
        }, () => "Đã ghi nhận đảng viên không tự kiểm điểm.", ct);

    public Task<IActionResult> OnPostAssignHelperAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.AssignHelper, async (c, ctx) =>
        {
            if (Input.HelperId is not { } helperId) throw new DomainException("Hãy chọn người giúp đỡ.");
            var helper = await db.Members.FirstOrDefaultAsync(m => m.Id == helperId, ct)
                ?? throw new DomainException("Không tìm thấy người giúp đỡ đã chọn.");
            c.AssignHelper(helper, Input.HelperIsCellCommitteeMember, rules, ctx);
        }, () => "Đã phân công người giúp đỡ.", ct);

    public Task<IActionResult> OnPostAddProgressNoteAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.AddProgressNote, (c, ctx) => { c.AddProgressNote(Input.Text ?? "", ctx); return Task.CompletedTask; },
            () => "Đã ghi nhận xét quá trình giúp đỡ.", ct);

    public Task<IActionResult> OnPostRecordFinalReviewAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordFinalReview, (c, ctx) => { c.RecordFinalReview(Input.Text ?? "", Input.Text2 ?? "", ctx); return Task.CompletedTask; },
            () => "Đã ghi kiểm điểm cuối kỳ.", ct);

    public Task<IActionResult> OnPostRecordBallotAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordBallot, (c, ctx) => { c.RecordBallot(Tally(), VotingBasis, rules, ctx); return Task.CompletedTask; },
            () => "Đã ghi kết quả biểu quyết.", ct);

    public Task<IActionResult> OnPostResolveEscalationAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.ResolveEscalation, (c, ctx) => { c.ResolveEscalation(Input.Approve, ctx); return Task.CompletedTask; },
            () => "Đã ghi quyết định của cấp ủy cấp trên.", ct);

    // ---------------------------------------------------------------- steps 7–11

    public Task<IActionResult> OnPostForwardAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.Forward, (c, ctx) =>
        {
            // A chi bộ trực thuộc goes up through its đảng ủy cơ sở, with that committee's vote; a chi bộ cơ sở directly.
            var via = Cell.Kind == Domain.Organizations.OrganizationKind.Cell;
            c.Forward(via ? Tally() : null, via, rules, ctx);
            return Task.CompletedTask;
        }, () => "Đã chuyển hồ sơ lên cấp trên.", ct);

    public Task<IActionResult> OnPostRecordVerificationAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.RecordVerification, (c, ctx) => { c.RecordVerification(Input.Approve, Input.Text ?? "", ctx); return Task.CompletedTask; },
            () => "Đã ghi kết luận thẩm tra.", ct);

    public Task<IActionResult> OnPostAdviseAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.Advise, (c, ctx) =>
        {
            c.Advise(Input.Disposition ?? throw new DomainException("Hãy chọn hình thức xử lý đề xuất."), ctx);
            return Task.CompletedTask;
        }, () => "Đã ghi tờ trình tham mưu.", ct);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.Decide, async (c, ctx) =>
        {
            var outcome = Input.Disposition ?? throw new DomainException("Hãy chọn hình thức xử lý.");
            var tally = Tally();
            // Tracked: the roll-state change is saved with the decision, in one SaveChanges.
            var member = await db.Members.FirstAsync(m => m.Id == c.MemberId, ct);
            c.Decide(outcome, member, tally, rules, ctx);
        }, () => "Đã ghi quyết định xử lý.", ct);

    public Task<IActionResult> OnPostDecideWithdrawalAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.DecideWithdrawal, async (c, ctx) =>
        {
            var member = await db.Members.FirstAsync(m => m.Id == c.MemberId, ct);
            c.DecideWithdrawal(Input.Approve, member, ctx);
        }, () => "Đã ghi quyết định về đơn xin ra khỏi Đảng.", ct);

    public Task<IActionResult> OnPostLodgeAppealAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.LodgeAppeal, async (c, ctx) =>
        {
            var received = ParseRequiredDate(Input.ReceivedOn, "Ngày nhận quyết định");
            var calendar = await calendars.GetAsync(ct);
            c.LodgeAppeal(received, calendar, rules, ctx);
        }, () => "Đã ghi nhận đơn khiếu nại.", ct);

    public Task<IActionResult> OnPostResolveAppealAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.ResolveAppeal, async (c, ctx) =>
        {
            var member = await db.Members.FirstAsync(m => m.Id == c.MemberId, ct);
            c.ResolveAppeal(Input.Approve, member, ctx);
        }, () => "Đã ghi kết quả giải quyết khiếu nại.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScreeningAction.Withdraw, (c, ctx) => { c.Withdraw(Input.Text ?? "", ctx); return Task.CompletedTask; },
            () => "Đã rút hồ sơ.", ct);

    // ---------------------------------------------------------------- attachments

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new StepInput { Version = Case.Version, EffectiveOn = Format.Date(Today), Eligible = DefaultEligible };
        UploadFailed = true;
        if (!CanUpload)
        {
            ModelState.AddModelError("", "Bạn không được đính kèm tài liệu vào hồ sơ ở bước này.");
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Hãy chọn tệp cần đính kèm (PDF hoặc ảnh).");
            return Page();
        }
        if (UploadStep is { } seq && Case.Steps.All(s => s.Sequence != seq))
        {
            ModelState.AddModelError(nameof(UploadStep), "Bước được chọn không thuộc hồ sơ này.");
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            var saved = await attachments.SaveAsync(Case.Id, UploadStep, Path.GetFileName(Upload.FileName), stream, access.UserId!, ct);
            TempData["Message"] = $"Đã đính kèm tệp {saved.FileName}.";
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }
        return RedirectToPage("Case", new { id });
    }

    // ---------------------------------------------------------------- machinery

    /// <summary>
    /// The shape of every step: scope, legality for this user, the common context (date, document, note),
    /// one domain call, save with the shown Version, PRG. A DomainException or a conflict re-renders with
    /// nothing saved.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, ScreeningAction action, Func<ScreeningCase, StepContext, Task> run, Func<string> done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FailedAction = action;

        if (!Actions.TryGetValue(action, out var actor))
        {
            ModelState.AddModelError("", Case.CanDo(action)
                ? $"Bạn không được '{action.DisplayName()}' đối với hồ sơ này."
                : $"Không thể '{action.DisplayName()}' khi hồ sơ đang ở trạng thái '{Case.Status.DisplayName()}'.");
            return Page();
        }

        try
        {
            var ctx = Context(actor);
            await run(Case, ctx);
        }
        catch (DomainException ex)
        {
            // The aggregate may have changed in memory before it refused: show the stored case again.
            await ReloadAsync(id, ct);
            ModelState.AddModelError("", ex.Message);
            return Page();
        }

        var entry = db.Entry(Case);
        entry.Property(c => c.Version).OriginalValue = Input.Version;
        // A step that changes no column of the case (a progress note) must still bump and check the Version.
        if (entry.State == EntityState.Unchanged) entry.Property(c => c.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ReloadAsync(id, ct);
            ModelState.Clear();
            Input = new StepInput { Version = Case.Version, EffectiveOn = Format.Date(Today), Eligible = DefaultEligible };
            ModelState.AddModelError("", ConflictMessage);
            return Page();
        }

        TempData["Message"] = done();
        return RedirectToPage("Case", new { id });
    }

    private StepContext Context(Actor actor)
    {
        var effective = ParseRequiredDate(Input.EffectiveOn, "Ngày hiệu lực");
        DocumentRef? document = null;
        if (Input.DocumentKind is { } kind)
        {
            var date = string.IsNullOrWhiteSpace(Input.DocumentDate) ? effective : ParseRequiredDate(Input.DocumentDate, "Ngày văn bản");
            document = new DocumentRef(kind, Input.DocumentNumber, date, Input.DocumentSigner);
        }
        return StepContext.Now(clock, actor, effective, document, Input.Note);
    }

    private BallotTally Tally()
    {
        if (Input.Eligible is not { } eligible || Input.Present is not { } present || Input.BallotsCast is not { } cast
            || Input.VotesFor is not { } votesFor || Input.VotesAgainst is not { } votesAgainst)
            throw new DomainException("Hãy nhập đủ các con số biểu quyết: số có quyền biểu quyết, có mặt, số phiếu phát ra, đồng ý, không đồng ý.");
        return new BallotTally(eligible, present, cast, votesFor, votesAgainst);
    }

    private static DateOnly ParseRequiredDate(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException($"Hãy nhập {what.ToLowerInvariant()} (dd/mm/yyyy).");
        return Format.ParseDate(text) ?? throw new DomainException($"{what} không hợp lệ (dd/mm/yyyy).");
    }

    private async Task ReloadAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
    }

    /// <summary>Loads the case (tracked, with its steps) and what the page shows; false when out of scope or missing.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.ScreeningCases.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        var cell = await _screening.CellIfVisibleAsync(c.CellId, ct);
        if (cell is null) return false;
        Case = c;
        Cell = cell;
        Today = Format.Today(clock);
        Actions = await _screening.ActionsAsync(c, cell, ct);

        Member = await db.Members.AsNoTracking().Where(m => m.Id == c.MemberId)
            .Select(m => new MemberSummary(m.Id, m.FullName, m.Standing, m.RollState, m.Organization!.Name, m.OrganizationId))
            .FirstAsync(ct);
        HelperName = c.HelperMemberId is { } h
            ? await db.Members.AsNoTracking().Where(m => m.Id == h).Select(m => m.FullName).FirstOrDefaultAsync(ct)
            : null;
        var orgIds = c.Steps.Select(s => s.Actor.OrganizationId).Append(c.CellId).Distinct().ToList();
        OrganizationNames = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.ScreeningCaseId == c.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.StepSequence, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc))
            .ToListAsync(ct);

        if (Actions.ContainsKey(ScreeningAction.RecordListBallot) || Actions.ContainsKey(ScreeningAction.RecordBallot))
        {
            // §3.2 step 3: official members on the roll, exempt members (miễn sinh hoạt) left out of the base.
            VotingBasis = await db.Members.CountAsync(m => m.OrganizationId == c.CellId && m.Standing == Standing.Official
                && (m.RollState == RollState.Active || m.RollState == RollState.TemporarilyAway), ct);
        }
        if (Actions.ContainsKey(ScreeningAction.AssignHelper))
        {
            HelperOptions = await db.Members.AsNoTracking()
                .Where(m => m.OrganizationId == c.CellId && m.Id != c.MemberId && m.Id != c.HelperMemberId
                    && (m.RollState == RollState.Active || m.RollState == RollState.TemporarilyAway))
                .OrderBy(m => m.SortKey)
                .Select(m => new HelperOption(m.Id, m.FullName, m.Standing))
                .ToListAsync(ct);
        }
        return true;
    }

    // ---------------------------------------------------------------- view helpers

    /// <summary>The transition rule for an action legal now (its required documents, its guard).</summary>
    public TransitionRule RuleOf(ScreeningAction action) =>
        ScreeningCase.Transitions.First(r => r.Applies(Case.Status, action, Case.Track));

    public static string StatusBadge(ScreeningStatus s) => s switch
    {
        ScreeningStatus.RemovedFromRoll or ScreeningStatus.Expelled or ScreeningStatus.Withdrew => "text-bg-danger",
        ScreeningStatus.ProgressRecognized or ScreeningStatus.Reinstated => "text-bg-success",
        ScreeningStatus.Dropped or ScreeningStatus.Withdrawn => "text-bg-secondary",
        ScreeningStatus.Appealed or ScreeningStatus.Escalated => "text-bg-warning",
        _ => "text-bg-primary",
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.0} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}
