using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Tests.Screening;

/// <summary>
/// A cell, its members and the people who act on cases, with a date cursor that moves forward one step at
/// a time, plus <see cref="Drive"/> which takes a fresh case to any state along the legal path.
/// </summary>
public sealed class ScreeningWorld
{
    public const int CellId = 45;
    public static readonly RuleBook Book = RuleBook.Default;
    public static readonly WorkingDayCalendar Days = VietnameseHolidays.Calendar;

    public static readonly Actor Secretary = new("u-sec", "Bí thư chi bộ", Role.CellSecretary, CellId);
    public static readonly Actor Committee = new("u-dU", "Đảng ủy cơ sở", Role.GrassrootsCommittee, 12);
    public static readonly Actor Dept = new("u-btc", "Ban Tổ chức", Role.OrganizationDept, 1);
    public static readonly Actor Inspector = new("u-ubkt", "Ủy ban Kiểm tra", Role.InspectionCommittee, 1);
    public static readonly Actor Btv = new("u-btv", "Ban Thường vụ", Role.StandingCommittee, 1);

    /// <summary>9 official, non-exempt members: 7 for, 2 against.</summary>
    public static readonly BallotTally ListPass = new(9, 9, 9, 7, 2);
    public static readonly BallotTally RemovePass = new(9, 9, 9, 8, 1);
    public static readonly BallotTally KeepPass = new(9, 9, 9, 1, 8);
    public static readonly BallotTally Inconclusive = new(9, 9, 9, 4, 4);
    /// <summary>11 standing committee members, 9 for.</summary>
    public static readonly BallotTally StandingPass = new(11, 11, 11, 9, 2);

    private readonly Organization _cell;
    private int _nextMemberId = 100;

    public ScreeningWorld(DateOnly? start = null)
    {
        var root = new Organization("Đảng bộ xã Nghĩa Hưng", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1));
        _cell = new Organization("Chi bộ Thôn 1", OrganizationKind.GrassrootsCell, root, new DateOnly(2000, 1, 1));
        SetId(_cell, CellId);
        Cursor = start ?? new DateOnly(2025, 8, 4);
        Subject = NewMember(official: true);
    }

    public DateOnly Cursor { get; private set; }
    public Member Subject { get; }

    public Member NewMember(bool official, Organization? cell = null)
    {
        var m = new Member(
            new MemberProfile { FullName = $"Nguyễn Văn Số {_nextMemberId}", Ethnicity = "Kinh", DateOfBirth = new DateOnly(1985, 5, 1), Gender = Gender.Male },
            official
                ? new MemberAdmission { AdmissionDecisionDate = new DateOnly(2010, 3, 1), AdmissionCeremonyDate = new DateOnly(2010, 3, 10), OfficialDate = new DateOnly(2011, 3, 10) }
                : new MemberAdmission { AdmissionDecisionDate = new DateOnly(2025, 3, 1), AdmissionCeremonyDate = new DateOnly(2025, 3, 10) },
            cell ?? _cell);
        SetId(m, _nextMemberId++);
        return m;
    }

    public static Organization OtherCell()
    {
        var root = new Organization("Đảng bộ khác", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1));
        var other = new Organization("Chi bộ Thôn 2", OrganizationKind.GrassrootsCell, root, new DateOnly(2000, 1, 1));
        SetId(other, CellId + 1);
        return other;
    }

    /// <summary>Moves the cursor forward by <paramref name="days"/> and returns a context on the new date.</summary>
    public StepContext Step(Actor actor, DocumentKind? kind = null, string? note = null, int days = 1)
    {
        Cursor = Cursor.AddDays(days);
        return At(Cursor, actor, kind, note);
    }

    /// <summary>A context on <paramref name="date"/> (recorded at noon, Vietnam time, the same day); moves the cursor there.</summary>
    public StepContext At(DateOnly date, Actor actor, DocumentKind? kind = null, string? note = null)
    {
        Cursor = date;
        var doc = kind is { } k ? new DocumentRef(k, "01-" + k, date, "Nguyễn Văn Ký") : null;
        return new StepContext(actor, date, date.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc), doc, note);
    }

    public void AdvanceTo(DateOnly date)
    {
        if (date > Cursor) Cursor = date;
    }

    public ScreeningCase Open(ScreeningTrack track) => track switch
    {
        ScreeningTrack.Education => ScreeningCase.Propose(Subject, [ReasonCode.C1, ReasonCode.C4], "Hai năm không hoàn thành nhiệm vụ", Step(Secretary)),
        ScreeningTrack.DirectRemoval => ScreeningCase.ProposeDirectRemoval(Subject, [DirectRemovalGround.MissedMeetings], "Bỏ sinh hoạt tháng 3, 5, 7", Step(Secretary)),
        _ => ScreeningCase.RequestWithdrawal(Subject, Step(Secretary, DocumentKind.Don)),
    };

    /// <summary>A fresh case on <paramref name="track"/> driven to <paramref name="target"/> along the legal path.</summary>
    public ScreeningCase Drive(ScreeningTrack track, ScreeningStatus target)
    {
        var c = Open(track);
        foreach (var move in PathTo(track, target)) move(c);
        Assert.Equal(target, c.Status);
        return c;
    }

    private List<Action<ScreeningCase>> PathTo(ScreeningTrack track, ScreeningStatus target)
    {
        List<Action<ScreeningCase>> p = [];
        if (track == ScreeningTrack.VoluntaryWithdrawal)
        {
            if (target == ScreeningStatus.Proposed) return p;
            if (target == ScreeningStatus.Withdrawn) return [Do(ScreeningAction.Withdraw)];
            p.Add(Do(ScreeningAction.Forward));
            if (target == ScreeningStatus.Withdrew) p.Add(c => c.DecideWithdrawal(true, Subject, Step(Btv, DocumentKind.QuyetDinh)));
            if (target == ScreeningStatus.Dropped) p.Add(c => c.DecideWithdrawal(false, Subject, Step(Btv, DocumentKind.QuyetDinh)));
            return p;
        }

        if (target == ScreeningStatus.Withdrawn) return [Do(ScreeningAction.Withdraw)];

        if (track == ScreeningTrack.Education)
        {
            if (target == ScreeningStatus.Proposed) return p;
            if (target == ScreeningStatus.Dropped) return [c => c.Direct(false, Step(Committee, note: "Chưa đủ căn cứ"))];
            p.Add(Do(ScreeningAction.Direct));
            if (target == ScreeningStatus.Directed) return p;
            p.Add(Do(ScreeningAction.RecordListBallot));
            p.Add(Do(ScreeningAction.RecordSelfCriticism));
            if (target == ScreeningStatus.Listed) return p;
            p.Add(Do(ScreeningAction.AssignHelper));
            if (target == ScreeningStatus.UnderHelp) return p;
            p.Add(Do(ScreeningAction.RecordFinalReview));
            if (target == ScreeningStatus.FinalReview) return p;
        }
        else
        {
            p.Add(Do(ScreeningAction.RecordSelfCriticism));
            if (target == ScreeningStatus.Proposed) return p;
            if (target == ScreeningStatus.Dropped) return [.. p, Ballot(KeepPass)];
            if (target is ScreeningStatus.UnderHelp or ScreeningStatus.FinalReview or ScreeningStatus.ProgressRecognized)
            {
                // The direct track reaches help only through a "continue help" decision.
                p.AddRange([Ballot(RemovePass), Do(ScreeningAction.Forward), Do(ScreeningAction.RecordVerification), Do(ScreeningAction.Advise),
                    c => c.Decide(Disposition.ContinueHelp, Subject, StandingPass, Book, Step(Btv, DocumentKind.QuyetDinh)),
                    Do(ScreeningAction.AssignHelper)]);
                if (target == ScreeningStatus.UnderHelp) return p;
                p.Add(Do(ScreeningAction.RecordFinalReview));
                if (target == ScreeningStatus.FinalReview) return p;
                p.Add(Ballot(KeepPass));
                return p;
            }
        }

        switch (target)
        {
            case ScreeningStatus.Ballot: return [.. p, Ballot(Inconclusive)];
            case ScreeningStatus.Escalated: return [.. p, Ballot(Inconclusive), Ballot(Inconclusive), Ballot(Inconclusive)];
            case ScreeningStatus.ProgressRecognized: return [.. p, Ballot(KeepPass)];
        }
        p.Add(Ballot(RemovePass));
        if (target == ScreeningStatus.RemovalProposed) return p;
        p.Add(Do(ScreeningAction.Forward));
        if (target == ScreeningStatus.Forwarded) return p;
        p.Add(Do(ScreeningAction.RecordVerification));
        if (target == ScreeningStatus.Verified) return p;
        p.Add(Do(ScreeningAction.Advise));
        if (target == ScreeningStatus.Advised) return p;
        p.Add(target == ScreeningStatus.Expelled
            ? c => c.Decide(Disposition.Expel, Subject, StandingPass, Book, Step(Btv, DocumentKind.QuyetDinh))
            : Do(ScreeningAction.Decide));
        if (target is ScreeningStatus.RemovedFromRoll or ScreeningStatus.Expelled) return p;
        p.Add(Do(ScreeningAction.LodgeAppeal));
        if (target == ScreeningStatus.Appealed) return p;
        p.Add(Do(ScreeningAction.ResolveAppeal));
        return p;
    }

    private Action<ScreeningCase> Ballot(BallotTally tally) =>
        c => c.RecordBallot(tally, tally.Eligible, Book, Step(Secretary, DocumentKind.BienBan));

    /// <summary>The action taken with valid arguments for whatever state the case is in (the state check is the method's).</summary>
    public Action<ScreeningCase> Do(ScreeningAction action) => action switch
    {
        ScreeningAction.Direct => c => c.Direct(true, Step(Committee)),
        ScreeningAction.RecordListBallot => c => c.RecordListBallot(ListPass, 9, Book, Step(Secretary, DocumentKind.BienBan)),
        ScreeningAction.RecordSelfCriticism => c => c.RecordSelfCriticism(Step(Secretary, DocumentKind.BanTuKiemDiem)),
        ScreeningAction.RecordSelfCriticismRefused => c => c.RecordSelfCriticismRefused(3, Book, Step(Secretary)),
        ScreeningAction.AssignHelper => c => c.AssignHelper(NewMember(official: true), false, Book, Step(Secretary, DocumentKind.NghiQuyet)),
        ScreeningAction.AddProgressNote => c => c.AddProgressNote("Tham gia sinh hoạt đều", Step(Secretary)),
        ScreeningAction.RecordFinalReview => c =>
        {
            AdvanceTo(c.HelpEndsOn ?? Cursor);
            c.RecordFinalReview("Đã khắc phục", "Có tiến bộ", Step(Secretary, DocumentKind.BanTuKiemDiem, days: 0));
        },
        ScreeningAction.RecordBallot => Ballot(RemovePass),
        ScreeningAction.ResolveEscalation => c => c.ResolveEscalation(true, Step(Committee, DocumentKind.NghiQuyet)),
        ScreeningAction.Forward => c => c.Forward(null, false, Book, Step(Secretary, DocumentKind.NghiQuyet)),
        ScreeningAction.RecordVerification => c => c.RecordVerification(true, "Vi phạm được khẳng định", Step(Inspector, DocumentKind.KetLuan)),
        ScreeningAction.Advise => c => c.Advise(Disposition.RemoveFromRoll, Step(Dept, DocumentKind.ToTrinh)),
        ScreeningAction.Decide => c => c.Decide(Disposition.RemoveFromRoll, Subject, StandingPass, Book, Step(Btv, DocumentKind.QuyetDinh)),
        ScreeningAction.DecideWithdrawal => c => c.DecideWithdrawal(true, Subject, Step(Btv, DocumentKind.QuyetDinh)),
        ScreeningAction.LodgeAppeal => c =>
        {
            var received = c.DecidedOn ?? Cursor;
            c.LodgeAppeal(received, Days, Book, Step(Dept, DocumentKind.Don));
        },
        ScreeningAction.ResolveAppeal => c => c.ResolveAppeal(true, Subject, Step(Btv, DocumentKind.QuyetDinh)),
        ScreeningAction.Withdraw => c => c.Withdraw("Đảng viên từ trần", Step(Dept)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Opening actions are static factories."),
    };

    private static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id")!.SetValue(entity, id);
}
