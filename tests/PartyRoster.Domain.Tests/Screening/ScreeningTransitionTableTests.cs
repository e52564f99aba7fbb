using PartyRoster.Domain.Screening;
using static PartyRoster.Domain.Screening.ScreeningAction;
using static PartyRoster.Domain.Screening.ScreeningStatus;
using static PartyRoster.Domain.Screening.ScreeningTrack;

namespace PartyRoster.Domain.Tests.Screening;

/// <summary>
/// Every (track, state, action) pair: allowed moves succeed, every other one throws DomainException naming
/// both the state and the action. The expectation is written out here from domain.md, independently of
/// <see cref="ScreeningCase.Transitions"/>, so a wrong table row fails too.
/// </summary>
public sealed class ScreeningTransitionTableTests
{

    private static readonly Dictionary<ScreeningStatus, ScreeningAction[]> Common = new()
    {
        [UnderHelp] = [AssignHelper, AddProgressNote, RecordFinalReview, Withdraw],
        [FinalReview] = [RecordBallot, Withdraw],
        [Ballot] = [RecordBallot, Withdraw],
        [Escalated] = [ResolveEscalation, Withdraw],
        [ProgressRecognized] = [],
        [RemovalProposed] = [Forward, Withdraw],
        [Forwarded] = [RecordVerification, Withdraw],
        [Verified] = [Advise, Withdraw],
        [Advised] = [Decide, Withdraw],
        [RemovedFromRoll] = [LodgeAppeal],
        [Expelled] = [LodgeAppeal],
        [Appealed] = [ResolveAppeal],
        [Reinstated] = [],
        [Dropped] = [],
        [Withdrawn] = [],
    };

    /// <summary>States reachable on each track, with the actions legal there.</summary>
    public static readonly Dictionary<ScreeningTrack, Dictionary<ScreeningStatus, ScreeningAction[]>> Expected = new()
    {
        [Education] = new(Common)
        {
            [Proposed] = [Direct, Withdraw],
            [Directed] = [RecordListBallot, Withdraw],
            [Listed] = [RecordSelfCriticism, RecordSelfCriticismRefused, AssignHelper, Withdraw],
        },
        [DirectRemoval] = new(Common)
        {
            [Proposed] = [RecordSelfCriticism, RecordSelfCriticismRefused, RecordBallot, Withdraw],
        },
        [VoluntaryWithdrawal] = new()
        {
            [Proposed] = [Forward, Withdraw],
            [Forwarded] = [DecideWithdrawal, Withdraw],
            [Withdrew] = [],
            [Dropped] = [],
            [Withdrawn] = [],
        },
    };

    private static readonly ScreeningAction[] OpeningActions = [Propose, ProposeDirectRemoval, RequestWithdrawal];

    public static TheoryData<ScreeningTrack, ScreeningStatus, ScreeningAction, bool> Pairs()
    {
        var data = new TheoryData<ScreeningTrack, ScreeningStatus, ScreeningAction, bool>();
        foreach (var (track, states) in Expected)
            foreach (var (state, allowed) in states)
                foreach (var action in Enum.GetValues<ScreeningAction>().Except(OpeningActions))
                    data.Add(track, state, action, allowed.Contains(action));
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryStateAndAction_IsAllowedOrRefusedWithBothNames(ScreeningTrack track, ScreeningStatus state, ScreeningAction action, bool allowed)
    {
        var world = new ScreeningWorld();
        var c = world.Drive(track, state);
        var steps = c.Steps.Count;

        Assert.Equal(allowed, c.CanDo(action));
        if (allowed)
        {
            world.Do(action)(c);
            var rule = ScreeningCase.Transitions.Single(r => r.Applies(state, action, track));
            Assert.Contains(c.Status, rule.To);
            Assert.Equal(steps + 1, c.Steps.Count);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => world.Do(action)(c));
            Assert.Contains($"'{state.DisplayName()}'", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"'{action.DisplayName()}'", ex.Message, StringComparison.Ordinal);
            Assert.Equal(state, c.Status);
            Assert.Equal(steps, c.Steps.Count);
        }
    }

    [Fact]
    public void EveryStatus_IsReachedOnSomeTrack() =>
        Assert.All(Enum.GetValues<ScreeningStatus>(), s => Assert.Contains(Expected.Values, states => states.ContainsKey(s)));

    [Fact]
    public void TheTable_AllowsExactlyTheExpectedPairs()
    {
        var fromTable = ScreeningCase.Transitions.Where(r => r.From is not null)
            .SelectMany(r => r.Tracks.Select(t => (t, r.From!.Value, r.Action)))
            .Where(x => Expected[x.t].ContainsKey(x.Item2))
            .ToHashSet();
        var expected = Expected.SelectMany(t => t.Value.SelectMany(s => s.Value.Select(a => (t.Key, s.Key, a)))).ToHashSet();
        Assert.Equal(expected.Order().ToList(), fromTable.Order().ToList());
    }

    [Fact]
    public void TheTable_HasOneRowPerStateActionAndTrack()
    {
        var keys = ScreeningCase.Transitions.SelectMany(r => r.Tracks.Select(t => (r.From, r.Action, t))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void OpeningActions_AreNeverAvailableOnAnExistingCase()
    {
        var c = new ScreeningWorld().Drive(Education, Proposed);
        Assert.All(OpeningActions, a => Assert.False(c.CanDo(a)));
    }

    [Fact]
    public void AllowedActions_ListsOnlyWhatCanBeDone()
    {
        var c = new ScreeningWorld().Drive(Education, Listed);
        Assert.Equal([RecordSelfCriticism, RecordSelfCriticismRefused, AssignHelper, Withdraw], c.AllowedActions());
    }

    [Fact]
    public void CanDoForARole_FollowsTheTableRoles()
    {
        var c = new ScreeningWorld().Drive(Education, Advised);
        Assert.True(c.CanDo(Decide, PartyRoster.Domain.Access.Role.StandingCommittee));
        Assert.True(c.CanDo(Decide, PartyRoster.Domain.Access.Role.OrganizationDept));
        Assert.False(c.CanDo(Decide, PartyRoster.Domain.Access.Role.CellSecretary));
        Assert.False(c.CanDo(Decide, PartyRoster.Domain.Access.Role.InspectionCommittee));
    }
}
