using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

public sealed class AdminUsersTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private const string StrongPassword = "Moi@MatKhau2026";

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string email, string password, string? role = null, int? orgId = null) =>
        Forms.PostFormAsync(admin, "/Admin/Users/Create", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Nguyễn Thị Mới",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.Role"] = role ?? "",
            ["Input.OrganizationId"] = orgId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

    private static Task<HttpResponseMessage> GrantAsync(HttpClient admin, string userId, Role role, int orgId) =>
        Forms.PostFormAsync(admin, $"/Admin/Users/Details/{userId}", new Dictionary<string, string?>
        {
            ["Grant.Role"] = role.ToString(),
            ["Grant.OrganizationId"] = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form#grant-form");

    [Fact]
    public async Task Create_WithWeakPassword_ShowsVietnameseErrorAndCreatesNothing()
    {
        var admin = await fx.ClientForAsync("admin");
        var email = $"weak-{Guid.NewGuid().ToString("N")[..8]}@test.vn";

        var response = await CreateAsync(admin, email, "abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains("Mật khẩu phải có ít nhất 10 ký tự", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("chữ hoa", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Create_WithCellSecretaryRole_CreatesUserWhoCanSignInWithThatRole()
    {
        var admin = await fx.ClientForAsync("admin");
        var email = $"new-{Guid.NewGuid().ToString("N")[..8]}@test.vn";

        var response = await CreateAsync(admin, email, StrongPassword, nameof(Role.CellSecretary), fx.World.CellA1.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Admin/Users/Details/", AccountTestKit.Location(response), StringComparison.Ordinal);
        var grant = await fx.Factory.WithDbAsync(db => db.RoleAssignments.AsNoTracking()
            .Where(r => r.User!.Email == email).Select(r => new { r.Role, r.OrganizationId, r.RevokedAtUtc }).SingleAsync());
        Assert.Equal(Role.CellSecretary, grant.Role);
        Assert.Equal(fx.World.CellA1.Id, grant.OrganizationId);
        Assert.Null(grant.RevokedAtUtc);

        var user = await AccountTestKit.SignedInAsync(fx.Factory, email, StrongPassword);
        var home = await Forms.GetDocumentAsync(user, "/");
        Assert.Contains("Bí thư / chi ủy viên", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(fx.World.CellA1.Name, home.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithDuplicateEmail_ShowsOneErrorAndCreatesNothing()
    {
        var admin = await fx.ClientForAsync("admin");
        var before = await fx.Factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await CreateAsync(admin, fx.World.Emails["dept"], StrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains("đã có người dùng", StringComparison.Ordinal));
        Assert.Equal(before, await fx.Factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Grant_OrganizationDeptOnACell_IsRefusedWithAMessage()
    {
        var (id, _) = await AccountTestKit.CreateUserAsync(fx.Factory, "grantcell");
        var admin = await fx.ClientForAsync("admin");

        var response = await GrantAsync(admin, id, Role.OrganizationDept, fx.World.CellA1.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)),
            e => e.Contains("Không thể giao vai trò \"Ban Tổ chức\"", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == id)));
    }

    [Fact]
    public async Task Grant_IdenticalActiveDuplicate_IsRefused()
    {
        var (id, _) = await AccountTestKit.CreateUserAsync(fx.Factory, "dup", (Role.GrassrootsCommittee, fx.World.CommitteeA.Id));
        var admin = await fx.ClientForAsync("admin");

        var response = await GrantAsync(admin, id, Role.GrassrootsCommittee, fx.World.CommitteeA.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("đã có vai trò", StringComparison.Ordinal));
        Assert.Equal(1, await fx.Factory.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == id)));
    }

    [Fact]
    public async Task Grant_Valid_AddsTheAssignment()
    {
        var (id, _) = await AccountTestKit.CreateUserAsync(fx.Factory, "grantok");
        var admin = await fx.ClientForAsync("admin");

        var response = await GrantAsync(admin, id, Role.GrassrootsCommittee, fx.World.CommitteeB.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await fx.Factory.WithDbAsync(db => db.RoleAssignments.AnyAsync(r =>
            r.UserId == id && r.Role == Role.GrassrootsCommittee && r.OrganizationId == fx.World.CommitteeB.Id && r.RevokedAtUtc == null)));
    }

    [Fact]
    public async Task Revoke_KeepsTheRowWithItsDate_AndTheUserLosesAccessAtOnce()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "revoke", (Role.InspectionCommittee, fx.World.Root.Id));
        var user = await AccountTestKit.SignedInAsync(fx.Factory, email);
        await Forms.GetDocumentAsync(user, "/Audit");
        var admin = await fx.ClientForAsync("admin");

        var response = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}", new Dictionary<string, string?>(), "form.revoke-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await fx.Factory.WithDbAsync(db => db.RoleAssignments.AsNoTracking().SingleAsync(r => r.UserId == id));
        Assert.NotNull(row.RevokedAtUtc);
        await AccountTestKit.AssertForbiddenAsync(user, "/Audit");
        var details = await Forms.GetDocumentAsync(admin, $"/Admin/Users/Details/{id}");
        Assert.Contains("Ủy ban Kiểm tra", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(details.QuerySelectorAll("form.revoke-form"));
    }

    [Theory]
    [InlineData("dept")]
    [InlineData("secretaryA1")]
    [InlineData("inspector")]
    public async Task NonAdmin_CannotOpenUserAdministration(string key)
    {
        var client = await fx.ClientForAsync(key);
        await AccountTestKit.AssertForbiddenAsync(client, "/Admin/Users");
        await AccountTestKit.AssertForbiddenAsync(client, "/Admin/Users/Create");
    }

    [Fact]
    public async Task Disable_EndsSignIn_AndEnableRestoresIt()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "disable");
        var admin = await fx.ClientForAsync("admin");
        var stampBefore = await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var response = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}", new Dictionary<string, string?>(), "form#disable-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await fx.Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(after.IsDisabled);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        var refused = await AccountTestKit.PostLoginAsync(fx.Factory.CreateBrowserlessClient(), email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var list = await Forms.GetDocumentAsync(admin, "/Admin/Users?q=" + Uri.EscapeDataString(email));
        Assert.Contains("đã vô hiệu", list.Body!.TextContent, StringComparison.Ordinal);

        var enable = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}", new Dictionary<string, string?>(), "form#enable-form");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        await AccountTestKit.SignedInAsync(fx.Factory, email);
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves()
    {
        var admin = await fx.ClientForAsync("admin");
        var adminId = await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == fx.World.Emails["admin"]).Select(u => u.Id).SingleAsync());
        var page = await Forms.GetDocumentAsync(admin, $"/Admin/Users/Details/{adminId}");
        Assert.Empty(page.QuerySelectorAll("form#disable-form"));

        // Forged post with the grant form's token, aimed at the disable handler.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form#grant-form")!;
        var response = await Forms.SubmitAsync(admin, $"/Admin/Users/Details/{adminId}?handler=Disable",
            CloneWithAction(form, $"/Admin/Users/Details/{adminId}?handler=Disable"), new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("không thể tự vô hiệu hóa", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task Unlock_ClearsTheLockout()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "unlock");
        await fx.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == id);
            u.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            u.AccessFailedCount = 0;
            await db.SaveChangesAsync();
        });
        var admin = await fx.ClientForAsync("admin");
        var list = await Forms.GetDocumentAsync(admin, "/Admin/Users?q=" + Uri.EscapeDataString(email));
        Assert.Contains("đang bị khóa đến", list.Body!.TextContent, StringComparison.Ordinal);

        var response = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}", new Dictionary<string, string?>(), "form#unlock-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AccountTestKit.SignedInAsync(fx.Factory, email);
    }

    [Fact]
    public async Task ResetPassword_WeakIsRefused_StrongWorks()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "reset");
        var admin = await fx.ClientForAsync("admin");

        var weak = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}",
            new Dictionary<string, string?> { ["Reset.NewPassword"] = "password" }, "form#reset-password-form");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(weak)), e => e.Contains("chữ số", StringComparison.Ordinal));

        var strong = await Forms.PostFormAsync(admin, $"/Admin/Users/Details/{id}",
            new Dictionary<string, string?> { ["Reset.NewPassword"] = StrongPassword }, "form#reset-password-form");
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
        await AccountTestKit.SignedInAsync(fx.Factory, email, StrongPassword);
    }

    [Fact]
    public async Task List_SearchesByNameWithoutDiacritics()
    {
        var admin = await fx.ClientForAsync("admin");
        var (_, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "Đặng Thị Tìm");

        var page = await Forms.GetDocumentAsync(admin, "/Admin/Users?q=dang+thi+tim");

        Assert.Contains(email, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(fx.World.Emails["dept"], page.Body.TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement CloneWithAction(AngleSharp.Html.Dom.IHtmlFormElement form, string action)
    {
        form.SetAttribute("action", action);
        return form;
    }
}
