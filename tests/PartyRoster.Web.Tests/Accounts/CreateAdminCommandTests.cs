using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure.Commands;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

/// <summary>
/// The create-admin operator command. The password travels in an environment variable, which is
/// process-wide: these tests live in one class so xunit runs them one after another.
/// </summary>
public sealed class CreateAdminCommandTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private const string Password = "Quan@Tri2026!";

    private static async Task<int> RunAsync(PartyRosterFactory factory, string password, params (string Key, string Value)[] options)
    {
        Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, password);
        try
        {
            using var scope = factory.Services.CreateScope();
            return await new CreateAdminCommand().RunAsync(scope.ServiceProvider,
                options.ToDictionary(o => o.Key, o => o.Value, StringComparer.OrdinalIgnoreCase));
        }
        finally
        {
            Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, null);
        }
    }

    [Fact]
    public async Task CreatesAWorkingAdminLogin_AtTheManagingCommittee()
    {
        var email = $"root-{Guid.NewGuid().ToString("N")[..8]}@test.vn";

        var exit = await RunAsync(fx.Factory, Password, ("email", email), ("name", "Quản Trị Viên"));

        Assert.Equal(0, exit);
        var grant = await fx.Factory.WithDbAsync(db => db.RoleAssignments.AsNoTracking()
            .Where(r => r.User!.Email == email).Select(r => new { r.Role, r.OrganizationId, r.User!.DisplayName }).SingleAsync());
        Assert.Equal(Role.Admin, grant.Role);
        Assert.Equal(fx.World.Root.Id, grant.OrganizationId);
        Assert.Equal("Quản Trị Viên", grant.DisplayName);

        var client = await AccountTestKit.SignedInAsync(fx.Factory, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task WeakPassword_ExitsWithOne_AndCreatesNothing()
    {
        var email = $"weak-{Guid.NewGuid().ToString("N")[..8]}@test.vn";

        var exit = await RunAsync(fx.Factory, "yeu", ("email", email));

        Assert.Equal(1, exit);
        Assert.False(await fx.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task ExistingAccount_GainsAdmin_OnlyOnce()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "existing");

        Assert.Equal(0, await RunAsync(fx.Factory, "", ("email", email)));
        Assert.Equal(0, await RunAsync(fx.Factory, "", ("email", email)));

        Assert.Equal(1, await fx.Factory.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == id && r.Role == Role.Admin)));
        await AccountTestKit.SignedInAsync(fx.Factory, email);
    }

    [Fact]
    public async Task EmptyDatabase_NeedsOrg_ThenCreatesTheRootAndTheAdmin()
    {
        using var factory = new PartyRosterFactory();
        var email = "first-admin@test.vn";

        Assert.Equal(2, await RunAsync(factory, Password, ("email", email)));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync()));

        Assert.Equal(0, await RunAsync(factory, Password, ("email", email), ("org", "Đảng bộ xã Thử Nghiệm")));

        var root = await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync());
        Assert.Equal(OrganizationKind.ManagingCommittee, root.Kind);
        Assert.Equal($"/{root.Id}/", root.Path);
        var client = await AccountTestKit.SignedInAsync(factory, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }
}
