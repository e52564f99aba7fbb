using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Demo screening cases (issue #3 point 8): about thirty cases spread over the demo tree, at least one in
/// every <see cref="ScreeningStatus"/> and on all three tracks, several in the demo secretaries' and the
/// demo đảng ủy's cells so every demo login's "Việc cần làm" has work in it.
/// </summary>
/// <remarks>
/// Every case is driven only through the domain's methods, with back-dated effective dates relative to
/// today (each step "recorded" at 09:00 Vietnam time of its own date), so histories, help periods, roll
/// states and deadlines are exactly what the real workflow would have produced. Ballot bases are the
/// cell's official, non-exempt members as seeded. Actors are the demo accounts where one serves the
/// organisation, otherwise a labelled non-login "(dữ liệu mẫu)" actor. Deterministic for a given seed
/// and day. Saved with one normal (audited) SaveChanges, so the audit chain covers the histories too.
/// </remarks>
internal sealed class DemoCases
{
    /// <summary>User-id prefix of the actors that stand for committees with no demo login.</summary>
    public const string SeedActorPrefix = "dulieumau:";

    private const int CommitteeSize = 9;
    private const int StandingCommitteeSize = 11;
    private const string WardCommittee = "Đảng ủy phường Hòa Bình";

    private static readonly HashSet<string> FeaturedNames = new(StringComparer.Ordinal) { "Nguyễn Văn An", "Đặng Thị Hoa" };

    // Chairs of the đảng ủy cơ sở without a demo login, by position in a fixed list (deterministic).
    private static readonly string[] CommitteeChairs =
        ["Ngô Văn Dũng", "Trịnh Thị Mai", "Bùi Quang Huy", "Lương Thị Thu", "Đinh Công Sơn", "Phan Văn Khải", "Tạ Thị Ngọc"];

    private readonly PartyRosterDbContext _db;
    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly RuleBook _rules = RuleBook.Default;
    private readonly WorkingDayCalendar _calendar = VietnameseHolidays.Calendar;
    private readonly Dictionary<(string Suffix, int Organization, int Year), HashSet<int>> _numbers = [];
    private readonly Dictionary<string, CellInfo> _cells = new(StringComparer.Ordinal);
    private readonly List<ScreeningCase> _cases = [];

    private Dictionary<string, Organization> _byCode = null!;
    private Dictionary<int, Organization> _byId = null!;
    private Dictionary<int, List<Member>> _membersByCell = null!;
    private Dictionary<string, (string Id, string Name)> _users = null!;
    private Actor _dept = null!;
    private Actor _inspection = null!;
    private Actor _standing = null!;

    private DemoCases(PartyRosterDbContext db, DateOnly today, int seed)
    {
        _db = db;
        _today = today;
        // Its own stream: adding cases must not change the members the main seed generates.
        _rng = new Random(unchecked(seed * 31 + 8));
    }

    /// <summary>Creates and saves the demo cases; returns them (tracked, with ids).</summary>
    public static async Task<IReadOnlyList<ScreeningCase>> SeedAsync(PartyRosterDbContext db, DateOnly today, int seed, CancellationToken ct)
    {
        var demo = new DemoCases(db, today, seed);
        await demo.LoadAsync(ct);
        demo.Build();
        db.ScreeningCases.AddRange(demo._cases);
        await db.SaveChangesAsync(ct);
        return demo._cases;
    }

    // ---------------------------------------------------------------- the cases

    private void Build()
    {
        var t = _today;

        // Chi bộ Khu phố 1 (chi bộ cơ sở, bithu@): ballots due, a help period ending, a letter to forward.
        Education(new Plan("DB.26", ScreeningStatus.Directed) { Reasons = [ReasonCode.C5], ProposedOn = t.AddDays(-Gap(38, 45)) });
        Education(new Plan("DB.26", ScreeningStatus.UnderHelp) { Reasons = [ReasonCode.C4], HelpStartsOn = t.AddDays(Gap(8, 14)).AddMonths(-12) });
        Education(new Plan("DB.26", ScreeningStatus.FinalReview) { Reasons = [ReasonCode.C1, ReasonCode.C5], HelpStartsOn = t.AddDays(-Gap(14, 18)).AddMonths(-12) });
        DirectRemoval(new Plan("DB.26", ScreeningStatus.Proposed) { Grounds = [DirectRemovalGround.MissedMeetings], ProposedOn = t.AddDays(-Gap(40, 50)), RefusedSelfCriticism = true });
        Voluntary(new Plan("DB.26", ScreeningStatus.Proposed) { ProposedOn = t.AddDays(-Gap(8, 15)) });

        // Chi bộ Tổ Toán – Tin (chi bộ trực thuộc, bithu2@) and the other cells of its đảng ủy (danguy@).
        Education(new Plan("DB.01.01", ScreeningStatus.Directed) { Reasons = [ReasonCode.C4], ProposedOn = t.AddDays(-Gap(30, 36)) });
        Education(new Plan("DB.01.01", ScreeningStatus.UnderHelp) { Reasons = [ReasonCode.C5], HelpStartsOn = t.AddDays(-Gap(18, 24)).AddMonths(-12) });
        Education(new Plan("DB.01.01", ScreeningStatus.UnderHelp) { Reasons = [ReasonCode.C3], HelpStartsOn = t.AddMonths(-5).AddDays(-Gap(0, 10)), ReplaceHelper = true });
        Education(new Plan("DB.01.01", ScreeningStatus.Ballot) { Reasons = [ReasonCode.C1], HelpStartsOn = t.AddDays(-Gap(38, 42)).AddMonths(-12) });
        Education(new Plan("DB.01.02", ScreeningStatus.Proposed) { Reasons = [ReasonCode.C4, ReasonCode.C5], ProposedOn = t.AddDays(-Gap(8, 14)) });
        Education(new Plan("DB.01.02", ScreeningStatus.RemovalProposed) { Reasons = [ReasonCode.C2], HelpStartsOn = t.AddDays(-Gap(44, 48)).AddMonths(-12) });
        Education(new Plan("DB.01.03", ScreeningStatus.Listed) { Reasons = [ReasonCode.C5], ProposedOn = t.AddDays(-Gap(65, 75)) });
        Education(new Plan("DB.01.03", ScreeningStatus.Dropped) { Reasons = [ReasonCode.C5], ProposedOn = t.AddDays(-Gap(110, 130)), StrikeAtDirection = true });

        // Work waiting at the ward level: direction, verification, advice, decisions, appeals.
        Education(new Plan("DB.30", ScreeningStatus.Proposed) { Reasons = [ReasonCode.C1], ProposedOn = t.AddDays(-Gap(15, 22)) });
        Education(new Plan("DB.45", ScreeningStatus.Listed) { Reasons = [ReasonCode.C4], ProposedOn = t.AddDays(-Gap(85, 95)), RefusedSelfCriticism = true });
        Education(new Plan("DB.09.01", ScreeningStatus.UnderHelp) { Reasons = [ReasonCode.C5], HelpStartsOn = t.AddDays(Gap(22, 27)).AddMonths(-12) });
        Education(new Plan("DB.13.01", ScreeningStatus.FinalReview) { Reasons = [ReasonCode.C4], HelpStartsOn = t.AddDays(-Gap(24, 28)).AddMonths(-12) });
        Education(new Plan("DB.40", ScreeningStatus.Escalated) { Reasons = [ReasonCode.C3, ReasonCode.C5], HelpStartsOn = t.AddDays(-Gap(118, 125)).AddMonths(-12) });
        Education(new Plan("DB.06.02", ScreeningStatus.Forwarded) { Reasons = [ReasonCode.C4], HelpStartsOn = t.AddDays(-Gap(68, 72)).AddMonths(-12) });
        Education(new Plan("DB.09.02", ScreeningStatus.Verified) { Reasons = [ReasonCode.C2, ReasonCode.C4], HelpStartsOn = t.AddDays(-Gap(98, 102)).AddMonths(-12) });
        Education(new Plan("DB.50", ScreeningStatus.Advised) { Reasons = [ReasonCode.C1], HelpStartsOn = t.AddDays(-Gap(118, 122)).AddMonths(-12) });
        Education(new Plan("DB.03.02", ScreeningStatus.Expelled) { Reasons = [ReasonCode.C3, ReasonCode.C4], DecidedOn = t.AddDays(-Gap(60, 90)), Outcome = Disposition.Expel });
        Education(new Plan("DB.60", ScreeningStatus.Appealed) { Reasons = [ReasonCode.C1, ReasonCode.C5], DecidedOn = AppealLodgedForAnswerDueSoon().AddDays(-Gap(14, 20)) });
        Education(new Plan("DB.38", ScreeningStatus.Reinstated) { Reasons = [ReasonCode.C5], DecidedOn = t.AddDays(-Gap(200, 240)), AppealUpheld = true });
        Education(new Plan("DB.33", ScreeningStatus.UnderHelp) { Reasons = [ReasonCode.C4, ReasonCode.C5], DecidedOn = t.AddDays(-Gap(90, 110)), Outcome = Disposition.ContinueHelp });

        // Closed cases, so the history reads like a year of real work.
        Education(new Plan("DB.27", ScreeningStatus.ProgressRecognized) { Reasons = [ReasonCode.C5], HelpStartsOn = t.AddDays(-Gap(190, 210)).AddMonths(-12) });
        Education(new Plan("DB.04.01.01", ScreeningStatus.ProgressRecognized) { Reasons = [ReasonCode.C4], HelpStartsOn = t.AddDays(-Gap(85, 95)).AddMonths(-12) });
        Education(new Plan("DB.52", ScreeningStatus.Dropped) { Reasons = [ReasonCode.C3], ProposedOn = t.AddDays(-Gap(140, 160)), FailListBallot = true });
        Education(new Plan("DB.47", ScreeningStatus.Withdrawn) { Reasons = [ReasonCode.C5], HelpStartsOn = t.AddMonths(-8).AddDays(-Gap(0, 10)), DiesDuringHelp = true });

        DirectRemoval(new Plan("DB.28", ScreeningStatus.RemovedFromRoll) { Grounds = [DirectRemovalGround.MissedMeetings, DirectRemovalGround.UnpaidDues], ProposedOn = t.AddDays(-Gap(190, 210)) });
        DirectRemoval(new Plan("DB.02.01", ScreeningStatus.Dropped) { Grounds = [DirectRemovalGround.UnpaidDues], ProposedOn = t.AddDays(-Gap(95, 110)) });
        ProbationaryRemoval();

        Voluntary(new Plan("DB.35", ScreeningStatus.Forwarded) { ProposedOn = t.AddDays(-Gap(35, 45)) });
        Voluntary(new Plan("DB.44", ScreeningStatus.Withdrew) { ProposedOn = t.AddDays(-Gap(140, 160)) });

    }

    /// <summary>A probationary member who failed probation: the direct track, voted for removal by the cell.</summary>
    private void ProbationaryRemoval()
    {
        var start = _today.AddDays(-Gap(40, 50));
        var candidate = _membersByCell.Values.SelectMany(m => m)
            .Where(m => m.Standing == Standing.Probationary && m.RollState == RollState.Active && m.AdmissionCeremonyDate < start.AddMonths(-6))
            .OrderBy(m => m.AdmissionCeremonyDate).ThenBy(m => m.Id).FirstOrDefault();
        if (candidate is null)
        {
            // No long-standing probationary member in the loaded cells: the same stage on an official member.
            DirectRemoval(new Plan("DB.12.01", ScreeningStatus.RemovalProposed) { Grounds = [DirectRemovalGround.UnpaidDues], ProposedOn = start });
            return;
        }
        var cell = Cell(_byId[candidate.OrganizationId].Code!);
        cell.Used.Add(candidate.Id);
        DirectRemoval(new Plan(cell.Org.Code!, ScreeningStatus.RemovalProposed) { Grounds = [DirectRemovalGround.FailedProbation], ProposedOn = start }, candidate);
    }

    // ---------------------------------------------------------------- tracks

    private sealed class Plan(string cellCode, ScreeningStatus stop)
    {
        public string CellCode { get; } = cellCode;
        public ScreeningStatus Stop { get; } = stop;
        public ReasonCode[] Reasons { get; init; } = [];
        public DirectRemovalGround[] Grounds { get; init; } = [];
        /// <summary>Exactly one anchor: the proposal, the start of help, or the decision.</summary>
        public DateOnly? ProposedOn { get; init; }
        public DateOnly? HelpStartsOn { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public bool RefusedSelfCriticism { get; init; }
        public bool StrikeAtDirection { get; init; }
        public bool FailListBallot { get; init; }
        public bool ReplaceHelper { get; init; }
        public bool DiesDuringHelp { get; init; }
        public Disposition Outcome { get; init; } = Disposition.RemoveFromRoll;
        public bool? AppealUpheld { get; init; }

        public bool Removes => Stop is ScreeningStatus.RemovalProposed or ScreeningStatus.Forwarded or ScreeningStatus.Verified
            or ScreeningStatus.Advised or ScreeningStatus.RemovedFromRoll or ScreeningStatus.Expelled
            or ScreeningStatus.Appealed or ScreeningStatus.Reinstated || Outcome == Disposition.ContinueHelp;
    }

    /// <summary>The education-and-help track (§3.2), from the proposal to wherever <see cref="Plan.Stop"/> says.</summary>
    private void Education(Plan plan)
    {
        var cell = Cell(plan.CellCode);

        // All gaps are drawn first, so every anchor gives the same shape of history.
        var toDirect = Gap(10, 20);
        var toListBallot = Gap(7, 14);
        var toSelfCriticism = plan.RefusedSelfCriticism ? Gap(25, 35) : Gap(5, 10);
        var toHelp = Gap(1, 7);
        var toFinalReview = Gap(3, 12);
        var rounds = plan.Stop switch { ScreeningStatus.Ballot => 1, ScreeningStatus.Escalated => 3, _ => 1 };
        var ballotGaps = Enumerable.Range(0, rounds).Select(i => i == 0 ? Gap(7, 14) : Gap(20, 30)).ToArray();
        var toForward = Gap(10, 20);
        var toVerify = Gap(20, 32);
        var toAdvise = Gap(10, 18);
        var toDecide = Gap(10, 18);
        var pre = toDirect + toListBallot + toSelfCriticism + toHelp;

        DateOnly proposed, help;
        DateOnly? finalReview = null;
        if (plan.ProposedOn is { } p)
        {
            proposed = p;
            help = p.AddDays(pre);
        }
        else if (plan.HelpStartsOn is { } h)
        {
            help = h;
            proposed = h.AddDays(-pre);
        }
        else
        {
            var decided = plan.DecidedOn ?? throw new InvalidOperationException("A plan needs an anchor date.");
            var fr = decided.AddDays(-(toDecide + toAdvise + toVerify + toForward + ballotGaps.Sum()));
            finalReview = fr;
            help = fr.AddDays(-toFinalReview).AddMonths(-12);
            proposed = help.AddDays(-pre);
        }

        var subject = PickSubject(cell, proposed);
        var c = ScreeningCase.Propose(subject, plan.Reasons, Evidence(plan.Reasons, proposed, cell),
            Ctx(cell.Secretary, proposed, new DocumentRef(DocumentKind.BienBan, null, proposed, cell.SecretaryName), OpinionsNote(cell)));
        _cases.Add(c);
        if (plan.Stop == ScreeningStatus.Proposed) return;

        var on = proposed.AddDays(toDirect);
        if (plan.StrikeAtDirection)
        {
            c.Direct(false, Ctx(cell.Superior, on, null,
                "Đảng viên mới được điều động về chi bộ, chưa đủ thời gian và căn cứ để đánh giá; đề nghị chi bộ tiếp tục theo dõi, nhắc nhở."));
            return;
        }
        c.Direct(true, Ctx(cell.Superior, on, null, "Đồng ý đưa vào danh sách dự kiến; đề nghị chi bộ họp, biểu quyết theo quy định."));
        if (plan.Stop == ScreeningStatus.Directed) return;

        on = on.AddDays(toListBallot);
        c.RecordListBallot(plan.FailListBallot ? Failing(cell.Basis, on) : Passing(cell.Basis, on), cell.Basis, _rules,
            Ctx(cell.Secretary, on, CellResolution(cell, on), plan.FailListBallot ? "Nhiều ý kiến cho rằng đảng viên đã tiến bộ sau khi được chi ủy nhắc nhở." : null));
        if (c.Status == ScreeningStatus.Dropped) return;

        on = on.AddDays(toSelfCriticism);
        SelfCriticism(c, cell, subject, on, plan.RefusedSelfCriticism);
        if (plan.Stop == ScreeningStatus.Listed) return;

        on = help;
        var helper = PickHelper(cell, subject, on);
        c.AssignHelper(helper, false, _rules, Ctx(cell.Secretary, on, CellResolution(cell, on),
            $"Đồng chí {helper.FullName} theo dõi, giúp đỡ; đảng viên báo cáo chi bộ hằng quý."));

        var ends = c.HelpEndsOn!.Value;
        var stopHelp = plan.Stop == ScreeningStatus.UnderHelp && plan.Outcome != Disposition.ContinueHelp;
        var withdrawnOn = plan.DiesDuringHelp ? _today.AddDays(-Gap(20, 40)) : (DateOnly?)null;
        var lastNote = withdrawnOn ?? (stopHelp ? _today : ends);
        var positive = !plan.Removes;
        for (var month = 1; month < 12; month++)
        {
            var noteOn = help.AddMonths(month).AddDays(Gap(0, 10));
            if (noteOn > lastNote || noteOn >= ends) break;
            if (plan.ReplaceHelper && month == 2)
            {
                var second = PickHelper(cell, subject, noteOn);
                c.AssignHelper(second, false, _rules, Ctx(cell.Secretary, noteOn, CellResolution(cell, noteOn),
                    $"Đồng chí {helper.FullName} được điều động công tác khác; phân công đồng chí {second.FullName} tiếp tục giúp đỡ."));
                helper = second;
            }
            else if (month % 3 == 0)
            {
                c.AddProgressNote(Progress(positive, month), Ctx(cell.Secretary, noteOn, null, $"Nhận xét của người giúp đỡ ({helper.FullName})"));
            }
        }
        if (withdrawnOn is { } died)
        {
            subject.RecordDeath(died, "Từ trần do bệnh nặng");
            c.Withdraw($"Đảng viên từ trần ngày {D(died)}.", Ctx(cell.Secretary, died));
            return;
        }
        if (stopHelp) return;

        on = finalReview ?? ends.AddDays(toFinalReview);
        c.RecordFinalReview(SelfReview(positive), HelperAssessment(positive, helper),
            Ctx(cell.Secretary, on, new DocumentRef(DocumentKind.BanTuKiemDiem, null, on.AddDays(-Gap(1, 3)), subject.FullName)));
        if (plan.Stop == ScreeningStatus.FinalReview) return;

        for (var i = 0; i < ballotGaps.Length; i++)
        {
            on = on.AddDays(ballotGaps[i]);
            var tally = plan.Stop is ScreeningStatus.Ballot or ScreeningStatus.Escalated ? Inconclusive(cell.Basis, on)
                : plan.Stop == ScreeningStatus.ProgressRecognized ? Keep(cell.Basis, on)
                : Passing(cell.Basis, on);
            c.RecordBallot(tally, cell.Basis, _rules, Ctx(cell.Secretary, on, TallyMinutes(on),
                tally.VotesFor + tally.VotesAgainst < tally.BallotsCast ? "Có phiếu trắng, phiếu không hợp lệ." : null));
        }
        if (c.Status != ScreeningStatus.RemovalProposed) return; // Ballot, Escalated, ProgressRecognized
        if (plan.Stop == ScreeningStatus.RemovalProposed) return;

        Upward(c, cell, subject, plan, on, toForward, toVerify, toAdvise, toDecide);
    }

    /// <summary>§3.3: the direct-removal track. <paramref name="subject"/> is given for the probationary case.</summary>
    private void DirectRemoval(Plan plan, Member? subject = null)
    {
        var cell = Cell(plan.CellCode);
        var proposed = plan.ProposedOn ?? throw new InvalidOperationException("Direct-removal plans are anchored on the proposal.");
        subject ??= PickSubject(cell, proposed);
        var c = ScreeningCase.ProposeDirectRemoval(subject, plan.Grounds, GroundsEvidence(plan.Grounds, proposed, subject),
            Ctx(cell.Secretary, proposed, new DocumentRef(DocumentKind.BienBan, null, proposed, cell.SecretaryName), OpinionsNote(cell)));
        _cases.Add(c);

        var on = proposed.AddDays(plan.RefusedSelfCriticism ? Gap(25, 35) : Gap(7, 14));
        SelfCriticism(c, cell, subject, on, plan.RefusedSelfCriticism);
        if (plan.Stop == ScreeningStatus.Proposed) return;

        on = on.AddDays(Gap(7, 14));
        var keep = plan.Stop == ScreeningStatus.Dropped;
        var tally = keep ? Keep(cell.Basis, on) : Passing(cell.Basis, on);
        c.RecordBallot(tally, cell.Basis, _rules, Ctx(cell.Secretary, on, TallyMinutes(on),
            keep ? "Đảng viên đã trình bày lý do chính đáng (đi làm ăn xa, có xác nhận), đã đóng đủ đảng phí còn thiếu." : null));
        if (keep || plan.Stop == ScreeningStatus.RemovalProposed) return;

        Upward(c, cell, subject, plan, on, Gap(10, 20), Gap(20, 32), Gap(10, 18), Gap(10, 18));
    }

    /// <summary>A member's letter asking to leave the party, forwarded and decided.</summary>
    private void Voluntary(Plan plan)
    {
        var cell = Cell(plan.CellCode);
        var proposed = plan.ProposedOn ?? throw new InvalidOperationException("Voluntary plans are anchored on the letter.");
        var subject = PickSubject(cell, proposed);
        var c = ScreeningCase.RequestWithdrawal(subject, Ctx(cell.Secretary, proposed,
            new DocumentRef(DocumentKind.Don, null, proposed.AddDays(-Gap(2, 6)), subject.FullName),
            "Đơn xin ra khỏi Đảng; lý do: tuổi cao, sức khỏe yếu, hoàn cảnh gia đình khó khăn, tự thấy không đủ điều kiện tiếp tục sinh hoạt đảng. Chi ủy đã gặp, động viên nhưng đảng viên giữ nguyện vọng."));
        _cases.Add(c);
        if (plan.Stop == ScreeningStatus.Proposed) return;

        var on = proposed.AddDays(Gap(10, 20));
        Forward(c, cell, on, "Chi bộ đã họp xem xét đơn, đề nghị cấp trên cho đảng viên ra khỏi Đảng theo nguyện vọng.");
        if (plan.Stop == ScreeningStatus.Forwarded) return;

        on = on.AddDays(Gap(15, 30));
        var approve = plan.Stop == ScreeningStatus.Withdrew;
        c.DecideWithdrawal(approve, subject, Ctx(_standing, on, WardDecision(on), approve ? "Đồng ý để đảng viên ra khỏi Đảng; thu hồi thẻ đảng viên." : "Đề nghị chi bộ tiếp tục động viên."));
    }

    /// <summary>Steps 7–11, shared by the removal tracks.</summary>
    private void Upward(ScreeningCase c, CellInfo cell, Member subject, Plan plan, DateOnly on, int toForward, int toVerify, int toAdvise, int toDecide)
    {
        on = on.AddDays(toForward);
        Forward(c, cell, on, "Đề nghị cấp ủy cấp trên xem xét, quyết định.");
        if (plan.Stop == ScreeningStatus.Forwarded) return;

        on = on.AddDays(toVerify);
        var confirmed = plan.Outcome != Disposition.ContinueHelp;
        c.RecordVerification(confirmed, confirmed
                ? "Qua thẩm tra tại chi bộ, nơi cư trú và nơi công tác: các nội dung chi bộ nêu là có cơ sở; đảng viên không tiến bộ, không khắc phục sau khi được giúp đỡ."
                : "Một số nội dung chưa đủ căn cứ kết luận; đảng viên đã có chuyển biến bước đầu (đóng đủ đảng phí, dự sinh hoạt đều), cần tiếp tục giáo dục, giúp đỡ.",
            Ctx(_inspection, on, new DocumentRef(DocumentKind.KetLuan, Number("KL/UBKTĐU", _inspection.OrganizationId, on, 60), on, "Vũ Đức Hải")));
        if (plan.Stop == ScreeningStatus.Verified) return;

        on = on.AddDays(toAdvise);
        var advice = plan.Stop == ScreeningStatus.Advised ? Disposition.RemoveFromRoll : plan.Outcome;
        c.Advise(advice, Ctx(_dept, on, new DocumentRef(DocumentKind.ToTrinh, Number("TTr/BTCĐU", _dept.OrganizationId, on, 120), on, "Nguyễn Thị Lan")));
        if (plan.Stop == ScreeningStatus.Advised) return;

        on = on.AddDays(toDecide);
        var decision = WardDecision(on);
        c.Decide(plan.Outcome, subject, StandingTally(), _rules, Ctx(_standing, on, decision));
        if (plan.Outcome == Disposition.ContinueHelp)
        {
            for (var month = 1; month < 12; month += 2)
            {
                var noteOn = on.AddMonths(month).AddDays(Gap(0, 7));
                if (noteOn > _today) break;
                c.AddProgressNote(Progress(month > 2, month), Ctx(cell.Secretary, noteOn));
            }
            return;
        }
        if (plan.AppealUpheld is null && plan.Stop != ScreeningStatus.Appealed) return;

        // The appeal: the letter is received by the Ban Tổ chức; the answer comes from the level above.
        DateOnly lodged;
        if (plan.Stop == ScreeningStatus.Appealed)
        {
            lodged = AppealLodgedForAnswerDueSoon();
            if (lodged < on.AddDays(3)) throw new InvalidOperationException("The demo appeal would precede its decision.");
        }
        else
        {
            lodged = on.AddDays(Gap(12, 20));
        }
        var received = lodged.AddDays(-Gap(7, 10));
        if (received < on) received = on;
        c.LodgeAppeal(received, _calendar, _rules, Ctx(_dept, lodged, new DocumentRef(DocumentKind.Don, null, lodged.AddDays(-1), subject.FullName),
            "Đảng viên cho rằng chi bộ chưa xem xét đầy đủ hoàn cảnh (ốm đau, chăm sóc người thân) và đề nghị xem xét lại."));
        if (plan.Stop == ScreeningStatus.Appealed) return;

        on = lodged.AddDays(Gap(55, 80));
        var upheld = plan.AppealUpheld == true;
        c.ResolveAppeal(upheld, subject, Ctx(_dept, on,
            new DocumentRef(DocumentKind.KetLuan, Number("KL/UBKTTU", _dept.OrganizationId, on, 200), on, "Ủy ban Kiểm tra Tỉnh ủy"),
            upheld ? "Ủy ban Kiểm tra Tỉnh ủy kết luận: lý do vắng sinh hoạt là chính đáng (điều trị dài ngày có hồ sơ bệnh án); chấp nhận khiếu nại."
                : "Ủy ban Kiểm tra Tỉnh ủy kết luận: giữ nguyên quyết định."));
    }

    private void SelfCriticism(ScreeningCase c, CellInfo cell, Member subject, DateOnly on, bool refused)
    {
        if (refused)
        {
            var first = on.AddDays(-Gap(20, 24));
            var second = on.AddDays(-Gap(10, 14));
            c.RecordSelfCriticismRefused(3, _rules, Ctx(cell.Secretary, on, new DocumentRef(DocumentKind.BienBan, null, on, cell.SecretaryName),
                $"Chi ủy đã gửi giấy mời, yêu cầu viết bản tự kiểm điểm ba lần ({D(first)}, {D(second)}, {D(on.AddDays(-3))}); đảng viên không viết, không dự họp."));
        }
        else
        {
            c.RecordSelfCriticism(Ctx(cell.Secretary, on, new DocumentRef(DocumentKind.BanTuKiemDiem, null, on.AddDays(-Gap(1, 4)), subject.FullName),
                "Đảng viên nhận khuyết điểm, cam kết sửa chữa: dự đủ sinh hoạt, đóng đảng phí đúng hạn, hoàn thành nhiệm vụ được giao."));
        }
    }

    /// <summary>A chi bộ trực thuộc goes up through its đảng ủy cơ sở (with that committee's vote); a chi bộ cơ sở directly.</summary>
    private void Forward(ScreeningCase c, CellInfo cell, DateOnly on, string note)
    {
        if (cell.CommitteeActor is { } committee)
        {
            var present = CommitteeSize - Gap(0, 1);
            var votesFor = Gap(7, present);
            c.Forward(new BallotTally(CommitteeSize, present, present, votesFor, present - votesFor), true, _rules,
                Ctx(committee, on, new DocumentRef(DocumentKind.NghiQuyet, Number("NQ/ĐU", committee.OrganizationId, on, 80), on, cell.CommitteeSigner), note));
        }
        else
        {
            c.Forward(null, false, _rules, Ctx(cell.Secretary, on,
                new DocumentRef(DocumentKind.ToTrinh, Number("TTr/CB", cell.Org.Id, on, 12), on, cell.SecretaryName), note));
        }
    }

    /// <summary>The lodging date whose 90-working-day answer deadline falls 10–20 days from today (the queue's "due soon").</summary>
    private DateOnly AppealLodgedForAnswerDueSoon()
    {
        var days = _rules.InForceOn(_today).AppealAnswerWorkingDays.Value;
        var lodged = _today;
        while (_calendar.AddWorkingDays(lodged, days) > _today.AddDays(15)) lodged = lodged.AddDays(-1);
        return lodged;
    }

    // ---------------------------------------------------------------- tallies

    private int Needed(int basis, DateOnly on) => _rules.InForceOn(on).RemovalBallotThreshold.Value.MinimumVotes(basis);

    /// <summary>The motion carries (≥ 2/3 of the basis).</summary>
    private BallotTally Passing(int basis, DateOnly on)
    {
        var need = Needed(basis, on);
        var present = basis - Gap(0, Math.Min(2, basis - need));
        var votesFor = Gap(need, present);
        return new BallotTally(basis, present, present, votesFor, Gap(0, present - votesFor));
    }

    /// <summary>The motion falls short: fewer than the threshold in favour.</summary>
    private BallotTally Failing(int basis, DateOnly on)
    {
        var need = Needed(basis, on);
        var present = basis - Gap(0, 1);
        var votesFor = Math.Max(0, need - 1 - Gap(0, 2));
        return new BallotTally(basis, present, present, votesFor, present - votesFor);
    }

    /// <summary>Keeping the member reaches the threshold; removal does not.</summary>
    private BallotTally Keep(int basis, DateOnly on)
    {
        var need = Needed(basis, on);
        var present = basis - Gap(0, Math.Min(2, basis - need));
        var votesAgainst = Gap(need, present);
        return new BallotTally(basis, present, present, Gap(0, present - votesAgainst), votesAgainst);
    }

    /// <summary>Neither side reaches the threshold.</summary>
    private BallotTally Inconclusive(int basis, DateOnly on)
    {
        var need = Needed(basis, on);
        var present = basis - Gap(0, 1);
        var votesFor = Math.Max(0, need - 1 - Gap(0, 1));
        var votesAgainst = Math.Max(0, Math.Min(need - 1, present - votesFor) - Gap(0, 1));
        return new BallotTally(basis, present, present, votesFor, votesAgainst);
    }

    private BallotTally StandingTally()
    {
        var present = StandingCommitteeSize - Gap(0, 2);
        var votesFor = Gap(present - 2, present);
        return new BallotTally(StandingCommitteeSize, present, present, votesFor, present - votesFor);
    }

    // ---------------------------------------------------------------- documents and texts

    private DocumentRef CellResolution(CellInfo cell, DateOnly on) =>
        new(DocumentKind.NghiQuyet, Number("NQ/CB", cell.Org.Id, on, 24), on, cell.SecretaryName);

    private static DocumentRef TallyMinutes(DateOnly on) =>
        new(DocumentKind.BienBan, null, on, "Tổ kiểm phiếu chi bộ");

    private DocumentRef WardDecision(DateOnly on) =>
        new(DocumentKind.QuyetDinh, Number("QĐ/ĐU", _standing.OrganizationId, on, 400), on, "Trần Quốc Hùng");

    /// <summary>"12-NQ/CB": numbered in date order within the issuing organisation's year, never twice.</summary>
    private string Number(string suffix, int organizationId, DateOnly on, int perYear)
    {
        var key = (suffix, organizationId, on.Year);
        if (!_numbers.TryGetValue(key, out var used)) _numbers[key] = used = [];
        var n = 1 + (on.DayOfYear - 1) * perYear / 366;
        while (!used.Add(n)) n++;
        return n.ToString("D2", CultureInfo.InvariantCulture) + "-" + suffix;
    }

    private static string OpinionsNote(CellInfo cell) => cell.Residential
        ? "Đã lấy ý kiến Ban công tác Mặt trận và Chi hội Cựu chiến binh khu dân cư."
        : "Đã lấy ý kiến lãnh đạo đơn vị và Ban Chấp hành Công đoàn nơi đảng viên công tác.";

    private string Evidence(IEnumerable<ReasonCode> reasons, DateOnly on, CellInfo cell)
    {
        var y = on.Year;
        var lines = reasons.Select(r => r switch
        {
            ReasonCode.C1 => $"C1: Năm {y - 2} và năm {y - 1} đều xếp loại \"Không hoàn thành nhiệm vụ\" (biên bản đánh giá, xếp loại đảng viên cuối năm của chi bộ).",
            ReasonCode.C2 => $"C2: Đang trong thời hạn kỷ luật khiển trách (Quyết định số {Gap(10, 60):D2}-QĐ/ĐU ngày {D(on.AddMonths(-Gap(4, 8)))}) lại tiếp tục vi phạm: tự ý bỏ vị trí công tác nhiều buổi.",
            ReasonCode.C3 => Pick(
                "C3: Nhiều lần chia sẻ trên mạng xã hội bài viết có nội dung sai trái, xuyên tạc; chi ủy đã gặp, nhắc nhở nhưng chưa sửa chữa (kết luận của chi ủy).",
                "C3: Sa sút ý chí, phát ngôn tiêu cực tại nơi sinh hoạt, nói không đi đôi với làm; chi ủy đã kết luận sau kiểm điểm."),
            ReasonCode.C4 => cell.Residential
                ? Pick("C4: Tham gia chơi lô đề, bị Công an phường xử phạt vi phạm hành chính.",
                    "C4: Vay mượn tiền của nhiều hộ trong khu dân cư không trả đúng hẹn, gây dư luận xấu.",
                    "C4: Tự ý lấn chiếm vỉa hè làm nơi kinh doanh, không chấp hành yêu cầu của tổ dân phố.")
                : Pick("C4: Điều khiển xe sau khi uống rượu bia, bị xử phạt vi phạm hành chính; cơ quan đã có văn bản thông báo.",
                    "C4: Không trung thực trong kê khai thanh toán công tác phí, đã bị cơ quan nhắc nhở bằng văn bản."),
            ReasonCode.C5 => $"C5: Năm {y - 1} vắng sinh hoạt chi bộ 2 kỳ không có lý do, chậm đóng đảng phí 2 tháng; không hoàn thành nhiệm vụ được chi bộ phân công.",
            _ => r.ToString(),
        });
        return string.Join("\n", lines);
    }

    private static string GroundsEvidence(IEnumerable<DirectRemovalGround> grounds, DateOnly on, Member subject)
    {
        // "Three months in a year": the last three whole months before the proposal, within one calendar year.
        var months = Enumerable.Range(1, 5).Select(i => on.AddMonths(-i)).Where(d => d.Year == on.AddMonths(-1).Year).Take(3)
            .Select(d => d.Month).Order().ToList();
        var year = on.AddMonths(-1).Year;
        var list = string.Join(", ", months.Take(months.Count - 1)) + (months.Count > 1 ? " và " : "") + months[^1];
        return string.Join("\n", grounds.Select(g => g switch
        {
            DirectRemovalGround.MissedMeetings => $"Bỏ sinh hoạt chi bộ các tháng {list}/{year} không có lý do chính đáng (sổ theo dõi sinh hoạt chi bộ); chi ủy đã gặp, nhắc nhở bằng văn bản hai lần.",
            DirectRemovalGround.UnpaidDues => $"Không đóng đảng phí các tháng {list}/{year} không có lý do chính đáng (sổ thu đảng phí của chi bộ).",
            DirectRemovalGround.FailedProbation => $"Trong thời gian dự bị (kết nạp ngày {D(subject.AdmissionCeremonyDate)}) nhiều lần vắng sinh hoạt, không hoàn thành nhiệm vụ được giao, người giúp đỡ nhận xét không đủ điều kiện công nhận chính thức.",
            _ => g.DisplayName(),
        }));
    }

    private string Progress(bool positive, int month) => positive
        ? Pick($"Sau {month} tháng: dự đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng hạn; gia đình và tổ dân phố phản ánh có tiến bộ.",
            $"Sau {month} tháng: tích cực tham gia hoạt động của chi bộ và đoàn thể, hoàn thành nhiệm vụ được giao.",
            $"Sau {month} tháng: đã khắc phục vi phạm theo cam kết; người giúp đỡ gặp trao đổi hằng tháng.")
        : Pick($"Sau {month} tháng: chuyển biến chậm, vẫn vắng một kỳ sinh hoạt không lý do; người giúp đỡ đã gặp trao đổi hai lần.",
            $"Sau {month} tháng: chưa thực hiện cam kết, còn né tránh khi người giúp đỡ đến gặp.",
            $"Sau {month} tháng: có dự sinh hoạt nhưng chưa nhận nhiệm vụ được giao, đảng phí còn nợ một tháng.");

    private static string SelfReview(bool positive) => positive
        ? "Đã thực hiện đúng cam kết: dự đủ sinh hoạt, đóng đảng phí đúng hạn, khắc phục vi phạm; xin chi bộ ghi nhận tiến bộ."
        : "Nhận thấy còn nhiều thiếu sót, chưa thực hiện được đầy đủ cam kết do hoàn cảnh gia đình.";

    private static string HelperAssessment(bool positive, Member helper) => positive
        ? $"Đồng chí {helper.FullName}: đảng viên tiến bộ rõ, đề nghị chi bộ công nhận."
        : $"Đồng chí {helper.FullName}: đảng viên không tiến bộ, không thực hiện cam kết, đề nghị chi bộ xem xét đưa ra khỏi Đảng.";

    private string Pick(params string[] options) => options[_rng.Next(options.Length)];

    private int Gap(int min, int max) => max <= min ? min : _rng.Next(min, max + 1);

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A step recorded at 09:00 Vietnam time of its effective date; never in the future.</summary>
    private StepContext Ctx(Actor actor, DateOnly on, DocumentRef? document = null, string? note = null)
    {
        if (on > _today) throw new InvalidOperationException($"Demo case step dated {D(on)} is after today ({D(_today)}).");
        var recorded = DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(9, 0)).AddHours(-7), DateTimeKind.Utc);
        return new StepContext(actor, on, recorded, document, note);
    }

    // ---------------------------------------------------------------- members and actors

    private sealed class CellInfo
    {
        public required Organization Org { get; init; }
        public required List<Member> Members { get; init; }
        /// <summary>Official members on the roll and not exempt: the basis of the cell's ballots.</summary>
        public required int Basis { get; init; }
        public required Actor Secretary { get; init; }
        public required string SecretaryName { get; init; }
        /// <summary>The đảng ủy cơ sở of a chi bộ trực thuộc; null for a chi bộ cơ sở.</summary>
        public Actor? CommitteeActor { get; init; }
        public string? CommitteeSigner { get; init; }
        /// <summary>Who directs the draft list: the đảng ủy cơ sở, or the Ban Tổ chức for a chi bộ cơ sở.</summary>
        public required Actor Superior { get; init; }
        public HashSet<int> Used { get; } = [];
        public bool Residential => Org.Name.StartsWith("Chi bộ Khu phố", StringComparison.Ordinal);
    }

    private static readonly string[] Codes =
    [
        "DB.26", "DB.27", "DB.28", "DB.30", "DB.33", "DB.35", "DB.38", "DB.40", "DB.44", "DB.45", "DB.47", "DB.50", "DB.52", "DB.60",
        "DB.01.01", "DB.01.02", "DB.01.03", "DB.02.01", "DB.03.02", "DB.04.01.01", "DB.06.02", "DB.09.01", "DB.09.02", "DB.12.01", "DB.13.01",
    ];

    private async Task LoadAsync(CancellationToken ct)
    {
        var organizations = await _db.Organizations.AsNoTracking().ToListAsync(ct);
        _byCode = organizations.Where(o => o.Code is not null).ToDictionary(o => o.Code!, StringComparer.Ordinal);
        _byId = organizations.ToDictionary(o => o.Id);
        var cellIds = Codes.Select(c => _byCode[c].Id).ToList();
        // Tracked: decisions change the members' roll states in the same save as the cases.
        var members = await _db.Members.Where(m => cellIds.Contains(m.OrganizationId)).OrderBy(m => m.Id).ToListAsync(ct);
        _membersByCell = members.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());

        var emails = DemoSeeder.Accounts.Select(a => a.Email).ToList();
        _users = await _db.Users.Where(u => emails.Contains(u.Email!))
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), StringComparer.OrdinalIgnoreCase, ct);
        var root = _byCode[DemoPlan.RootCode].Id;
        _dept = DemoActor("bantochuc@demo.vn", Role.OrganizationDept, root);
        _inspection = DemoActor("kiemtra@demo.vn", Role.InspectionCommittee, root);
        _standing = DemoActor("thuongvu@demo.vn", Role.StandingCommittee, root);
    }

    private Actor DemoActor(string email, Role role, int organizationId)
    {
        var (id, name) = _users[email];
        return new Actor(id, name, role, organizationId);
    }

    private CellInfo Cell(string code)
    {
        if (_cells.TryGetValue(code, out var cached)) return cached;
        var org = _byCode[code];
        var members = _membersByCell.GetValueOrDefault(org.Id) ?? [];
        var basis = members.Count(m => m.Standing == Standing.Official && m.RollState is RollState.Active or RollState.TemporarilyAway);
        if (basis < 3) throw new InvalidOperationException($"Demo cell {code} has too few official members for a ballot.");
        var used = new HashSet<int>();

        Actor secretary;
        string secretaryName;
        var account = DemoSeeder.Accounts.FirstOrDefault(a => a.Role == Role.CellSecretary && a.OrganizationCode == code);
        if (account is not null)
        {
            secretary = DemoActor(account.Email, Role.CellSecretary, org.Id);
            secretaryName = account.DisplayName;
        }
        else
        {
            // The longest-standing official member signs as secretary; the actor is a labelled non-login stand-in.
            var chair = members.Where(m => m.Standing == Standing.Official && m.RollState == RollState.Active && !FeaturedNames.Contains(m.FullName))
                .OrderBy(m => m.AdmissionDecisionDate).ThenBy(m => m.Id).First();
            used.Add(chair.Id);
            secretary = new Actor(SeedActorPrefix + code, $"Bí thư {org.Name} (dữ liệu mẫu)", Role.CellSecretary, org.Id);
            secretaryName = chair.FullName;
        }

        Actor? committeeActor = null;
        string? committeeSigner = null;
        if (org.Kind == OrganizationKind.Cell)
        {
            var committee = _byId[org.ParentId!.Value];
            while (committee.Kind != OrganizationKind.GrassrootsCommittee) committee = _byId[committee.ParentId!.Value];
            var gc = DemoSeeder.Accounts.FirstOrDefault(a => a.Role == Role.GrassrootsCommittee && a.OrganizationCode == committee.Code);
            if (gc is not null)
            {
                committeeActor = DemoActor(gc.Email, Role.GrassrootsCommittee, committee.Id);
                committeeSigner = gc.DisplayName;
            }
            else
            {
                var name = committee.Name.StartsWith("Đảng bộ ", StringComparison.Ordinal) ? "Đảng ủy " + committee.Name["Đảng bộ ".Length..] : committee.Name;
                committeeActor = new Actor(SeedActorPrefix + committee.Code, $"{name} (dữ liệu mẫu)", Role.GrassrootsCommittee, committee.Id);
                committeeSigner = CommitteeChairs[committee.Id % CommitteeChairs.Length];
            }
        }

        var info = new CellInfo
        {
            Org = org,
            Members = members,
            Basis = basis,
            Secretary = secretary,
            SecretaryName = secretaryName,
            CommitteeActor = committeeActor,
            CommitteeSigner = committeeSigner,
            Superior = committeeActor ?? _dept,
        };
        info.Used.UnionWith(used);
        _cells[code] = info;
        return info;
    }

    /// <summary>An official member on the roll since well before the case, of working or active retired age, not yet in a demo case.</summary>
    private Member PickSubject(CellInfo cell, DateOnly from)
    {
        var candidates = cell.Members.Where(m => m.Standing == Standing.Official && m.RollState == RollState.Active
                && !FeaturedNames.Contains(m.FullName) && !cell.Used.Contains(m.Id)
                && m.OfficialDate is { } official && official < from.AddYears(-1)
                && MemberRules.AgeOn(m.DateOfBirth, from) is >= 25 and <= 75)
            .ToList();
        if (candidates.Count == 0) throw new InvalidOperationException($"Demo cell {cell.Org.Code} has no member left for a case.");
        var subject = candidates[_rng.Next(candidates.Count)];
        cell.Used.Add(subject.Id);
        return subject;
    }

    /// <summary>An official member of the same cell, not the subject, preferably not already helping.</summary>
    private Member PickHelper(CellInfo cell, Member subject, DateOnly on)
    {
        var candidates = cell.Members.Where(m => m.Id != subject.Id && m.Standing == Standing.Official && m.RollState == RollState.Active
                && !cell.Used.Contains(m.Id) && m.OfficialDate is { } official && official < on
                && MemberRules.AgeOn(m.DateOfBirth, on) < 80)
            .ToList();
        if (candidates.Count == 0) throw new InvalidOperationException($"Demo cell {cell.Org.Code} has no helper left.");
        var helper = candidates[_rng.Next(candidates.Count)];
        cell.Used.Add(helper.Id);
        return helper;
    }
}
