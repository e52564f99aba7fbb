using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data.Seed;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Seed;

/// <summary>One database seeded with the demo data, shared by the read-only tests below.</summary>
public sealed class SeededDemoFixture : IAsyncLifetime
{
    public PartyRosterFactory Factory { get; } = new();
    public SeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await SeedAsync(Factory) ?? throw new InvalidOperationException("The fresh database was not seeded.");

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public static async Task<SeedResult?> SeedAsync(PartyRosterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        return await seeder.SeedIfEmptyAsync();
    }
}

public sealed class DemoSeederTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    [Fact]
    public async Task Seed_CreatesAboutSeventyGrassrootsOrganisationsAndEightThousandSevenHundredMembers()
    {
        var (grassroots, organizations, members) = await fx.Factory.WithDbAsync(async db => (
            await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.GrassrootsCommittee || o.Kind == OrganizationKind.GrassrootsCell),
            await db.Organizations.CountAsync(),
            await db.Members.CountAsync()));

        Assert.InRange(grassroots, 60, 80);
        Assert.InRange(members, 8_000, 9_500);
        Assert.Equal(fx.Result.Members, members);
        Assert.Equal(fx.Result.Organizations, organizations);
    }

    [Fact]
    public async Task Seed_BuildsAValidTreeAndPutsEveryMemberInACell()
    {
        var organizations = await fx.Factory.WithDbAsync(db => db.Organizations.AsNoTracking().ToListAsync());
        var byId = organizations.ToDictionary(o => o.Id);
        var memberCounts = await fx.Factory.WithDbAsync(db => db.Members.GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        Assert.Single(organizations, o => o.Kind == OrganizationKind.ManagingCommittee);
        Assert.Equal(2, organizations.Count(o => o.Kind == OrganizationKind.SubCommittee));
        Assert.Equal(organizations.Count, organizations.Select(o => o.Code).Distinct().Count());
        foreach (var o in organizations)
        {
            var parent = o.ParentId is { } p ? byId[p] : null;
            Assert.Null(OrganizationPlacement.Check(o.Kind, parent?.Kind));
            Assert.Equal((parent?.Path ?? "/") + o.Id + "/", o.Path);
        }

        // Members sit only in cells (chi bộ trực thuộc or chi bộ cơ sở), and every cell has members.
        Assert.All(memberCounts.Keys, id => Assert.True(byId[id].Kind.HoldsMembers(), byId[id].Name));
        var cells = organizations.Where(o => o.Kind.HoldsMembers()).ToList();
        Assert.All(cells, c => Assert.InRange(memberCounts.GetValueOrDefault(c.Id), 3, 60));
        Assert.All(cells.Where(c => c.Kind == OrganizationKind.GrassrootsCell), c => Assert.True(memberCounts[c.Id] < 30, c.Name));
    }

    [Fact]
    public async Task Seed_GivesEveryMemberAUniqueTwelveDigitCitizenIdAndConsistentAdmission()
    {
        var members = await fx.Factory.WithDbAsync(db => db.Members.AsNoTracking()
            .Select(m => new { m.CitizenId, m.DateOfBirth, m.AdmissionDecisionDate, m.AdmissionCeremonyDate, m.OfficialDate, m.Standing, m.PartyCardNumber, m.Ethnicity })
            .ToListAsync());

        Assert.All(members, m => Assert.True(MemberRules.IsValidCitizenId(m.CitizenId), m.CitizenId));
        Assert.Equal(members.Count, members.Select(m => m.CitizenId).Distinct().Count());
        Assert.All(members, m => Assert.True(Ethnicities.IsKnown(m.Ethnicity), m.Ethnicity));
        Assert.All(members, m => Assert.Empty(MemberRules.CheckAdmission(m.DateOfBirth, new MemberAdmission
        {
            AdmissionDecisionDate = m.AdmissionDecisionDate,
            AdmissionCeremonyDate = m.AdmissionCeremonyDate,
            OfficialDate = m.OfficialDate,
        })));
        Assert.All(members.Where(m => m.Standing == Standing.Official), m => Assert.NotNull(m.PartyCardNumber));
        Assert.Contains(members, m => m.Standing == Standing.Probationary);
    }

    [Fact]
    public async Task Seed_IncludesLeaversExemptMembersAndTheFeaturedNames()
    {
        var (states, featured) = await fx.Factory.WithDbAsync(async db => (
            await db.Members.GroupBy(m => m.RollState).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count),
            await db.Members.Where(m => m.FullName == "Nguyễn Văn An" || m.FullName == "Đặng Thị Hoa")
                .Select(m => new { m.FullName, m.OrganizationId }).ToListAsync()));

        var total = states.Values.Sum();
        var left = states.Where(s => !s.Key.IsOnRoll()).Sum(s => s.Value);
        Assert.InRange(left, total / 100, total / 25);
        Assert.True(states.GetValueOrDefault(RollState.Deceased) > 0);
        Assert.True(states.GetValueOrDefault(RollState.ExemptFromActivities) > 0);
        Assert.True(featured.Where(m => m.FullName == "Nguyễn Văn An").Select(m => m.OrganizationId).Distinct().Count() >= 3);
        Assert.Contains(featured, m => m.FullName == "Đặng Thị Hoa");
    }

    [Fact]
    public async Task DemoAccounts_CanSignInAndHoldTheirRole()
    {
        Assert.Equal(7, DemoSeeder.Accounts.Count);
        foreach (var account in DemoSeeder.Accounts)
        {
            using var client = fx.Factory.CreateBrowserlessClient();
            await Forms.LoginAsync(client, account.Email, DemoSeeder.DemoPassword);

            var grant = await fx.Factory.WithDbAsync(db => db.RoleAssignments
                .Where(r => r.User!.Email == account.Email)
                .Select(r => new { r.Role, r.Organization!.Code }).SingleAsync());
            Assert.Equal(account.Role, grant.Role);
            Assert.Equal(account.OrganizationCode, grant.Code);
        }
    }

    [Fact]
    public async Task Seed_LeavesAnIntactAuditChain()
    {
        var entries = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

        Assert.Contains(entries, e => e.EntityType == "DemoSeed");
        Assert.Null(AuditChain.FindFirstBreak(entries, AuditChain.Genesis, 1));
    }

    [Fact]
    public async Task Seed_OnADatabaseWithOrganisations_ReturnsNullAndChangesNothing()
    {
        var before = await fx.Factory.WithDbAsync(db => db.Members.CountAsync());

        var again = await SeededDemoFixture.SeedAsync(fx.Factory);

        Assert.Null(again);
        Assert.Equal(before, await fx.Factory.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Seed_IsDeterministic_TheSameSeedGivesTheSameNames()
    {
        using var other = new PartyRosterFactory();
        Assert.NotNull(await SeededDemoFixture.SeedAsync(other));

        static Task<List<string>> FirstNames(PartyRosterFactory f) =>
            f.WithDbAsync(db => db.Members.OrderBy(m => m.Id).Take(20).Select(m => m.FullName).ToListAsync());
        static Task<List<string>> Codes(PartyRosterFactory f) =>
            f.WithDbAsync(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Code + " " + o.Name).ToListAsync());

        Assert.Equal(await FirstNames(fx.Factory), await FirstNames(other));
        Assert.Equal(await Codes(fx.Factory), await Codes(other));
    }
}
