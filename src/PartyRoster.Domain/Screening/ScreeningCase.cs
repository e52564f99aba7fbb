using System.Globalization;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Screening;

/// <summary>
/// One member's screening case (domain.md §3): the aggregate and its state machine. Every transition is
/// one intent-named method that checks the move against <see cref="Transitions"/>, throws
/// <see cref="DomainException"/> (naming the current state and the attempted action) when it is illegal,
/// and appends an immutable <see cref="ScreeningStep"/>. Decisions change the member's roll state in the
/// same method, so one SaveChanges persists both or neither.
/// </summary>
/// <remarks>
/// Rules are looked up in the <see cref="RuleBook"/> on the step's effective date, so a ballot held before
/// 01/07/2025 is judged by the rules of that time. Organisation scope (which cell or committee the actor
/// serves) is the web layer's check; this class checks the actor's role.
/// </remarks>
public sealed partial class ScreeningCase
{
    public const int EvidenceMaxLength = 4000;
    public const int TextMaxLength = 2000;

    // Vietnam has kept UTC+7 without daylight saving since 1975: the local date of a UTC instant is fixed arithmetic.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly List<ScreeningStep> _steps = [];
    private readonly List<ReasonCode> _reasons = [];
    private readonly List<DirectRemovalGround> _grounds = [];

    private ScreeningCase() { }

    private ScreeningCase(Member member, ScreeningTrack track)
    {
        MemberId = member.Id;
        CellId = member.OrganizationId;
        Track = track;
        Cycle = 1;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    /// <summary>The member's cell (the organisation the case belongs to) when the case was opened.</summary>
    public int CellId { get; private set; }
    public ScreeningTrack Track { get; private set; }
    public ScreeningStatus Status { get; private set; }
    /// <summary>Help cycle, from 1; a "continue help" decision starts the next one.</summary>
    public int Cycle { get; private set; }
    public IReadOnlyList<ReasonCode> Reasons => _reasons.AsReadOnly();
    public IReadOnlyList<DirectRemovalGround> Grounds => _grounds.AsReadOnly();
    public string? Evidence { get; private set; }
    public DateOnly OpenedOn { get; private set; }

    public bool SelfCriticismReceived { get; private set; }
    /// <summary>How many times the chi ủy asked before proceeding without a self-criticism; null when not waived.</summary>
    public int? SelfCriticismRequests { get; private set; }

    public int? HelperMemberId { get; private set; }
    public DateOnly? HelpStartsOn { get; private set; }
    /// <summary>The first day the final review may be held: the help start plus the help period.</summary>
    public DateOnly? HelpEndsOn { get; private set; }

    /// <summary>Ballot rounds in the current cycle that reached neither side.</summary>
    public int InconclusiveBallotRounds { get; private set; }
    /// <summary>The cell's removal proposal reached the expulsion threshold (≥ 2/3): only then may the member be expelled.</summary>
    public bool ProposalMeetsExpulsionThreshold { get; private set; }

    public bool? ViolationsConfirmed { get; private set; }
    public string? VerificationFindings { get; private set; }
    public Disposition? Recommendation { get; private set; }

    /// <summary>RemovedFromRoll or Expelled once decided; where a rejected appeal returns the case.</summary>
    public ScreeningStatus? DecidedStatus { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? DecisionReceivedOn { get; private set; }
    public DateOnly? AppealLodgedOn { get; private set; }
    public DateOnly? AppealAnswerDueOn { get; private set; }

    /// <summary>Optimistic concurrency token: bumped on every save, so two people cannot both move the case.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ScreeningStep> Steps => _steps.AsReadOnly();

    public void BumpVersion() => Version++;

    // ---------------------------------------------------------------- opening

    /// <summary>Step 1: the cell proposes the member for the education-and-help list with reason codes and evidence.</summary>
    public static ScreeningCase Propose(Member member, IEnumerable<ReasonCode> reasons, string? evidence, StepContext ctx)
    {
        var rule = CheckOpening(ScreeningAction.Propose, ScreeningTrack.Education, member, ctx);
        var codes = reasons.Distinct().Order().ToList();
        if (codes.Count == 0) throw new DomainException("Cần chọn ít nhất một tiêu chí (C1–C5).");
        if (codes.Any(c => !Enum.IsDefined(c))) throw new DomainException("Tiêu chí không hợp lệ.");
        var c = new ScreeningCase(member, ScreeningTrack.Education) { Evidence = CleanText(evidence, EvidenceMaxLength, "Chứng cứ") };
        c._reasons.AddRange(codes);
        c.Open(rule, ctx, "Tiêu chí: " + string.Join(", ", codes));
        return c;
    }

    /// <summary>§3.3: the cell opens a direct-removal case on one or more grounds; no list and no help period.</summary>
    public static ScreeningCase ProposeDirectRemoval(Member member, IEnumerable<DirectRemovalGround> grounds, string? evidence, StepContext ctx)
    {
        var rule = CheckOpening(ScreeningAction.ProposeDirectRemoval, ScreeningTrack.DirectRemoval, member, ctx);
        var list = grounds.Distinct().Order().ToList();
        if (list.Count == 0) throw new DomainException("Cần chọn ít nhất một căn cứ xóa tên.");
        if (list.Any(g => !Enum.IsDefined(g))) throw new DomainException("Căn cứ xóa tên không hợp lệ.");
        if (list.Contains(DirectRemovalGround.FailedProbation) && member.Standing != Standing.Probationary)
            throw new DomainException($"Căn cứ \"{DirectRemovalGround.FailedProbation.DisplayName()}\" chỉ áp dụng cho đảng viên dự bị.");
        var c = new ScreeningCase(member, ScreeningTrack.DirectRemoval) { Evidence = CleanText(evidence, EvidenceMaxLength, "Chứng cứ") };
        c._grounds.AddRange(list);
        c.Open(rule, ctx, "Căn cứ: " + string.Join("; ", list.Select(g => g.DisplayName())));
        return c;
    }

    /// <summary>Records a member's letter asking to leave the party (xin ra khỏi Đảng).</summary>
    public static ScreeningCase RequestWithdrawal(Member member, StepContext ctx)
    {
        var rule = CheckOpening(ScreeningAction.RequestWithdrawal, ScreeningTrack.VoluntaryWithdrawal, member, ctx);
        var c = new ScreeningCase(member, ScreeningTrack.VoluntaryWithdrawal);
        c.Open(rule, ctx, null);
        return c;
    }

    // ---------------------------------------------------------------- steps 2–6

    /// <summary>Step 2: the directly superior committee approves the entry or strikes it (a struck entry needs a reason in the note).</summary>
    public void Direct(bool approve, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.Direct, ctx);
        if (!approve && ctx.Note is null) throw new DomainException("Gạch tên khỏi danh sách dự kiến phải ghi lý do.");
        Record(rule, ctx, approve ? ScreeningStatus.Directed : ScreeningStatus.Dropped, null,
            approve ? "Cấp trên đồng ý đưa vào danh sách dự kiến" : "Cấp trên gạch tên khỏi danh sách dự kiến");
    }

    /// <summary>
    /// Step 3: the cell's secret ballot. The basis is the cell's official members who are not exempt
    /// (<paramref name="officialNonExemptMembers"/>, counted by the caller); the tally's eligible count must equal it.
    /// </summary>
    public void RecordListBallot(BallotTally tally, int officialNonExemptMembers, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordListBallot, ctx);
        CheckBasis(tally, officialNonExemptMembers);
        var threshold = rules.InForceOn(ctx.EffectiveOn).ListBallotThreshold;
        var met = threshold.Value.IsMet(tally.VotesFor, tally.Eligible);
        Record(rule, ctx, met ? ScreeningStatus.Listed : ScreeningStatus.Dropped, tally,
            $"Đưa vào danh sách: {Verdict(tally.VotesFor, tally.Eligible, threshold)}");
    }

    /// <summary>Step 4 (and the direct track's first step): the member's self-criticism with a commitment is received.</summary>
    public void RecordSelfCriticism(StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordSelfCriticism, ctx);
        SelfCriticismReceived = true;
        Record(rule, ctx, Status, null, "Đã nhận bản tự kiểm điểm");
    }

    /// <summary>
    /// Step 4: the chi ủy asked <paramref name="requestCount"/> times and the member neither wrote nor attended;
    /// from the rule's number of requests (3) on, the cell proceeds without the self-criticism.
    /// </summary>
    public void RecordSelfCriticismRefused(int requestCount, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordSelfCriticismRefused, ctx);
        var needed = rules.InForceOn(ctx.EffectiveOn).SelfCriticismRequestsBeforeProceeding;
        if (requestCount < needed.Value)
            throw new DomainException(
                $"Chi ủy mới yêu cầu {requestCount} lần; phải yêu cầu ít nhất {needed.Value} lần mới được xem xét khi không có bản tự kiểm điểm.");
        SelfCriticismRequests = requestCount;
        Record(rule, ctx, Status, null, $"Đã yêu cầu {requestCount} lần, đảng viên không tự kiểm điểm (căn cứ: {needed.Basis.Citation})");
    }

    /// <summary>
    /// Step 4: the cell's resolution assigns one helper: an official member or a chi ủy member of the same cell,
    /// never the subject. The first assignment starts the help period (effective date + HelpPeriodMonths);
    /// a later one replaces the helper and keeps the period.
    /// </summary>
    public void AssignHelper(Member helper, bool helperIsCellCommitteeMember, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.AssignHelper, ctx);
        if (Status == ScreeningStatus.Listed && !SelfCriticismReceived && SelfCriticismRequests is null)
            throw new DomainException("Chưa có bản tự kiểm điểm của đảng viên (hoặc biên bản đã yêu cầu đủ số lần): chưa thể phân công người giúp đỡ.");
        if (helper.Id == MemberId) throw new DomainException("Người giúp đỡ không được là chính đảng viên được giúp đỡ.");
        if (!helper.IsOnRoll) throw new DomainException($"Người giúp đỡ {helper.FullName} không còn sinh hoạt ({helper.RollState.DisplayName()}).");
        if (helper.OrganizationId != CellId) throw new DomainException($"Người giúp đỡ {helper.FullName} phải sinh hoạt cùng chi bộ.");
        if (helper.Standing != Standing.Official && !helperIsCellCommitteeMember)
            throw new DomainException($"Người giúp đỡ phải là đảng viên chính thức hoặc chi ủy viên: {helper.FullName} là đảng viên dự bị.");
        if (helper.Id == HelperMemberId) throw new DomainException($"{helper.FullName} đang là người giúp đỡ.");

        HelperMemberId = helper.Id;
        string summary;
        if (HelpEndsOn is null)
        {
            var months = rules.InForceOn(ctx.EffectiveOn).HelpPeriodMonths;
            HelpStartsOn = ctx.EffectiveOn;
            HelpEndsOn = ctx.EffectiveOn.AddMonths(months.Value);
            summary = $"Người giúp đỡ: {helper.FullName}; giúp đỡ {months.Value} tháng, từ {D(HelpStartsOn.Value)} đến {D(HelpEndsOn.Value)}";
        }
        else
        {
            summary = $"Thay người giúp đỡ: {helper.FullName}; thời hạn giúp đỡ giữ nguyên đến {D(HelpEndsOn.Value)}";
        }
        Record(rule, ctx, ScreeningStatus.UnderHelp, null, summary);
    }

    /// <summary>Step 4: the helper's progress note during the help period (no change of state).</summary>
    public void AddProgressNote(string progress, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.AddProgressNote, ctx);
        var text = CleanText(progress, TextMaxLength, "Nội dung nhận xét") ?? throw new DomainException("Nội dung nhận xét không được để trống.");
        Record(rule, ctx, ScreeningStatus.UnderHelp, null, text);
    }

    /// <summary>Step 5: the member's self-review and the helper's assessment, allowed only once the help period has ended.</summary>
    public void RecordFinalReview(string selfReview, string helperAssessment, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordFinalReview, ctx);
        if (HelperMemberId is null || HelpEndsOn is null)
            throw new DomainException("Chưa phân công người giúp đỡ: chưa thể kiểm điểm cuối kỳ.");
        if (ctx.EffectiveOn < HelpEndsOn.Value)
            throw new DomainException(
                $"Chưa hết thời hạn giúp đỡ: chỉ kiểm điểm cuối kỳ từ ngày {D(HelpEndsOn.Value)} (giúp đỡ từ {D(HelpStartsOn!.Value)}).");
        var self = CleanText(selfReview, TextMaxLength, "Tự kiểm điểm") ?? throw new DomainException("Cần ghi nội dung tự kiểm điểm của đảng viên.");
        var helper = CleanText(helperAssessment, TextMaxLength, "Nhận xét của người giúp đỡ") ?? throw new DomainException("Cần ghi nhận xét của người giúp đỡ.");
        Record(rule, ctx, ScreeningStatus.FinalReview, null, $"Tự kiểm điểm: {self}\nNgười giúp đỡ nhận xét: {helper}");
    }

    /// <summary>
    /// Step 6 (and the direct track's cell ballot): <see cref="BallotTally.VotesFor"/> are votes to propose
    /// removal, <see cref="BallotTally.VotesAgainst"/> votes to keep the member. Removal reaching
    /// RemovalBallotThreshold → RemovalProposed; keeping reaching it → ProgressRecognized (Dropped when the
    /// member was never under help); neither → the round is recorded, and after MaxInconclusiveBallotRounds
    /// rounds the case goes to the superior committee (Escalated).
    /// </summary>
    public void RecordBallot(BallotTally tally, int officialNonExemptMembers, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordBallot, ctx);
        if (Status == ScreeningStatus.Proposed && !SelfCriticismReceived && SelfCriticismRequests is null)
            throw new DomainException("Chưa có bản tự kiểm điểm của đảng viên (hoặc biên bản đã yêu cầu đủ số lần): chưa thể biểu quyết.");
        CheckBasis(tally, officialNonExemptMembers);
        var set = rules.InForceOn(ctx.EffectiveOn);
        var threshold = set.RemovalBallotThreshold;
        var remove = threshold.Value.IsMet(tally.VotesFor, tally.Eligible);
        var keep = threshold.Value.IsMet(tally.VotesAgainst, tally.Eligible);
        var summary = $"Đề nghị đưa ra khỏi Đảng: {Verdict(tally.VotesFor, tally.Eligible, threshold)}; giữ lại: {tally.VotesAgainst}/{tally.Eligible}";

        if (remove && !keep)
        {
            ProposalMeetsExpulsionThreshold = set.ExpulsionProposalThreshold.Value.IsMet(tally.VotesFor, tally.Eligible);
            Record(rule, ctx, ScreeningStatus.RemovalProposed, tally, summary);
        }
        else if (keep && !remove)
        {
            Record(rule, ctx, KeepOutcome, tally, summary);
        }
        else
        {
            InconclusiveBallotRounds++;
            var max = set.MaxInconclusiveBallotRounds;
            var escalate = InconclusiveBallotRounds >= max.Value;
            Record(rule, ctx, escalate ? ScreeningStatus.Escalated : ScreeningStatus.Ballot, tally,
                $"{summary}. Lần biểu quyết thứ {InconclusiveBallotRounds} không bên nào đạt tỷ lệ"
                + (escalate ? $"; báo cáo cấp ủy cấp trên quyết định (căn cứ: {max.Basis.Citation})" : ""));
        }
    }

    /// <summary>After too many inconclusive rounds the superior committee decides on the tallies.</summary>
    public void ResolveEscalation(bool proposeRemoval, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.ResolveEscalation, ctx);
        if (proposeRemoval)
        {
            // The cell never reached 2/3 for removal, so expulsion is out of reach (§3.2 step 10).
            ProposalMeetsExpulsionThreshold = false;
            Record(rule, ctx, ScreeningStatus.RemovalProposed, null, "Cấp ủy cấp trên quyết định đề nghị đưa ra khỏi Đảng");
        }
        else
        {
            Record(rule, ctx, KeepOutcome, null, "Cấp ủy cấp trên quyết định giữ lại");
        }
    }

    // ---------------------------------------------------------------- steps 7–10

    /// <summary>
    /// Step 7: a chi bộ trực thuộc's proposal goes up through the grassroots committee, whose tally must
    /// reach ForwardThreshold of its members; a chi bộ cơ sở forwards directly (no tally).
    /// </summary>
    public void Forward(BallotTally? committeeTally, bool viaGrassrootsCommittee, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.Forward, ctx);
        string summary;
        if (viaGrassrootsCommittee)
        {
            if (ctx.Actor.Role != Role.GrassrootsCommittee)
                throw new DomainException("Chi bộ trực thuộc: Đảng ủy cơ sở xem xét và chuyển lên cấp trên.");
            if (committeeTally is null) throw new DomainException("Cần kết quả biểu quyết của Đảng ủy cơ sở.");
            var threshold = rules.InForceOn(ctx.EffectiveOn).ForwardThreshold;
            if (!threshold.Value.IsMet(committeeTally.VotesFor, committeeTally.Eligible))
                throw new DomainException($"Đảng ủy cơ sở chưa đủ tỷ lệ để chuyển lên: {Verdict(committeeTally.VotesFor, committeeTally.Eligible, threshold)}.");
            summary = $"Đảng ủy cơ sở đề nghị: {Verdict(committeeTally.VotesFor, committeeTally.Eligible, threshold)}";
        }
        else
        {
            if (ctx.Actor.Role != Role.CellSecretary)
                throw new DomainException("Chi bộ cơ sở chuyển trực tiếp lên cấp trên: bí thư chi bộ thực hiện.");
            if (committeeTally is not null) throw new DomainException("Chi bộ cơ sở chuyển trực tiếp, không có biểu quyết của Đảng ủy cơ sở.");
            summary = "Chi bộ cơ sở chuyển trực tiếp lên cấp trên";
        }
        Record(rule, ctx, ScreeningStatus.Forwarded, committeeTally, summary);
    }

    /// <summary>Step 8: the UBKT's conclusion: violations confirmed or not sufficiently grounded, with findings.</summary>
    public void RecordVerification(bool violationsConfirmed, string findings, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.RecordVerification, ctx);
        var text = CleanText(findings, TextMaxLength, "Nội dung thẩm tra") ?? throw new DomainException("Cần ghi nội dung kết luận thẩm tra.");
        ViolationsConfirmed = violationsConfirmed;
        VerificationFindings = text;
        Record(rule, ctx, ScreeningStatus.Verified, null,
            (violationsConfirmed ? "Khẳng định vi phạm: " : "Chưa đủ căn cứ kết luận vi phạm: ") + text);
    }

    /// <summary>Step 9: the Ban Tổ chức recommends removal, expulsion or another help cycle.</summary>
    public void Advise(Disposition recommendation, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.Advise, ctx);
        if (!Enum.IsDefined(recommendation)) throw new DomainException("Hình thức xử lý không hợp lệ.");
        Recommendation = recommendation;
        Record(rule, ctx, ScreeningStatus.Advised, null, "Đề xuất: " + recommendation.DisplayName());
    }

    /// <summary>
    /// Step 10: the Ban Thường vụ's decision (number and date in the document; tally over its members must
    /// reach DecisionThreshold). Expulsion only for an official member whose lower body proposed it with
    /// ≥ 2/3. The member's roll state changes here, with the case. ContinueHelp starts the next cycle.
    /// </summary>
    public void Decide(Disposition outcome, Member member, BallotTally standingCommitteeTally, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.Decide, ctx);
        CheckMember(member);
        var set = rules.InForceOn(ctx.EffectiveOn);
        if (!set.DecisionThreshold.Value.IsMet(standingCommitteeTally.VotesFor, standingCommitteeTally.Eligible))
            throw new DomainException(
                $"Ban Thường vụ chưa đủ tỷ lệ để quyết định: {Verdict(standingCommitteeTally.VotesFor, standingCommitteeTally.Eligible, set.DecisionThreshold)}.");
        var summary = $"{outcome.DisplayName()}; Ban Thường vụ: {Verdict(standingCommitteeTally.VotesFor, standingCommitteeTally.Eligible, set.DecisionThreshold)}";
        var leaveNote = $"{outcome.DisplayName()} theo {ctx.Document}";

        switch (outcome)
        {
            case Disposition.RemoveFromRoll:
                member.Leave(RollState.RemovedFromRoll, ctx.EffectiveOn, leaveNote);
                Decided(ScreeningStatus.RemovedFromRoll, ctx);
                Record(rule, ctx, ScreeningStatus.RemovedFromRoll, standingCommitteeTally, summary);
                break;
            case Disposition.Expel:
                if (member.Standing != Standing.Official)
                    throw new DomainException("Không thể khai trừ đảng viên dự bị: đảng viên dự bị thì xóa tên.");
                if (!ProposalMeetsExpulsionThreshold)
                    throw new DomainException(
                        $"Không thể khai trừ: đề nghị của tổ chức đảng cấp dưới chưa đạt {set.ExpulsionProposalThreshold.Value} số đảng viên chính thức ({set.ExpulsionProposalThreshold.Basis.Citation}).");
                member.Leave(RollState.Expelled, ctx.EffectiveOn, leaveNote);
                Decided(ScreeningStatus.Expelled, ctx);
                Record(rule, ctx, ScreeningStatus.Expelled, standingCommitteeTally, summary);
                break;
            case Disposition.ContinueHelp:
                if (!member.IsOnRoll)
                    throw new DomainException($"Đảng viên không còn sinh hoạt ({member.RollState.DisplayName()}): không thể tiếp tục giúp đỡ.");
                StartNextCycle(set, ctx.EffectiveOn);
                Record(rule, ctx, ScreeningStatus.UnderHelp, standingCommitteeTally,
                    $"{summary}; chu kỳ {Cycle}, giúp đỡ từ {D(HelpStartsOn!.Value)} đến {D(HelpEndsOn!.Value)}");
                break;
            default:
                throw new DomainException("Hình thức xử lý không hợp lệ.");
        }
    }

    /// <summary>Voluntary withdrawal: the deciding level approves (member leaves the roll, Withdrew) or refuses (Dropped).</summary>
    public void DecideWithdrawal(bool approved, Member member, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.DecideWithdrawal, ctx);
        CheckMember(member);
        if (approved)
        {
            member.Leave(RollState.Withdrew, ctx.EffectiveOn, $"Cho ra khỏi Đảng theo {ctx.Document}");
            DecidedOn = ctx.EffectiveOn;
            Record(rule, ctx, ScreeningStatus.Withdrew, null, "Đồng ý cho ra khỏi Đảng");
        }
        else
        {
            Record(rule, ctx, ScreeningStatus.Dropped, null, "Không đồng ý cho ra khỏi Đảng");
        }
    }

    // ---------------------------------------------------------------- step 11

    /// <summary>
    /// Step 11: the member's appeal, lodged on the step's effective date. Refused when late: removal more than
    /// RemovalAppealWorkingDays working days after receipt (day 1 = the first working day after receipt),
    /// expulsion more than DisciplineAppealMonths calendar months after it. The answer is due
    /// AppealAnswerWorkingDays working days after lodging. The decision stays applied meanwhile.
    /// </summary>
    public void LodgeAppeal(DateOnly decisionReceivedOn, WorkingDayCalendar calendar, RuleBook rules, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.LodgeAppeal, ctx);
        if (decisionReceivedOn < DecidedOn!.Value)
            throw new DomainException($"Ngày nhận quyết định ({D(decisionReceivedOn)}) không được trước ngày quyết định ({D(DecidedOn.Value)}).");
        if (decisionReceivedOn > ctx.EffectiveOn)
            throw new DomainException($"Ngày nhận quyết định ({D(decisionReceivedOn)}) không được sau ngày nộp đơn ({D(ctx.EffectiveOn)}).");

        // The decision's own date picks the rules: the appeal period is part of the decision's regime.
        var set = rules.InForceOn(DecidedOn.Value);
        DateOnly deadline;
        string period;
        if (Status == ScreeningStatus.RemovedFromRoll)
        {
            deadline = calendar.AddWorkingDays(decisionReceivedOn, set.RemovalAppealWorkingDays.Value);
            period = $"{set.RemovalAppealWorkingDays.Value} ngày làm việc";
        }
        else
        {
            deadline = decisionReceivedOn.AddMonths(set.DisciplineAppealMonths.Value);
            period = $"{set.DisciplineAppealMonths.Value} tháng";
        }
        if (ctx.EffectiveOn > deadline)
            throw new DomainException(
                $"Đơn khiếu nại quá hạn: phải nộp trong {period} kể từ ngày nhận quyết định {D(decisionReceivedOn)}, tức chậm nhất ngày {D(deadline)}.");

        DecisionReceivedOn = decisionReceivedOn;
        AppealLodgedOn = ctx.EffectiveOn;
        AppealAnswerDueOn = calendar.AddWorkingDays(ctx.EffectiveOn, set.AppealAnswerWorkingDays.Value);
        Record(rule, ctx, ScreeningStatus.Appealed, null,
            $"Khiếu nại trong hạn (hạn nộp {D(deadline)}); hạn trả lời {D(AppealAnswerDueOn.Value)}; quyết định vẫn có hiệu lực trong khi giải quyết");
    }

    /// <summary>Step 11: an upheld appeal reinstates the member (same method, same save); a rejected one returns the case to the decided state.</summary>
    public void ResolveAppeal(bool upheld, Member member, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.ResolveAppeal, ctx);
        CheckMember(member);
        if (upheld)
        {
            member.Reinstate($"Khôi phục sau khiếu nại theo {ctx.Document}");
            Record(rule, ctx, ScreeningStatus.Reinstated, null, "Chấp nhận khiếu nại: khôi phục đảng viên");
        }
        else
        {
            Record(rule, ctx, DecidedStatus!.Value, null, "Không chấp nhận khiếu nại: giữ nguyên quyết định");
        }
    }

    /// <summary>Any open case can be withdrawn when it becomes moot; the reason is required.</summary>
    public void Withdraw(string reason, StepContext ctx)
    {
        var rule = Begin(ScreeningAction.Withdraw, ctx);
        var text = CleanText(reason, TextMaxLength, "Lý do") ?? throw new DomainException("Rút hồ sơ phải ghi lý do.");
        Record(rule, ctx, ScreeningStatus.Withdrawn, null, "Lý do: " + text);
    }

    // ---------------------------------------------------------------- queries

    /// <summary>Whether the action is legal from the current state on this track (for showing only legal buttons). Data guards are checked when it is taken.</summary>
    public bool CanDo(ScreeningAction action) => RuleFor(action) is not null;

    /// <summary>Whether someone in <paramref name="role"/> may take the action now (organisation scope aside).</summary>
    public bool CanDo(ScreeningAction action, Role role) => RuleFor(action) is { } r && r.Roles.Contains(role);

    /// <summary>The actions legal from the current state, in table order.</summary>
    public IReadOnlyList<ScreeningAction> AllowedActions() =>
        [.. Transitions.Where(r => r.From is not null && r.Applies(Status, r.Action, Track)).Select(r => r.Action).Distinct()];

    /// <summary>What is due next, and by (or from) when; null when nothing is.</summary>
    public ScreeningDue? DueOn => Status switch
    {
        ScreeningStatus.Proposed => Track switch
        {
            ScreeningTrack.Education => new("Cấp ủy cấp trên cho ý kiến chỉ đạo", null),
            ScreeningTrack.DirectRemoval => new("Đảng viên tự kiểm điểm; chi bộ biểu quyết", null),
            _ => new("Chi bộ xem xét, chuyển cấp trên", null),
        },
        ScreeningStatus.Directed => new("Chi bộ biểu quyết đưa vào danh sách", null),
        ScreeningStatus.Listed => new("Đảng viên tự kiểm điểm; chi bộ phân công người giúp đỡ", null),
        ScreeningStatus.UnderHelp => HelperMemberId is null
            ? new("Chi bộ phân công người giúp đỡ", null)
            : new("Kiểm điểm cuối kỳ", HelpEndsOn, IsEarliest: true),
        ScreeningStatus.FinalReview or ScreeningStatus.Ballot => new("Chi bộ biểu quyết", null),
        ScreeningStatus.Escalated => new("Cấp ủy cấp trên quyết định", null),
        ScreeningStatus.RemovalProposed => new("Chuyển cấp trên", null),
        ScreeningStatus.Forwarded => Track == ScreeningTrack.VoluntaryWithdrawal
            ? new("Cấp có thẩm quyền quyết định", null)
            : new("Ủy ban Kiểm tra thẩm tra", null),
        ScreeningStatus.Verified => new("Ban Tổ chức tham mưu", null),
        ScreeningStatus.Advised => new("Ban Thường vụ quyết định", null),
        ScreeningStatus.Appealed => new("Trả lời khiếu nại", AppealAnswerDueOn),
        _ => null,
    };

    // ---------------------------------------------------------------- machinery

    private ScreeningStatus KeepOutcome => HelpStartsOn is null ? ScreeningStatus.Dropped : ScreeningStatus.ProgressRecognized;

    private TransitionRule? RuleFor(ScreeningAction action) =>
        Transitions.FirstOrDefault(r => r.Applies(Status, action, Track));

    private static TransitionRule CheckOpening(ScreeningAction action, ScreeningTrack track, Member member, StepContext ctx)
    {
        var rule = Transitions.First(r => r.Applies(null, action, track));
        CheckRole(rule, ctx, null);
        CheckDates(ctx, null);
        CheckDocument(rule, ctx);
        if (!member.IsOnRoll)
            throw new DomainException($"Đảng viên {member.FullName} không còn trong danh sách ({member.RollState.DisplayName()}).");
        return rule;
    }

    /// <summary>The checks every transition makes, in an order that reports the state first.</summary>
    private TransitionRule Begin(ScreeningAction action, StepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var rule = RuleFor(action) ?? throw IllegalMove(action);
        CheckRole(rule, ctx, Status);
        CheckDates(ctx, _steps.Count == 0 ? null : _steps[^1].EffectiveOn);
        CheckDocument(rule, ctx);
        return rule;
    }

    private DomainException IllegalMove(ScreeningAction action)
    {
        var from = Transitions.Where(r => r.Action == action && r.From is not null && r.Tracks.Contains(Track))
            .Select(r => $"'{r.From!.Value.DisplayName()}'").Distinct().ToList();
        var hint = from.Count == 0
            ? $" Hồ sơ theo luồng '{Track.DisplayName()}' không có bước này."
            : $" Bước này chỉ thực hiện được khi hồ sơ ở trạng thái {string.Join(", ", from)}.";
        return new DomainException($"Không thể '{action.DisplayName()}' khi hồ sơ đang ở trạng thái '{Status.DisplayName()}'.{hint}");
    }

    private static void CheckRole(TransitionRule rule, StepContext ctx, ScreeningStatus? status)
    {
        if (rule.Roles.Contains(ctx.Actor.Role)) return;
        var where = status is null ? "" : $" (hồ sơ đang ở trạng thái '{status.Value.DisplayName()}')";
        throw new DomainException(
            $"Vai trò '{ctx.Actor.Role.DisplayName()}' không được '{rule.Action.DisplayName()}'{where}; vai trò được phép: {string.Join(", ", rule.Roles.Select(r => r.DisplayName()))}.");
    }

    private static void CheckDates(StepContext ctx, DateOnly? previous)
    {
        var recordedOn = DateOnly.FromDateTime(ctx.RecordedAtUtc + VietnamOffset);
        if (ctx.EffectiveOn > recordedOn)
            throw new DomainException($"Ngày hiệu lực {D(ctx.EffectiveOn)} không được sau ngày ghi nhận {D(recordedOn)}.");
        if (previous is { } p && ctx.EffectiveOn < p)
            throw new DomainException($"Ngày hiệu lực {D(ctx.EffectiveOn)} không được trước ngày của bước trước ({D(p)}).");
    }

    private static void CheckDocument(TransitionRule rule, StepContext ctx)
    {
        if (rule.Documents.Count == 0) return;
        var kinds = string.Join(" hoặc ", rule.Documents.Select(k => k.DisplayName().ToLowerInvariant()));
        if (ctx.Document is null)
            throw new DomainException($"'{rule.Action.DisplayName()}' phải kèm {kinds} (số, ngày).");
        if (!rule.Documents.Contains(ctx.Document.Kind))
            throw new DomainException($"Văn bản của bước '{rule.Action.DisplayName()}' phải là {kinds}, không phải {ctx.Document.Kind.DisplayName().ToLowerInvariant()}.");
    }

    private void CheckMember(Member member)
    {
        if (member.Id != MemberId) throw new DomainException("Đảng viên không đúng với hồ sơ rà soát.");
    }

    private static void CheckBasis(BallotTally tally, int officialNonExemptMembers)
    {
        if (tally.Eligible != officialNonExemptMembers)
            throw new DomainException(
                $"Số người có quyền biểu quyết ({tally.Eligible}) phải bằng số đảng viên chính thức không được miễn sinh hoạt của chi bộ ({officialNonExemptMembers}).");
    }

    private void Decided(ScreeningStatus status, StepContext ctx)
    {
        DecidedStatus = status;
        DecidedOn = ctx.EffectiveOn;
    }

    private void StartNextCycle(RuleSet set, DateOnly start)
    {
        Cycle++;
        InconclusiveBallotRounds = 0;
        ProposalMeetsExpulsionThreshold = false;
        ViolationsConfirmed = null;
        VerificationFindings = null;
        Recommendation = null;
        HelpStartsOn = start;
        HelpEndsOn = start.AddMonths(set.HelpPeriodMonths.Value);
    }

    private void Open(TransitionRule rule, StepContext ctx, string? summary)
    {
        OpenedOn = ctx.EffectiveOn;
        _steps.Add(new ScreeningStep(1, Cycle, rule.Action, null, ScreeningStatus.Proposed, ctx, null, summary));
        Status = ScreeningStatus.Proposed;
    }

    private void Record(TransitionRule rule, StepContext ctx, ScreeningStatus to, BallotTally? tally, string? summary)
    {
        // A target outside the table is a bug in this class, not a user error.
        if (!rule.To.Contains(to))
            throw new InvalidOperationException($"{rule.Action} from {rule.From} cannot lead to {to}: the transition table says {string.Join(", ", rule.To)}.");
        _steps.Add(new ScreeningStep(_steps.Count + 1, Cycle, rule.Action, Status, to, ctx, tally, summary));
        Status = to;
    }

    private static string Verdict(int votes, int basis, Rule<VoteThreshold> threshold) =>
        $"{votes}/{basis} phiếu, yêu cầu {threshold.Value} (ít nhất {threshold.Value.MinimumVotes(basis)} phiếu): "
        + (threshold.Value.IsMet(votes, basis) ? "đạt" : "không đạt")
        + $" (căn cứ: {threshold.Basis.Citation})";

    private static string? CleanText(string? text, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length > max) throw new DomainException($"{what} dài quá {max} ký tự.");
        return t;
    }

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
