using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Signals;

/// <summary>
/// The signals raised from the cell's books (domain.md §4) for the cells in the user's scope: who, what, the
/// evidence, and — for the cell's own secretary — one button that opens the screening case with that evidence.
/// Anyone who reads signals may run the evaluation again for what they see.
/// </summary>
[Authorize(Policy = Policies.ViewSignals)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, SignalEvaluation evaluation, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<MeetingCells.CellOption> Cells { get; private set; } = [];
    /// <summary>Null: every cell in scope.</summary>
    public MeetingCells.CellOption? Cell { get; private set; }
    public IReadOnlyList<SignalRow> Open { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<SignalRow> WithCase { get; private set; } = [];
    public SignalRun? LastRun { get; private set; }
    /// <summary>Cells whose secretary the user is: a case may be opened from their signals.</summary>
    public IReadOnlySet<int> CanOpenCaseIn { get; private set; } = new HashSet<int>();

    public sealed record SignalRow(int Id, int MemberId, string MemberName, int CellId, string CellName, SignalKind Kind,
        string PeriodKey, string Evidence, DateOnly RaisedOn, DateOnly CheckedOn, int? CaseId, bool OnRoll)
    {
        /// <summary>The transfer a late-papers signal is about ("T17" → 17), for the link to its letter.</summary>
        public int? TransferId => Kind == SignalKind.TransferPapersLate && int.TryParse(PeriodKey.AsSpan(1), out var id) ? id : null;
    }

    public async Task<IActionResult> OnGetAsync(int? cellId, int? page, CancellationToken ct)
    {
        if (!await LoadScopeAsync(cellId, ct)) return NotFound();
        PageNumber = Math.Max(1, page ?? 1);
        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>Runs the evaluation now for the chosen cell (or every cell in scope) and shows the result.</summary>
    public async Task<IActionResult> OnPostEvaluateAsync(int? cellId, CancellationToken ct)
    {
        if (!await LoadScopeAsync(cellId, ct)) return NotFound();
        var cells = Cell is null ? Cells.Select(c => c.Id).ToList() : [Cell.Id];
        var name = Cell?.Name ?? $"{Format.Number(cells.Count)} chi bộ trong phạm vi";
        var run = await evaluation.EvaluateAsync(cells, name, access.UserId, ct);
        TempData["Message"] = $"Đã đánh giá lại {Format.Number(run.MembersChecked)} đảng viên: {Format.Number(run.Raised)} cảnh báo mới, "
            + $"{Format.Number(run.Resolved)} cảnh báo không còn căn cứ, {Format.Number(run.OpenAfter)} cảnh báo đang chờ xem xét.";
        return RedirectToPage(new { cellId });
    }

    /// <summary>Opens a screening case from the signal in one step: track, ground and evidence come from the signal.</summary>
    public async Task<IActionResult> OnPostStartCaseAsync(int signalId, int? cellId, CancellationToken ct)
    {
        var signal = await db.Signals.FirstOrDefaultAsync(s => s.Id == signalId, ct);
        var member = signal is null ? null : await access.FindMemberAsync(signal.MemberId, Capability.ViewSignals, ct);
        if (signal is null || member is null) return NotFound();

        var screening = new ScreeningAccess(db, access);
        var (track, ground, reason) = signal.Kind.CaseOpening();
        var opening = track == ScreeningTrack.DirectRemoval ? ScreeningAction.ProposeDirectRemoval : ScreeningAction.Propose;
        var cell = new ScreeningAccess.CaseCell(member.OrganizationId, member.Organization!.Name, member.Organization.Path, member.Organization.Kind);
        var actor = await screening.OpeningActorAsync(opening, track, cell, ct);
        string? refusal = actor is null
            ? "Chỉ bí thư (chi ủy) của chi bộ nơi đảng viên sinh hoạt mới được mở hồ sơ rà soát."
            : ScreeningAccess.OpeningRefusal(await screening.OpenCasesAsync(member.Id, ct), track);

        ScreeningCase? created = null;
        if (refusal is null)
        {
            try
            {
                var today = Format.Today(clock);
                var ctx = StepContext.Now(clock, actor!, today, null, $"Mở từ cảnh báo: {signal.Kind.DisplayName()} ({signal.PeriodKey}).");
                created = ground is { } g
                    ? ScreeningCase.ProposeDirectRemoval(member, [g], signal.Evidence, ctx)
                    : ScreeningCase.Propose(member, [reason!.Value], signal.Evidence, ctx);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.ScreeningCases.Add(created);
                await db.SaveChangesAsync(ct);
                signal.LinkCase(created.Id);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DomainException ex)
            {
                refusal = ex.Message;
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = "Cảnh báo vừa được người khác xử lý. Hãy xem lại danh sách.";
            }
        }
        if (refusal is not null)
        {
            TempData["Error"] = refusal;
            return RedirectToPage(new { cellId });
        }
        TempData["Message"] = $"Đã mở hồ sơ rà soát cho đảng viên {member.FullName} từ cảnh báo; chứng cứ đã được ghi vào hồ sơ.";
        return RedirectToPage("/Screening/Case", new { id = created!.Id });
    }

    private async Task<bool> LoadScopeAsync(int? cellId, CancellationToken ct)
    {
        Cells = await MeetingCells.InScopeAsync(access, Capability.ViewSignals, ct);
        if (cellId is null)
        {
            // A secretary of one cell sees that cell; a committee starts with everything in scope.
            Cell = Cells.Count == 1 ? Cells[0] : null;
            return true;
        }
        Cell = Cells.FirstOrDefault(c => c.Id == cellId);
        return Cell is not null;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var cellIds = Cell is null ? Cells.Select(c => c.Id).ToList() : [Cell.Id];
        var names = Cells.ToDictionary(c => c.Id, c => c.Name);
        var scoped = db.Signals.AsNoTracking().Where(s => cellIds.Contains(s.CellId));
        var open = scoped.Where(s => s.ResolvedOn == null && s.CaseId == null);
        OpenCount = await open.CountAsync(ct);
        Open = await RowsAsync(open.OrderBy(s => s.CellId).ThenBy(s => s.MemberId).ThenBy(s => s.Kind)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize), names, ct);
        var since = Format.Today(clock).AddMonths(-12);
        WithCase = await RowsAsync(scoped.Where(s => s.CaseId != null && s.CheckedOn >= since)
            .OrderByDescending(s => s.CheckedOn).Take(PageSize), names, ct);

        LastRun = await db.SignalRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        var screening = new ScreeningAccess(db, access);
        var openable = new HashSet<int>();
        // Only a cell secretary opens cases; the levels above skip the per-cell check.
        var secretary = await screening.HasRoleAsync(Role.CellSecretary, ct);
        foreach (var c in Cells.Where(c => secretary && Open.Any(r => r.CellId == c.Id)))
        {
            var cell = await db.Organizations.AsNoTracking().Where(o => o.Id == c.Id)
                .Select(o => new ScreeningAccess.CaseCell(o.Id, o.Name, o.Path, o.Kind)).FirstAsync(ct);
            if (await screening.OpeningActorAsync(ScreeningAction.Propose, ScreeningTrack.Education, cell, ct) is not null) openable.Add(c.Id);
        }
        CanOpenCaseIn = openable;
    }

    private async Task<List<SignalRow>> RowsAsync(IQueryable<Signal> query, Dictionary<int, string> cellNames, CancellationToken ct)
    {
        var rows = await query
            .Select(s => new
            {
                s,
                Member = db.Members.Where(m => m.Id == s.MemberId).Select(m => new { m.FullName, m.RollState }).First(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new SignalRow(r.s.Id, r.s.MemberId, r.Member.FullName, r.s.CellId, cellNames.GetValueOrDefault(r.s.CellId, ""),
            r.s.Kind, r.s.PeriodKey, r.s.Evidence, r.s.RaisedOn, r.s.CheckedOn, r.s.CaseId, r.Member.RollState.IsOnRoll()))];
    }
}
