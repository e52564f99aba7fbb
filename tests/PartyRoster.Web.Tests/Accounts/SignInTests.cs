using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

public sealed class SignInTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndTheRightPasswordIsThenRefused()
    {
        var (_, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "lockout");
        var client = fx.Factory.CreateBrowserlessClient();

        for (var i = 1; i < IdentitySetup.MaxFailedAccessAttempts; i++)
        {
            var wrong = await AccountTestKit.PostLoginAsync(client, email, "Sai@MatKhau" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(Forms.Errors(await Forms.ParseAsync(wrong)), e => e.Contains("Email hoặc mật khẩu không đúng", StringComparison.Ordinal));
        }
        var fifth = await AccountTestKit.PostLoginAsync(client, email, "Sai@MatKhau5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Contains("/Account/Lockout", AccountTestKit.Location(fifth), StringComparison.Ordinal);

        var sixth = await AccountTestKit.PostLoginAsync(client, email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, sixth.StatusCode);
        Assert.Contains("/Account/Lockout", AccountTestKit.Location(sixth), StringComparison.Ordinal);
        var page = await Forms.GetDocumentAsync(client, AccountTestKit.Location(sixth));
        Assert.Contains("tạm thời bị khóa", page.Body!.TextContent, StringComparison.Ordinal);

        // Still not signed in: a protected page sends the browser to the login page.
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", AccountTestKit.Location(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "disabled");
        await fx.Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        });

        var client = fx.Factory.CreateBrowserlessClient();
        var response = await AccountTestKit.PostLoginAsync(client, email, TestWorld.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Email hoặc mật khẩu không đúng", StringComparison.Ordinal));
    }
}
