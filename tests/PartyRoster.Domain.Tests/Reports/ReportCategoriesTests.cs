using PartyRoster.Domain.Members;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Tests.Reports;

public sealed class RemovalReasonOfAMember
{
    [Theory]
    [InlineData(RollState.RemovedFromRoll, false, RemovalReason.CharterViolation)]
    [InlineData(RollState.RemovedFromRoll, true, RemovalReason.TransferViolation)]
    [InlineData(RollState.Expelled, false, RemovalReason.Expelled)]
    [InlineData(RollState.Expelled, true, RemovalReason.Expelled)]
    [InlineData(RollState.Withdrew, false, RemovalReason.Withdrew)]
    public void FollowsTheRollState_AndTheTransferGroundOnlyForRemovals(RollState state, bool forTransfer, RemovalReason expected) =>
        Assert.Equal(expected, ReportCategories.ReasonFor(state, forTransfer));

    [Theory]
    [InlineData(RollState.Active)]
    [InlineData(RollState.ExemptFromActivities)]
    [InlineData(RollState.TemporarilyAway)]
    [InlineData(RollState.TransferredOut)]
    [InlineData(RollState.Deceased)]
    public void IsNone_ForMembersNotTakenOutOfTheParty(RollState state) => Assert.Null(ReportCategories.ReasonFor(state, true));

    [Fact]
    public void RemovalStates_AreExactlyTheStatesWithAReason() =>
        Assert.Equal(ReportCategories.RemovalStates, Enum.GetValues<RollState>().Where(s => ReportCategories.ReasonFor(s, false) is not null));
}

public sealed class HelpOutcomeOfACase
{
    [Theory]
    [InlineData(ScreeningStatus.Listed, HelpOutcome.UnderHelp)]
    [InlineData(ScreeningStatus.UnderHelp, HelpOutcome.UnderHelp)]
    [InlineData(ScreeningStatus.FinalReview, HelpOutcome.UnderHelp)]
    [InlineData(ScreeningStatus.Ballot, HelpOutcome.UnderHelp)]
    [InlineData(ScreeningStatus.Escalated, HelpOutcome.UnderHelp)]
    [InlineData(ScreeningStatus.RemovalProposed, HelpOutcome.Considering)]
    [InlineData(ScreeningStatus.Forwarded, HelpOutcome.Considering)]
    [InlineData(ScreeningStatus.Verified, HelpOutcome.Considering)]
    [InlineData(ScreeningStatus.Advised, HelpOutcome.Considering)]
    [InlineData(ScreeningStatus.ProgressRecognized, HelpOutcome.ProgressRecognized)]
    [InlineData(ScreeningStatus.RemovedFromRoll, HelpOutcome.RemovedFromRoll)]
    [InlineData(ScreeningStatus.Expelled, HelpOutcome.Expelled)]
    [InlineData(ScreeningStatus.Withdrawn, HelpOutcome.Closed)]
    [InlineData(ScreeningStatus.Reinstated, HelpOutcome.Closed)]
    public void FollowsTheStatus(ScreeningStatus status, HelpOutcome expected) => Assert.Equal(expected, ReportCategories.OutcomeOf(status, null));

    [Theory]
    [InlineData(ScreeningStatus.RemovedFromRoll, HelpOutcome.RemovedFromRoll)]
    [InlineData(ScreeningStatus.Expelled, HelpOutcome.Expelled)]
    public void WhileAnAppealIsPending_TheDecisionStillCounts(ScreeningStatus decided, HelpOutcome expected) =>
        Assert.Equal(expected, ReportCategories.OutcomeOf(ScreeningStatus.Appealed, decided));

    [Fact]
    public void StatusesOfAnOutcome_MapBackToIt_AndLeaveOutStatusesBeforeTheList()
    {
        foreach (var outcome in ReportCategories.HelpOutcomes)
        {
            foreach (var s in ReportCategories.StatusesOf(outcome).Where(s => s != ScreeningStatus.Appealed))
                Assert.Equal(outcome, ReportCategories.OutcomeOf(s, null));
        }
        var all = ReportCategories.HelpOutcomes.SelectMany(ReportCategories.StatusesOf).ToList();
        Assert.DoesNotContain(ScreeningStatus.Proposed, all);
        Assert.DoesNotContain(ScreeningStatus.Directed, all);
        Assert.DoesNotContain(ScreeningStatus.Dropped, all);
        Assert.Equal([ScreeningStatus.Listed, ScreeningStatus.UnderHelp, ScreeningStatus.FinalReview, ScreeningStatus.Ballot, ScreeningStatus.Escalated],
            ReportCategories.StatusesOf(HelpOutcome.UnderHelp));
        Assert.Contains(ScreeningStatus.Appealed, ReportCategories.StatusesOf(HelpOutcome.Expelled));
    }
}
