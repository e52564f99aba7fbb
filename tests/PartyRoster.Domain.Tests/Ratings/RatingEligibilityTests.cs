using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Tests.Ratings;

public class RatingEligibilityTests
{
    private static readonly RatingRuleSet Rules = RatingRuleBook.Default.ForYear(2026);
    private static readonly DateOnly Reference = RatingRuleBook.ReferenceDate(2026);
    private static readonly DateOnly LongAgo = new(2010, 5, 19);

    private static NotRatedReason? Check(RollState state = RollState.Active, DateOnly? admitted = null,
        DatePeriod[]? exemptions = null, DatePeriod[]? suspensions = null, DateOnly? reference = null) =>
        RatingEligibility.Check(new RatingCandidate(state, admitted ?? LongAgo, exemptions ?? [], suspensions ?? []), reference ?? Reference, Rules);

    [Fact]
    public void ActiveMemberAdmittedLongAgo_IsRated() => Assert.Null(Check());

    [Fact]
    public void MemberAwayTemporarily_IsRatedAtTheHomeCell() => Assert.Null(Check(RollState.TemporarilyAway));

    [Theory]
    [InlineData(RollState.Deceased)]
    [InlineData(RollState.TransferredOut)]
    [InlineData(RollState.RemovedFromRoll)]
    public void MemberNoLongerOnTheRoll_IsNotRated(RollState state) => Assert.Equal(NotRatedReason.NotOnRoll, Check(state));

    [Fact]
    public void MemberExemptWithoutARecordedExemption_IsLeftOut() =>
        Assert.Equal(NotRatedReason.Exempt, Check(RollState.ExemptFromActivities));

    [Fact]
    public void ExemptionStillRunningOnTheLastDayOfTheYear_LeavesTheMemberOut_EvenAfterTheyReturned() =>
        Assert.Equal(NotRatedReason.Exempt, Check(exemptions: [new(new DateOnly(2026, 3, 1), new DateOnly(2027, 1, 1))]));

    [Fact]
    public void ExemptionEndedOnTheLastDayOfTheYear_DoesNotLeaveTheMemberOut() =>
        Assert.Null(Check(exemptions: [new(new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31))]));

    [Fact]
    public void MemberExemptSinceAfterTheYear_IsRatedForThatYear() =>
        Assert.Null(Check(RollState.ExemptFromActivities, exemptions: [new(new DateOnly(2027, 2, 1), null)]));

    [Fact]
    public void MemberSuspendedOnTheReferenceDate_IsLeftOut() =>
        Assert.Equal(NotRatedReason.Suspended, Check(suspensions: [new(new DateOnly(2026, 11, 2), null)]));

    [Fact]
    public void SuspensionClosedBeforeTheReferenceDate_DoesNotLeaveTheMemberOut() =>
        Assert.Null(Check(suspensions: [new(new DateOnly(2026, 4, 2), new DateOnly(2026, 9, 30))]));

    [Fact]
    public void AdmittedExactlySixMonthsBefore_IsRated() => Assert.Null(Check(admitted: new DateOnly(2026, 6, 30)));

    [Fact]
    public void AdmittedOneDayLess_IsLeftOut() =>
        Assert.Equal(NotRatedReason.RecentlyAdmitted, Check(admitted: new DateOnly(2026, 7, 1)));

    [Fact]
    public void AdmittedFiveMonthsBefore_IsLeftOut() =>
        Assert.Equal(NotRatedReason.RecentlyAdmitted, Check(admitted: new DateOnly(2026, 7, 31)));

    [Fact]
    public void SixMonthsCountsCalendarMonthsFromAnyReferenceDate()
    {
        var reference = new DateOnly(2026, 12, 15);
        Assert.Equal(new DateOnly(2026, 6, 15), RatingEligibility.LatestAdmissionRated(reference, Rules));
        Assert.Null(Check(admitted: new DateOnly(2026, 6, 15), reference: reference));
        Assert.Equal(NotRatedReason.RecentlyAdmitted, Check(admitted: new DateOnly(2026, 6, 16), reference: reference));
    }

    [Fact]
    public void ReasonsComeInTheirOrder_LeftTheRollBeforeExemptBeforeSuspendedBeforeNew()
    {
        DatePeriod[] suspended = [new(new DateOnly(2026, 1, 1), null)];
        Assert.Equal(NotRatedReason.NotOnRoll, Check(RollState.Expelled, new DateOnly(2026, 10, 1), suspensions: suspended));
        Assert.Equal(NotRatedReason.Exempt, Check(RollState.ExemptFromActivities, new DateOnly(2026, 10, 1), suspensions: suspended));
        Assert.Equal(NotRatedReason.Suspended, Check(admitted: new DateOnly(2026, 10, 1), suspensions: suspended));
    }
}
