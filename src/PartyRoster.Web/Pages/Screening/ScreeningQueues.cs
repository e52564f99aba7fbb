using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>
/// "Việc cần làm": the screening cases waiting for the current user, by kind of work. Every section is
/// a database query over the cells where the user's role may take that step (ScreeningAccess's level
/// rules), so the counts on the home page and the lists agree.
/// </summary>
public sealed class ScreeningQueues(PartyRosterDbContext db, ScreeningAccess screening, TimeProvider clock)
{
    /// <summary>Help periods ending within this many days (or already over) are listed.</summary>
    public const int SoonDays = 30;

    public enum Section
    {
        ToDirect,
        ToBallot,
        HelpEnding,
        ToForward,
        Escalated,
        ToVerify,
        ToAdvise,
        ToDecide,
        AppealsDue,
    }

    public static string Title(Section s) => s switch
    {
        Section.ToDirect => "Danh sách chờ cho ý kiến",
        Section.ToBallot => "Chờ biểu quyết",
        Section.HelpEnding => "Sắp hết thời hạn giúp đỡ",
        Section.ToForward => "Chờ chuyển cấp trên",
        Section.Escalated => "Biểu quyết không đạt: chờ cấp trên quyết định",
        Section.ToVerify => "Chờ thẩm tra",
        Section.ToAdvise => "Chờ tham mưu",
        Section.ToDecide => "Chờ quyết định",
        Section.AppealsDue => "Khiếu nại sắp đến hạn trả lời",
        _ => s.ToString(),
    };

    public sealed record QueueRow(int CaseId, int MemberId, string MemberName, string CellName, ScreeningStatus Status, ScreeningTrack Track, DateOnly? DueOn);

    public sealed record QueueSection(Section Section, int Count, IReadOnlyList<QueueRow> Rows);

    /// <summary>Counts per section (sections that cannot concern the user are left out).</summary>
    public async Task<IReadOnlyList<(Section Section, int Count)>> CountsAsync(CancellationToken ct = default)
    {
        var result = new List<(Section, int)>();
        foreach (var (section, query) in await QueriesAsync(ct))
            result.Add((section, await query.CountAsync(ct)));
        return result;
    }

    /// <summary>Each section with its count and up to <paramref name="take"/> cases, oldest work first.</summary>
    public async Task<IReadOnlyList<QueueSection>> SectionsAsync(int take = 100, CancellationToken ct = default)
    {
        var result = new List<QueueSection>();
        foreach (var (section, query) in await QueriesAsync(ct))
        {
            var count = await query.CountAsync(ct);
            var ordered = section switch
            {
                Section.HelpEnding => query.OrderBy(c => c.HelpEndsOn),
                Section.AppealsDue => query.OrderBy(c => c.AppealAnswerDueOn),
                _ => query.OrderBy(c => c.Id),
            };
            var rows = count == 0 ? [] : await ordered.Take(take)
                .Select(c => new QueueRow(c.Id, c.MemberId,
                    db.Members.Where(m => m.Id == c.MemberId).Select(m => m.FullName).FirstOrDefault() ?? "",
                    db.Organizations.Where(o => o.Id == c.CellId).Select(o => o.Name).FirstOrDefault() ?? "",
                    c.Status, c.Track,
                    section == Section.HelpEnding ? c.HelpEndsOn : section == Section.AppealsDue ? c.AppealAnswerDueOn : null))
                .ToListAsync(ct);
            result.Add(new QueueSection(section, count, rows));
        }
        return result;
    }

    private async Task<List<(Section, IQueryable<ScreeningCase>)>> QueriesAsync(CancellationToken ct)
    {
        var cases = db.Set<ScreeningCase>().AsNoTracking();
        var today = Format.Today(clock);
        var soon = today.AddDays(SoonDays);
        var list = new List<(Section, IQueryable<ScreeningCase>)>();

        async Task<IQueryable<int>?> Cells(Role role, ScreeningAction action)
        {
            var grants = await screening.HasRoleAsync(role, ct);
            return grants ? await screening.CellIdsWhereAsync(role, action, ct) : null;
        }

        // Step 2: the superior directs the draft list (đảng ủy cơ sở for its cells, Ban Tổ chức for chi bộ cơ sở).
        var gcDirect = await Cells(Role.GrassrootsCommittee, ScreeningAction.Direct);
        var deptDirect = await Cells(Role.OrganizationDept, ScreeningAction.Direct);
        if (gcDirect is not null || deptDirect is not null)
        {
            var ids = Union(gcDirect, deptDirect);
            list.Add((Section.ToDirect, cases.Where(c => c.Status == ScreeningStatus.Proposed && c.Track == ScreeningTrack.Education && ids.Contains(c.CellId))));
        }

        // Steps 3–6: the cell's own work.
        var own = await Cells(Role.CellSecretary, ScreeningAction.RecordBallot);
        if (own is not null)
        {
            list.Add((Section.ToBallot, cases.Where(c => own.Contains(c.CellId)
                && (c.Status == ScreeningStatus.Directed || c.Status == ScreeningStatus.FinalReview || c.Status == ScreeningStatus.Ballot
                    || (c.Status == ScreeningStatus.Proposed && c.Track == ScreeningTrack.DirectRemoval)))));
            list.Add((Section.HelpEnding, cases.Where(c => own.Contains(c.CellId)
                && c.Status == ScreeningStatus.UnderHelp && c.HelpEndsOn != null && c.HelpEndsOn <= soon)));
        }

        // Step 7: forwarding (đảng ủy cơ sở for a chi bộ trực thuộc, the secretary of a chi bộ cơ sở).
        var gcForward = await Cells(Role.GrassrootsCommittee, ScreeningAction.Forward);
        var cellForward = await Cells(Role.CellSecretary, ScreeningAction.Forward);
        if (gcForward is not null || cellForward is not null)
        {
            var ids = Union(gcForward, cellForward);
            list.Add((Section.ToForward, cases.Where(c => ids.Contains(c.CellId)
                && (c.Status == ScreeningStatus.RemovalProposed || (c.Status == ScreeningStatus.Proposed && c.Track == ScreeningTrack.VoluntaryWithdrawal)))));
        }

        // Step 6 after three inconclusive ballot rounds: the superior committee decides (domain.md §3.2).
        var gcEscalation = await Cells(Role.GrassrootsCommittee, ScreeningAction.ResolveEscalation);
        var deptEscalation = await Cells(Role.OrganizationDept, ScreeningAction.ResolveEscalation);
        var standingEscalation = await Cells(Role.StandingCommittee, ScreeningAction.ResolveEscalation);
        if (gcEscalation is not null || deptEscalation is not null || standingEscalation is not null)
        {
            var ids = Union(gcEscalation is null && deptEscalation is null ? null : Union(gcEscalation, deptEscalation), standingEscalation);
            list.Add((Section.Escalated, cases.Where(c => ids.Contains(c.CellId) && c.Status == ScreeningStatus.Escalated)));
        }

        // Step 8: UBKT.
        var inspect = await Cells(Role.InspectionCommittee, ScreeningAction.RecordVerification);
        if (inspect is not null)
            list.Add((Section.ToVerify, cases.Where(c => inspect.Contains(c.CellId) && c.Status == ScreeningStatus.Forwarded && c.Track != ScreeningTrack.VoluntaryWithdrawal)));

        // Step 9: Ban Tổ chức.
        var advise = await Cells(Role.OrganizationDept, ScreeningAction.Advise);
        if (advise is not null)
            list.Add((Section.ToAdvise, cases.Where(c => advise.Contains(c.CellId) && c.Status == ScreeningStatus.Verified)));

        // Step 10 (and the decisions after escalation or on a letter): BTV, or Ban Tổ chức recording for it.
        var standing = await Cells(Role.StandingCommittee, ScreeningAction.Decide);
        if (standing is not null || advise is not null)
        {
            var ids = Union(standing, advise);
            list.Add((Section.ToDecide, cases.Where(c => ids.Contains(c.CellId)
                && (c.Status == ScreeningStatus.Advised || (c.Status == ScreeningStatus.Forwarded && c.Track == ScreeningTrack.VoluntaryWithdrawal)))));
            list.Add((Section.AppealsDue, cases.Where(c => ids.Contains(c.CellId)
                && c.Status == ScreeningStatus.Appealed && c.AppealAnswerDueOn != null && c.AppealAnswerDueOn <= soon)));
        }
        return list;
    }

    private static IQueryable<int> Union(IQueryable<int>? a, IQueryable<int>? b) =>
        a is null ? b! : b is null ? a : a.Concat(b);
}
