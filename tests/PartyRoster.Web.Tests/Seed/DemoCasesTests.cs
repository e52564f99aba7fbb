using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data.Seed;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Seed;

/// <summary>The demo seed's screening cases (issue #3 point 8): every state, consistent histories, work in every demo queue.</summary>
public sealed class DemoCasesTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private Task<List<ScreeningCase>> CasesAsync() =>
        fx.Factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().Include(c => c.Steps).OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task Seed_CreatesAboutThirtyCasesWithAtLeastOneInEveryStatusAndTrack()
    {
        var cases = await CasesAsync();

        Assert.InRange(cases.Count, 25, 40);
        Assert.All(Enum.GetValues<ScreeningStatus>(), s => Assert.True(cases.Any(c => c.Status == s), $"No demo case in {s}."));
        Assert.All(Enum.GetValues<ScreeningTrack>(), t => Assert.Contains(cases, c => c.Track == t));
        Assert.Contains(cases, c => c.Status == ScreeningStatus.UnderHelp && c.Cycle == 2);
    }

    [Fact]
    public async Task Seed_HelpPeriodsAndAppealsFallDueAroundToday()
    {
        var today = Format.Today(TimeProvider.System);
        var cases = await CasesAsync();
        var underHelp = cases.Where(c => c.Status == ScreeningStatus.UnderHelp && c.HelpEndsOn is not null).ToList();

        Assert.Contains(underHelp, c => c.HelpEndsOn >= today && c.HelpEndsOn <= today.AddDays(30));
        Assert.Contains(underHelp, c => c.HelpEndsOn < today);
        Assert.Contains(cases, c => c.Status == ScreeningStatus.Appealed && c.AppealAnswerDueOn >= today && c.AppealAnswerDueOn <= today.AddDays(30));
        Assert.True(cases.Min(c => c.OpenedOn) < today.AddYears(-1), "Some demo cases should have a history longer than a year.");
    }

    [Fact]
    public async Task Seed_EveryCaseHistoryReplaysAsAChainOfDatedSteps()
    {
        var today = Format.Today(TimeProvider.System);
        var cases = await CasesAsync();

        Assert.All(cases, c =>
        {
            var steps = c.Steps.OrderBy(s => s.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Sequence));
            Assert.Null(steps[0].FromStatus);
            Assert.Equal(ScreeningStatus.Proposed, steps[0].ToStatus);
            Assert.Equal(c.OpenedOn, steps[0].EffectiveOn);
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.Equal(steps[i - 1].ToStatus, steps[i].FromStatus);
                Assert.True(steps[i].EffectiveOn >= steps[i - 1].EffectiveOn, $"Case {c.Id}: step {steps[i].Sequence} goes back in time.");
            }
            Assert.Equal(c.Status, steps[^1].ToStatus);
            Assert.All(steps, s =>
            {
                Assert.True(s.EffectiveOn <= today, $"Case {c.Id}: step {s.Sequence} is in the future.");
                Assert.Equal(s.EffectiveOn, DateOnly.FromDateTime(s.RecordedAtUtc + VietnamOffset));
                Assert.False(string.IsNullOrWhiteSpace(s.Actor.UserName));
            });
        });
    }

    [Fact]
    public async Task Seed_CellBallotsCountTheCellsOfficialNonExemptMembers()
    {
        var cases = await CasesAsync();
        var cellIds = cases.Select(c => c.CellId).Distinct().ToList();
        var members = await fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().Where(m => cellIds.Contains(m.OrganizationId))
            .Select(m => new { m.Id, m.OrganizationId, m.Standing, m.RollState }).ToListAsync());
        var caseMembers = cases.Select(c => c.MemberId).ToHashSet();

        foreach (var cellId in cellIds)
        {
            // The basis when the cases were seeded: today's official members on the roll, plus those the cases took off it.
            var inCell = members.Where(m => m.OrganizationId == cellId && m.Standing == Standing.Official).ToList();
            var basis = inCell.Count(m => m.RollState is RollState.Active or RollState.TemporarilyAway)
                + inCell.Count(m => caseMembers.Contains(m.Id) && !m.RollState.IsOnRoll());
            var ballots = cases.Where(c => c.CellId == cellId).SelectMany(c => c.Steps)
                .Where(s => s.Action is ScreeningAction.RecordListBallot or ScreeningAction.RecordBallot).ToList();
            Assert.All(ballots, s => Assert.Equal(basis, s.Tally!.Eligible));
        }
    }

    [Fact]
    public async Task Seed_DecisionsChangedTheMembersRollStates()
    {
        var cases = await CasesAsync();
        var ids = cases.Select(c => c.MemberId).ToList();
        var states = await fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => (m.RollState, m.Standing)));

        Assert.All(cases, c =>
        {
            var (state, standing) = states[c.MemberId];
            switch (c.Status)
            {
                case ScreeningStatus.RemovedFromRoll: Assert.Equal(RollState.RemovedFromRoll, state); break;
                case ScreeningStatus.Expelled: Assert.Equal(RollState.Expelled, state); Assert.Equal(Standing.Official, standing); break;
                case ScreeningStatus.Withdrew: Assert.Equal(RollState.Withdrew, state); break;
                case ScreeningStatus.Appealed: Assert.False(state.IsOnRoll()); break; // the decision applies while the appeal is pending
                case ScreeningStatus.Withdrawn: break;
                default: Assert.True(state.IsOnRoll(), $"Case {c.Id} ({c.Status}): member is {state}."); break;
            }
        });
    }

    [Theory]
    [InlineData("bithu@demo.vn")]
    [InlineData("bithu2@demo.vn")]
    [InlineData("danguy@demo.vn")]
    [InlineData("bantochuc@demo.vn")]
    [InlineData("kiemtra@demo.vn")]
    [InlineData("thuongvu@demo.vn")]
    public async Task DemoLogin_SeesWorkInTheScreeningQueue(string email)
    {
        using var client = fx.Factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, email, DemoSeeder.DemoPassword);

        var doc = await Forms.GetDocumentAsync(client, "/Screening/Queue");

        Assert.Null(doc.QuerySelector("#queue-empty"));
        Assert.NotEmpty(doc.QuerySelectorAll("section[id^='queue-'] tbody tr"));
    }

    [Fact]
    public async Task Seed_LeavesAnAuditChainThatVerifies()
    {
        var result = await fx.Factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync());
        var stepEntries = await fx.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ScreeningStep)));

        Assert.True(result.IsIntact, $"Audit chain broken at {result.FirstBreak?.Sequence}.");
        Assert.Equal((await CasesAsync()).Sum(c => c.Steps.Count), stepEntries);
    }

    [Fact]
    public async Task Seed_IsDeterministic_TheSameCasesForTheSameMembers()
    {
        using var other = new PartyRosterFactory();
        Assert.NotNull(await SeededDemoFixture.SeedAsync(other));

        static async Task<List<string>> Signature(PartyRosterFactory f) =>
            (await f.WithDbAsync(db => db.ScreeningCases.AsNoTracking().Include(c => c.Steps).OrderBy(c => c.Id).ToListAsync()))
            .Select(c => $"{c.MemberId} {c.Track} {c.Status} {c.OpenedOn:dd/MM/yyyy} {c.Steps.Count} {c.HelperMemberId}").ToList();

        Assert.Equal(await Signature(fx.Factory), await Signature(other));
    }
}
