using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Tests.Infrastructure;

/// <summary>
/// A small, known world for HTTP tests: one managing committee, two đảng bộ cơ sở (the first with a
/// đảng bộ bộ phận), cells under them, a chi bộ cơ sở, a few members per cell, and one user per role.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test@Pass2026!";

    public required Organization Root { get; init; }
    public required Organization CommitteeA { get; init; }
    public required Organization SubCommitteeA { get; init; }
    public required Organization CellA1 { get; init; }
    public required Organization CellA2 { get; init; }
    public required Organization CommitteeB { get; init; }
    public required Organization CellB1 { get; init; }
    public required Organization GrassrootsCell { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<Member>> MembersByCell { get; init; }

    /// <summary>Users: secretaryA1 (cell A1), secretaryB1 (cell B1), committeeA (đảng ủy A), dept (Ban Tổ chức),
    /// inspector (UBKT), standing (BTV), admin (Quản trị).</summary>
    public required IReadOnlyDictionary<string, string> Emails { get; init; }

    public Member MemberOf(Organization cell, int index = 0) => MembersByCell[cell.Id][index];

    public static async Task<TestWorld> CreateAsync(PartyRosterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var established = new DateOnly(2000, 1, 1);

        async Task<Organization> Org(string name, OrganizationKind kind, Organization? parent)
        {
            var o = new Organization(name, kind, parent, established);
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            o.AssignPath();
            await db.SaveChangesAsync();
            return o;
        }

        var root = await Org("Đảng bộ phường Thử Nghiệm", OrganizationKind.ManagingCommittee, null);
        var committeeA = await Org("Đảng bộ Trường THPT Lê Lợi", OrganizationKind.GrassrootsCommittee, root);
        var subA = await Org("Đảng bộ bộ phận Khối Hành chính", OrganizationKind.SubCommittee, committeeA);
        var cellA1 = await Org("Chi bộ Giáo viên Toán", OrganizationKind.Cell, committeeA);
        var cellA2 = await Org("Chi bộ Văn phòng", OrganizationKind.Cell, subA);
        var committeeB = await Org("Đảng bộ Công ty Điện lực", OrganizationKind.GrassrootsCommittee, root);
        var cellB1 = await Org("Chi bộ Kỹ thuật", OrganizationKind.Cell, committeeB);
        var grassrootsCell = await Org("Chi bộ Khu phố 3", OrganizationKind.GrassrootsCell, root);

        string[] names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đặng Văn Đức"];
        var byCell = new Dictionary<int, IReadOnlyList<Member>>();
        var n = 0;
        foreach (var cell in new[] { cellA1, cellA2, cellB1, grassrootsCell })
        {
            var list = new List<Member>();
            foreach (var name in names)
            {
                n++;
                var m = new Member(
                    new MemberProfile
                    {
                        FullName = name,
                        Gender = name.Contains("Thị", StringComparison.Ordinal) ? Gender.Female : Gender.Male,
                        DateOfBirth = new DateOnly(1960 + n, 3, 1),
                        Ethnicity = "Kinh",
                        CitizenId = $"0010{n:D8}",
                        PlaceOfBirth = "Hà Nội",
                    },
                    new MemberAdmission
                    {
                        AdmissionDecisionDate = new DateOnly(2005, 5, 1),
                        AdmissionCeremonyDate = new DateOnly(2005, 5, 19),
                        OfficialDate = new DateOnly(2006, 5, 19),
                        PartyCardNumber = $"TN{n:D6}",
                    },
                    cell);
                db.Members.Add(m);
                list.Add(m);
            }
            byCell[cell.Id] = list;
        }
        await db.SaveChangesAsync();

        var emails = new Dictionary<string, string>();
        async Task User(string key, Role role, Organization org)
        {
            var email = key + "@test.vn";
            var user = new AppUser { UserName = email, Email = email, DisplayName = key, CreatedAtUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganizationId = org.Id, GrantedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            emails[key] = email;
        }

        await User("secretaryA1", Role.CellSecretary, cellA1);
        await User("secretaryB1", Role.CellSecretary, cellB1);
        await User("committeeA", Role.GrassrootsCommittee, committeeA);
        await User("dept", Role.OrganizationDept, root);
        await User("inspector", Role.InspectionCommittee, root);
        await User("standing", Role.StandingCommittee, root);
        await User("admin", Role.Admin, root);

        return new TestWorld
        {
            Root = root, CommitteeA = committeeA, SubCommitteeA = subA, CellA1 = cellA1, CellA2 = cellA2,
            CommitteeB = committeeB, CellB1 = cellB1, GrassrootsCell = grassrootsCell, MembersByCell = byCell, Emails = emails,
        };
    }
}

/// <summary>A factory over SQLite with <see cref="TestWorld"/> created once, shared by a test class.</summary>
public sealed class WorldFixture : IAsyncLifetime
{
    public WorldFixture() : this(TestDatabase.Sqlite) { }

    /// <summary>The same world on another database (internal: xUnit wants one public constructor on a fixture).</summary>
    internal WorldFixture(TestDatabase database) => Factory = new PartyRosterFactory(database);

    public PartyRosterFactory Factory { get; }
    public TestWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await TestWorld.CreateAsync(Factory);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A cookie-keeping client signed in as the world's user <paramref name="key"/> (e.g. "dept").</summary>
    public async Task<HttpClient> ClientForAsync(string key)
    {
        var client = Factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, World.Emails[key], TestWorld.Password);
        return client;
    }
}
