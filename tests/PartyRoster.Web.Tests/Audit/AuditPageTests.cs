using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Tests.Accounts;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Audit;

public sealed class AuditPageTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private async Task<string> AdminCreatesUserWithRoleAsync()
    {
        var admin = await fx.ClientForAsync("admin");
        var email = $"audit-{Guid.NewGuid().ToString("N")[..8]}@test.vn";
        var response = await Forms.PostFormAsync(admin, "/Admin/Users/Create", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Người Được Ghi Nhật Ký",
            ["Input.Email"] = email,
            ["Input.Password"] = "Nhat@Ky2026!",
            ["Input.Role"] = nameof(Role.CellSecretary),
            ["Input.OrganizationId"] = fx.World.CellB1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("inspector")]
    public async Task CreatingAUserAndGrantingARole_WritesEntriesVisibleOnTheAuditPage(string viewer)
    {
        var userId = await AdminCreatesUserWithRoleAsync();
        var client = await fx.ClientForAsync(viewer);

        var userPage = await Forms.GetDocumentAsync(client, $"/Audit?EntityType=AppUser&EntityId={userId}");
        var rows = userPage.QuerySelectorAll("tr.audit-entry");
        var created = Assert.Single(rows);
        Assert.Contains("Tạo mới", created.TextContent, StringComparison.Ordinal);
        Assert.Contains(fx.World.Emails["admin"], created.TextContent, StringComparison.Ordinal);
        Assert.Contains("Người Được Ghi Nhật Ký", created.TextContent, StringComparison.Ordinal);
        // Secrets are recorded as changed, never their values.
        Assert.Contains("*** (đã thay đổi)", created.TextContent, StringComparison.Ordinal);
        // The record links to the account page only for those who may open it.
        var link = created.QuerySelector($"a[href='/Admin/Users/Details/{userId}']");
        if (viewer == "admin") Assert.NotNull(link); else Assert.Null(link);

        var grantPage = await Forms.GetDocumentAsync(client, "/Audit?EntityType=RoleAssignment");
        var grant = grantPage.QuerySelectorAll("tr.audit-entry").FirstOrDefault(r => r.TextContent.Contains(userId, StringComparison.Ordinal));
        Assert.NotNull(grant);
        Assert.Contains("CellSecretary", grant.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesAreNewestFirst_AndFilterByActor()
    {
        await AdminCreatesUserWithRoleAsync();
        var adminId = await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == fx.World.Emails["admin"]).Select(u => u.Id).SingleAsync());
        var client = await fx.ClientForAsync("inspector");

        var page = await Forms.GetDocumentAsync(client, $"/Audit?User={adminId}");

        var sequences = page.QuerySelectorAll("tr.audit-entry").Select(r => long.Parse(r.GetAttribute("data-sequence")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(sequences);
        Assert.Equal(sequences.OrderByDescending(s => s), sequences);
        Assert.All(page.QuerySelectorAll("tr.audit-entry"), r => Assert.Contains(fx.World.Emails["admin"], r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidDateFilter_ShowsVietnameseError()
    {
        var client = await fx.ClientForAsync("admin");
        var page = await Forms.GetDocumentAsync(client, "/Audit?From=31/02/2026");
        Assert.Contains(Forms.Errors(page), e => e.Contains("Ngày bắt đầu không hợp lệ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DateFilter_ExcludesEntriesOutsideTheRange()
    {
        var client = await fx.ClientForAsync("admin");
        var page = await Forms.GetDocumentAsync(client, "/Audit?To=01/01/2001");
        Assert.Empty(page.QuerySelectorAll("tr.audit-entry"));
    }

    [Theory]
    [InlineData("secretaryA1")]
    [InlineData("dept")]
    [InlineData("standing")]
    public async Task OtherRoles_CannotBrowseTheAudit(string key)
    {
        var client = await fx.ClientForAsync(key);
        await AccountTestKit.AssertForbiddenAsync(client, "/Audit");
    }

    [Fact]
    public async Task VerifyButton_ReportsAnIntactChain()
    {
        var client = await fx.ClientForAsync("inspector");
        var total = await fx.Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await Forms.PostFormAsync(client, "/Audit", new Dictionary<string, string?>(), "form#verify-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await Forms.ParseAsync(response)).QuerySelector("#verify-result")!;
        Assert.Contains("alert-success", result.ClassName, StringComparison.Ordinal);
        Assert.Contains("Chuỗi nhật ký toàn vẹn: đã kiểm tra", result.TextContent, StringComparison.Ordinal);
        Assert.True(total > 0);
    }
}
