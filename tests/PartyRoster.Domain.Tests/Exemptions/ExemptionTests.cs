using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Exemptions;

public class ExemptionTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateOnly Resolved = new(2026, 10, 5);
    private static readonly Organization Cell = new("Chi bộ Khu phố 3", OrganizationKind.GrassrootsCell,
        new Organization("Đảng bộ phường Thử Nghiệm", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1)), new DateOnly(2000, 1, 1));

    private static Member NewMember() => new(
        new MemberProfile { FullName = "Trần Văn Bảy", Gender = Gender.Male, DateOfBirth = new DateOnly(1940, 2, 1), Ethnicity = "Kinh" },
        new MemberAdmission
        {
            AdmissionDecisionDate = new DateOnly(1968, 5, 1),
            AdmissionCeremonyDate = new DateOnly(1968, 5, 19),
            OfficialDate = new DateOnly(1969, 5, 19),
        },
        Cell);

    private static Exemption Grant(Member member, ExemptionGround ground = ExemptionGround.Age, DateOnly? starts = null, DateOnly? ends = null,
        DateOnly? resolved = null, Exemption? open = null) =>
        Exemption.Grant(member, open, ground, starts ?? Resolved, ends, "05-NQ/CB", resolved ?? Resolved, null, Today);

    [Fact]
    public void Grant_MakesTheMemberExempt_AndReturnMakesThemActiveAgain()
    {
        var member = NewMember();
        var exemption = Grant(member);
        Assert.Equal(RollState.ExemptFromActivities, member.RollState);
        Assert.True(exemption.IsOpen);
        Assert.True(exemption.Period.Covers(Today));

        exemption.Return(member, Today, "Sức khỏe đã ổn định, xin trở lại sinh hoạt", Today);
        Assert.Equal(RollState.Active, member.RollState);
        Assert.Equal(Today, exemption.ReturnedOn);
        Assert.False(exemption.Period.Covers(Today));
    }

    [Fact]
    public void Grant_WhileAnotherExemptionIsOpen_IsRefused()
    {
        var member = NewMember();
        var open = Grant(member);
        var ex = Assert.Throws<DomainException>(() => Grant(member, open: open));
        Assert.Contains("đang được miễn công tác và sinh hoạt từ ngày 05/10/2026", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_ForAMemberExemptBeforeTheRecordExisted_RecordsTheResolutionAndKeepsTheState()
    {
        var member = NewMember();
        member.SetRollStateOnRoll(RollState.ExemptFromActivities);
        var exemption = Grant(member);
        Assert.Equal(RollState.ExemptFromActivities, member.RollState);
        Assert.Equal("05-NQ/CB", exemption.ResolutionNumber);
    }

    [Fact]
    public void Grant_ForAMemberAwayOrOffTheRoll_IsRefused()
    {
        var away = NewMember();
        away.SetRollStateOnRoll(RollState.TemporarilyAway);
        Assert.Contains("sinh hoạt tạm thời nơi khác", Assert.Throws<DomainException>(() => Grant(away)).Message, StringComparison.Ordinal);

        var dead = NewMember();
        dead.RecordDeath(new DateOnly(2026, 1, 2), null);
        Assert.Contains("Đã từ trần", Assert.Throws<DomainException>(() => Grant(dead)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingAway_NeedsAnEndDate()
    {
        var ex = Assert.Throws<DomainException>(() => Grant(NewMember(), ExemptionGround.WorkingAway));
        Assert.Equal("Miễn vì đi làm ăn xa là miễn tạm thời: phải ghi ngày kết thúc.", ex.Message);
        Assert.NotNull(Grant(NewMember(), ExemptionGround.WorkingAway, ends: Resolved.AddMonths(12)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void EndNotAfterStart_IsRefused(int days)
    {
        var member = NewMember();
        var ex = Assert.Throws<DomainException>(() => Grant(member, ExemptionGround.Illness, ends: Resolved.AddDays(days)));
        Assert.Equal("Ngày kết thúc miễn phải sau ngày bắt đầu.", ex.Message);
        Assert.Equal(RollState.Active, member.RollState);
    }

    [Fact]
    public void StartBeforeTheResolutionOrInTheFuture_IsRefused()
    {
        Assert.Contains("trước ngày chi bộ ra nghị quyết",
            Assert.Throws<DomainException>(() => Grant(NewMember(), starts: Resolved.AddDays(-1))).Message, StringComparison.Ordinal);
        Assert.Contains("sau ngày hôm nay",
            Assert.Throws<DomainException>(() => Grant(NewMember(), starts: Today.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Contains("Ngày nghị quyết không được sau ngày hôm nay",
            Assert.Throws<DomainException>(() => Grant(NewMember(), resolved: Today.AddDays(1), starts: Today.AddDays(1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_WithoutAResolutionNumber_IsRefused() =>
        Assert.Throws<DomainException>(() => Exemption.Grant(NewMember(), null, ExemptionGround.Age, Resolved, null, " ", Resolved, null, Today));

    [Fact]
    public void OpenExemptionPastItsEndDate_IsOverdue_UntilTheMemberReturns()
    {
        var member = NewMember();
        var exemption = Grant(member, ExemptionGround.WorkingAway, ends: Today.AddDays(-1));
        Assert.True(exemption.IsOverdue(Today));
        Assert.False(exemption.IsOverdue(Today.AddDays(-1)));
        Assert.Equal(RollState.ExemptFromActivities, member.RollState);

        exemption.Return(member, Today, null, Today);
        Assert.False(exemption.IsOverdue(Today));
    }

    [Fact]
    public void Return_OnOrBeforeTheStart_InTheFuture_OrTwice_IsRefused()
    {
        var member = NewMember();
        var exemption = Grant(member);
        Assert.Throws<DomainException>(() => exemption.Return(member, Resolved, null, Today));
        Assert.Throws<DomainException>(() => exemption.Return(member, Today.AddDays(1), null, Today));
        Assert.Equal(RollState.ExemptFromActivities, member.RollState);

        exemption.Return(member, Today, null, Today);
        Assert.Contains("đã trở lại sinh hoạt ngày 20/11/2026",
            Assert.Throws<DomainException>(() => exemption.Return(member, Today, null, Today)).Message, StringComparison.Ordinal);
    }
}
