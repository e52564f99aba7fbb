using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;

namespace PartyRoster.Domain.Tests.Transfers;

/// <summary>A managing committee with two cells and members with ids, as if saved.</summary>
internal sealed class TransferWorld
{
    public static readonly RuleBook Rules = RuleBook.Default;
    public static readonly WorkingDayCalendar Calendar = VietnameseHolidays.Calendar;
    public static readonly DateOnly Today = new(2026, 11, 20);

    private int _nextId = 500;

    public TransferWorld()
    {
        var root = new Organization("Đảng bộ phường Thử", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1));
        var committee = new Organization("Đảng bộ Trường", OrganizationKind.GrassrootsCommittee, root, new DateOnly(2000, 1, 1));
        CellA = WithId(new Organization("Chi bộ Toán", OrganizationKind.Cell, committee, new DateOnly(2000, 1, 1)));
        CellB = WithId(new Organization("Chi bộ Văn", OrganizationKind.Cell, committee, new DateOnly(2000, 1, 1)));
        Member = NewMember();
    }

    public Organization CellA { get; }
    public Organization CellB { get; }
    public Member Member { get; }

    public Member NewMember(Organization? cell = null) => WithId(new Member(
        new MemberProfile { FullName = "Trần Văn Chuyển", Ethnicity = "Kinh", DateOfBirth = new DateOnly(1980, 4, 2), Gender = Gender.Male },
        new MemberAdmission { AdmissionDecisionDate = new DateOnly(2008, 3, 1), AdmissionCeremonyDate = new DateOnly(2008, 3, 10), OfficialDate = new DateOnly(2009, 3, 10) },
        cell ?? CellA));

    public MemberProceeding Proceeding(ProceedingKind kind, DateOnly openedOn) =>
        new(Member.Id, kind, openedOn, "05-QĐ/UBKT", "Đơn tố cáo về kê khai tài sản", Today);

    public Transfer IssueOut(DateOnly issuedOn, IEnumerable<MemberProceeding>? proceedings = null) =>
        Transfer.IssueOfficialOut(Member, proceedings ?? [], "12-GGT/ĐU", issuedOn, "Đảng bộ xã Yên Mông, tỉnh Phú Thọ", null, Calendar, Rules, Today);

    private T WithId<T>(T entity)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, _nextId++);
        return entity;
    }
}

public sealed class OfficialOutIssue
{
    [Fact]
    public void IssuingTheLetter_TakesTheMemberOffThisRoll_AndKeepsTheRecordOpen()
    {
        var w = new TransferWorld();
        var t = w.IssueOut(new DateOnly(2026, 11, 2));

        Assert.Equal(RollState.TransferredOut, w.Member.RollState);
        Assert.Equal(new DateOnly(2026, 11, 2), w.Member.LeftOn);
        Assert.Contains("12-GGT/ĐU", w.Member.LeaveNote, StringComparison.Ordinal);
        Assert.Equal(TransferStatus.InProgress, t.Status);
        Assert.True(t.IsAwaitingSlip);
        Assert.Equal(w.CellA.Id, t.FromCellId);
        Assert.Equal(w.Member.Id, t.MemberId);
    }

    [Fact]
    public void Deadline_IsThirtyWorkingDays_SkippingTet2026()
    {
        var w = new TransferWorld();
        // Friday 30/01/2026: Tết Bính Ngọ takes Monday 16/02 – Friday 20/02 off, pushing the 30th working day a week later.
        var t = w.IssueOut(new DateOnly(2026, 1, 30));

        Assert.Equal(new DateOnly(2026, 3, 20), t.Deadline);
        Assert.Equal(new DateOnly(2026, 3, 13), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 1, 30), 30));
        Assert.Equal(30, TransferWorld.Calendar.WorkingDaysBetween(new DateOnly(2026, 1, 30), t.Deadline!.Value));
    }

    [Fact]
    public void OpenInspection_RefusesTheLetter_NamingIt_AndChangesNothing()
    {
        var w = new TransferWorld();
        var inspection = w.Proceeding(ProceedingKind.Inspection, new DateOnly(2026, 10, 1));

        var ex = Assert.Throws<DomainException>(() => w.IssueOut(new DateOnly(2026, 11, 2), [inspection]));

        Assert.Contains("Kiểm tra khi có dấu hiệu vi phạm", ex.Message, StringComparison.Ordinal);
        Assert.Contains("05-QĐ/UBKT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("01/10/2026", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RollState.Active, w.Member.RollState);
    }

    [Fact]
    public void OpenComplaint_Blocks_ButSuspensionAndClosedInspectionDoNot()
    {
        var w = new TransferWorld();
        var complaint = w.Proceeding(ProceedingKind.Complaint, new DateOnly(2026, 9, 1));
        Assert.Throws<DomainException>(() => w.IssueOut(new DateOnly(2026, 11, 2), [complaint]));

        var closed = w.Proceeding(ProceedingKind.Inspection, new DateOnly(2026, 6, 1));
        closed.Close(new DateOnly(2026, 8, 1), "Không vi phạm", TransferWorld.Today);
        var suspension = w.Proceeding(ProceedingKind.Suspension, new DateOnly(2026, 9, 1));
        var t = w.IssueOut(new DateOnly(2026, 11, 2), [closed, suspension]);
        Assert.Equal(TransferStatus.InProgress, t.Status);
    }

    [Fact]
    public void BackDatedLetter_IsRefused_WhenAnInspectionWasOpenOnItsDate()
    {
        var w = new TransferWorld();
        var inspection = w.Proceeding(ProceedingKind.Inspection, new DateOnly(2026, 6, 1));
        inspection.Close(new DateOnly(2026, 8, 1), "Có vi phạm, đã xử lý", TransferWorld.Today);

        Assert.Throws<DomainException>(() => w.IssueOut(new DateOnly(2026, 7, 15), [inspection]));
    }

    [Fact]
    public void AnotherMembersProceeding_DoesNotBlock()
    {
        var w = new TransferWorld();
        var other = w.NewMember();
        var proceeding = new MemberProceeding(other.Id, ProceedingKind.Inspection, new DateOnly(2026, 10, 1), "07-QĐ/UBKT", null, TransferWorld.Today);

        Assert.Equal(TransferStatus.InProgress, w.IssueOut(new DateOnly(2026, 11, 2), [proceeding]).Status);
    }

    [Fact]
    public void FutureDate_MemberOffTheRoll_TemporarilyAway_AndMissingLetterNumber_AreRefused()
    {
        var w = new TransferWorld();
        Assert.Contains("không được sau ngày hôm nay",
            Assert.Throws<DomainException>(() => w.IssueOut(TransferWorld.Today.AddDays(1))).Message, StringComparison.Ordinal);

        Assert.Contains("số giấy giới thiệu", Assert.Throws<DomainException>(() => Transfer.IssueOfficialOut(w.Member, [], "  ",
            TransferWorld.Today, "Đảng bộ xã Yên Mông", null, TransferWorld.Calendar, TransferWorld.Rules, TransferWorld.Today)).Message, StringComparison.Ordinal);

        w.Member.SetRollStateOnRoll(RollState.TemporarilyAway);
        Assert.Contains("ghi nhận trở về", Assert.Throws<DomainException>(() => w.IssueOut(TransferWorld.Today)).Message, StringComparison.Ordinal);

        var dead = w.NewMember();
        dead.RecordDeath(new DateOnly(2026, 1, 5), null);
        Assert.Contains("không còn trong danh sách", Assert.Throws<DomainException>(() => Transfer.IssueOfficialOut(dead, [], "1-GGT",
            TransferWorld.Today, "Đảng bộ xã Yên Mông", null, TransferWorld.Calendar, TransferWorld.Rules, TransferWorld.Today)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExemptMember_MayTransferOut()
    {
        var w = new TransferWorld();
        w.Member.SetRollStateOnRoll(RollState.ExemptFromActivities);
        w.IssueOut(TransferWorld.Today);
        Assert.Equal(RollState.TransferredOut, w.Member.RollState);
    }
}

public sealed class PapersLate
{
    // Issued Friday 30/01/2026; deadline Friday 20/03/2026 (the 30th working day, Tết skipped).
    private static Transfer Letter() => new TransferWorld().IssueOut(new DateOnly(2026, 1, 30));

    [Fact]
    public void OnTheThirtiethWorkingDay_IsOnTime()
    {
        var t = Letter();
        Assert.False(t.IsPapersLate(new DateOnly(2026, 3, 20)));
        Assert.Equal(0, t.WorkingDaysLeft(new DateOnly(2026, 3, 20), TransferWorld.Calendar));
        Assert.Equal(5, t.WorkingDaysLeft(new DateOnly(2026, 3, 13), TransferWorld.Calendar));
    }

    [Fact]
    public void OnTheThirtyFirstWorkingDay_IsLate()
    {
        var t = Letter();
        Assert.True(t.IsPapersLate(new DateOnly(2026, 3, 23)));
        Assert.Equal(-1, t.WorkingDaysLeft(new DateOnly(2026, 3, 23), TransferWorld.Calendar));
        Assert.Equal(3, t.DaysLate(new DateOnly(2026, 3, 23)));
    }

    [Fact]
    public void TheWeekendAfterTheDeadline_IsAlreadyLate() => Assert.True(Letter().IsPapersLate(new DateOnly(2026, 3, 21)));

    [Fact]
    public void ExactlyThreeMonthsLate_IsNotYetReportable()
    {
        var t = Letter();
        Assert.True(t.IsPapersLate(new DateOnly(2026, 6, 20)));
        Assert.False(t.IsReportable(new DateOnly(2026, 6, 20), TransferWorld.Rules));
    }

    [Fact]
    public void ThreeMonthsAndOneDayLate_IsReportable() => Assert.True(Letter().IsReportable(new DateOnly(2026, 6, 21), TransferWorld.Rules));

    [Fact]
    public void ConfirmedLetter_IsNeitherLateNorReportable_AndRemembersItCameLate()
    {
        var t = Letter();
        t.ConfirmPresented(new DateOnly(2026, 4, 2), "Phiếu báo của Chi bộ Thôn 3", TransferWorld.Today);

        Assert.Equal(TransferStatus.Completed, t.Status);
        Assert.False(t.IsPapersLate(new DateOnly(2026, 11, 1)));
        Assert.False(t.IsReportable(new DateOnly(2026, 11, 1), TransferWorld.Rules));
        Assert.True(t.WasPresentedLate);
    }

    [Fact]
    public void OtherKinds_AreNeverLatePapers()
    {
        var w = new TransferWorld();
        var move = Transfer.MoveWithin(w.Member, w.CellB, [], new DateOnly(2026, 1, 5), null, null, TransferWorld.Today);
        Assert.False(move.IsPapersLate(TransferWorld.Today));
        Assert.False(move.IsReportable(TransferWorld.Today, TransferWorld.Rules));
    }
}

public sealed class OfficialOutClosing
{
    [Fact]
    public void Slip_BeforeTheLetterOrInTheFuture_IsRefused_AndASecondSlipToo()
    {
        var t = new TransferWorld().IssueOut(new DateOnly(2026, 10, 1));
        Assert.Throws<DomainException>(() => t.ConfirmPresented(new DateOnly(2026, 9, 30), null, TransferWorld.Today));
        Assert.Throws<DomainException>(() => t.ConfirmPresented(TransferWorld.Today.AddDays(1), null, TransferWorld.Today));
        t.ConfirmPresented(new DateOnly(2026, 10, 20), null, TransferWorld.Today);
        Assert.False(t.WasPresentedLate);
        Assert.Contains("Đã có phiếu báo", Assert.Throws<DomainException>(() => t.ConfirmPresented(new DateOnly(2026, 10, 21), null, TransferWorld.Today)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_PutsTheMemberBackOnTheRoll()
    {
        var w = new TransferWorld();
        var t = w.IssueOut(new DateOnly(2026, 10, 1));
        Assert.Throws<DomainException>(() => t.Revoke(w.Member, new DateOnly(2026, 10, 5), " ", TransferWorld.Today));

        t.Revoke(w.Member, new DateOnly(2026, 10, 5), "Đảng viên không chuyển nơi ở nữa", TransferWorld.Today);

        Assert.Equal(TransferStatus.Revoked, t.Status);
        Assert.Equal(RollState.Active, w.Member.RollState);
        Assert.Null(w.Member.LeftOn);
        Assert.False(t.IsPapersLate(TransferWorld.Today));
    }
}

public sealed class InternalMove
{
    [Fact]
    public void Move_PlacesTheMemberInTheNewCell_InOneStep_KeepingTheRollState()
    {
        var w = new TransferWorld();
        w.Member.SetRollStateOnRoll(RollState.ExemptFromActivities);
        var t = Transfer.MoveWithin(w.Member, w.CellB, [], new DateOnly(2026, 11, 3), "45-QĐ/ĐU", null, TransferWorld.Today);

        Assert.Equal(w.CellB.Id, w.Member.OrganizationId);
        Assert.Equal(RollState.ExemptFromActivities, w.Member.RollState);
        Assert.Equal(TransferStatus.Completed, t.Status);
        Assert.Equal((w.CellA.Id, w.CellB.Id), (t.FromCellId!.Value, t.ToCellId!.Value));
    }

    [Fact]
    public void Move_ToTheSameCell_OrWhileAComplaintIsOpen_IsRefused()
    {
        var w = new TransferWorld();
        Assert.Throws<DomainException>(() => Transfer.MoveWithin(w.Member, w.CellA, [], TransferWorld.Today, null, null, TransferWorld.Today));

        var complaint = w.Proceeding(ProceedingKind.Complaint, new DateOnly(2026, 10, 1));
        var ex = Assert.Throws<DomainException>(() => Transfer.MoveWithin(w.Member, w.CellB, [complaint], TransferWorld.Today, null, null, TransferWorld.Today));
        Assert.Contains("Giải quyết tố cáo, khiếu nại", ex.Message, StringComparison.Ordinal);
        Assert.Equal(w.CellA.Id, w.Member.OrganizationId);
    }
}

public sealed class OfficialIn
{
    [Fact]
    public void Receiving_RecordsTheLetterAgainstTheNewMembersCell()
    {
        var w = new TransferWorld();
        var newcomer = w.NewMember(w.CellB);
        var t = Transfer.ReceiveOfficial(newcomer, "88-GGT/HU", new DateOnly(2026, 11, 10), "Đảng bộ xã Nghĩa Lạc", null, TransferWorld.Today);

        Assert.Equal(TransferStatus.Completed, t.Status);
        Assert.Equal(w.CellB.Id, t.ToCellId);
        Assert.Null(t.FromCellId);
        Assert.Same(newcomer, t.Member);
        Assert.Throws<DomainException>(() => Transfer.ReceiveOfficial(newcomer, "88-GGT/HU", new DateOnly(2026, 11, 10), " ", null, TransferWorld.Today));
        Assert.Throws<DomainException>(() => Transfer.ReceiveOfficial(newcomer, "88-GGT/HU", new DateOnly(2007, 1, 1), "Đảng bộ xã Nghĩa Lạc", null, TransferWorld.Today));
    }
}

public sealed class TemporaryTransfers
{
    private static readonly DateOnly From = new(2026, 3, 1);

    private static Transfer Send(TransferWorld w, TemporaryPurpose purpose, DateOnly to) =>
        Transfer.SendTemporary(w.Member, purpose, From, to, "3-GGTT/ĐU", "Chi bộ Thôn 5, Đảng bộ xã Hải Hậu", null, TransferWorld.Rules, TransferWorld.Today);

    [Fact]
    public void ExactlyThreeMonths_IsAllowed_OneDayLessIsNot()
    {
        Assert.Equal(TransferStatus.InProgress, Send(new TransferWorld(), TemporaryPurpose.Work, new DateOnly(2026, 6, 1)).Status);
        var ex = Assert.Throws<DomainException>(() => Send(new TransferWorld(), TemporaryPurpose.Work, new DateOnly(2026, 5, 31)));
        Assert.Contains("thẻ đảng viên", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkOrResidence_MustBeUnderOneYear()
    {
        Send(new TransferWorld(), TemporaryPurpose.Residence, new DateOnly(2027, 2, 28));
        var ex = Assert.Throws<DomainException>(() => Send(new TransferWorld(), TemporaryPurpose.Work, new DateOnly(2027, 3, 1)));
        Assert.Contains("dưới 12 tháng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Study_MayLastUpToTwoYears()
    {
        Send(new TransferWorld(), TemporaryPurpose.Study, new DateOnly(2028, 3, 1));
        var ex = Assert.Throws<DomainException>(() => Send(new TransferWorld(), TemporaryPurpose.Study, new DateOnly(2028, 3, 2)));
        Assert.Contains("không quá 24 tháng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Away_ThenBack_TheRollStateFollows()
    {
        var w = new TransferWorld();
        var t = Send(w, TemporaryPurpose.Work, new DateOnly(2026, 9, 1));
        Assert.Equal(RollState.TemporarilyAway, w.Member.RollState);
        Assert.True(t.IsPastPeriodEnd(new DateOnly(2026, 9, 2)));
        Assert.False(t.IsPastPeriodEnd(new DateOnly(2026, 9, 1)));

        // A second temporary transfer while away is refused.
        Assert.Throws<DomainException>(() => Send(w, TemporaryPurpose.Work, new DateOnly(2026, 9, 1)));

        t.RecordReturn(w.Member, new DateOnly(2026, 9, 3), null, TransferWorld.Today);
        Assert.Equal(RollState.Active, w.Member.RollState);
        Assert.Equal(TransferStatus.Completed, t.Status);
        Assert.False(t.IsPastPeriodEnd(TransferWorld.Today));
        Assert.Throws<DomainException>(() => t.RecordReturn(w.Member, new DateOnly(2026, 9, 4), null, TransferWorld.Today));
    }

    [Fact]
    public void Guest_IsKeptWithoutAMemberRecord_AndFollowsThePeriodRules()
    {
        var w = new TransferWorld();
        var guest = Transfer.HostGuest(w.CellB, "  Lê   Thị  Khách ", "12345678", "Đảng bộ phường Ba Đình", TemporaryPurpose.Study,
            From, new DateOnly(2027, 9, 1), "9-GGTT", null, TransferWorld.Rules, TransferWorld.Today);

        Assert.Null(guest.MemberId);
        Assert.Equal(w.CellB.Id, guest.ToCellId);
        Assert.Equal("Lê Thị Khách", guest.GuestName);
        Assert.Throws<DomainException>(() => Transfer.HostGuest(w.CellB, "Lê Thị Khách", null, "Đảng bộ phường Ba Đình", TemporaryPurpose.Work,
            From, new DateOnly(2026, 4, 1), "9-GGTT", null, TransferWorld.Rules, TransferWorld.Today));
        Assert.Throws<DomainException>(() => Transfer.HostGuest(w.CellB, " ", null, "Đảng bộ phường Ba Đình", TemporaryPurpose.Work,
            From, new DateOnly(2026, 7, 1), "9-GGTT", null, TransferWorld.Rules, TransferWorld.Today));

        guest.EndGuestVisit(new DateOnly(2026, 10, 1), null, TransferWorld.Today);
        Assert.Equal(TransferStatus.Completed, guest.Status);
    }
}
