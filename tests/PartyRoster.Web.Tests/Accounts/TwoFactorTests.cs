using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

public sealed class TwoFactorTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    /// <summary>Enrols a fresh user in TOTP through the page; returns the email, the shared key and the recovery codes.</summary>
    private async Task<(string Id, string Email, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "2fa");
        var client = await AccountTestKit.SignedInAsync(fx.Factory, email);
        var page = await Forms.GetDocumentAsync(client, "/Account/Manage/TwoFactor");
        var key = page.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        Assert.Matches("^([a-z2-7]{4} )*[a-z2-7]{1,4}$", page.QuerySelector("#shared-key")!.TextContent.Trim());
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img[alt*='QR']")!.GetAttribute("src"), StringComparison.Ordinal);

        var response = await Forms.PostFormAsync(client, "/Account/Manage/TwoFactor",
            new Dictionary<string, string?> { ["Input.Code"] = AccountTestKit.Totp(key, DateTimeOffset.UtcNow) }, "form#enable-2fa-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = (await Forms.ParseAsync(response)).QuerySelectorAll(".recovery-code").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True(await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Enabling renewed the security stamp; the enrolling browser stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/TwoFactor")).StatusCode);
        return (id, email, key, codes);
    }

    private async Task<(HttpClient Client, string Url)> PasswordStepAsync(string email)
    {
        var client = fx.Factory.CreateBrowserlessClient();
        var response = await AccountTestKit.PostLoginAsync(client, email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = AccountTestKit.Location(response);
        Assert.Contains("/Account/LoginWith2fa", url, StringComparison.Ordinal);
        return (client, url);
    }

    [Fact]
    public async Task Enable_WithWrongCode_IsRefused()
    {
        var (id, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "2fa-wrong");
        var client = await AccountTestKit.SignedInAsync(fx.Factory, email);

        var response = await Forms.PostFormAsync(client, "/Account/Manage/TwoFactor",
            new Dictionary<string, string?> { ["Input.Code"] = "000000" }, "form#enable-2fa-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Mã xác thực không đúng", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task AfterEnrolment_SignInRequiresTheCode()
    {
        var (_, email, key, _) = await EnrolAsync();
        var (client, url) = await PasswordStepAsync(email);

        // Not signed in yet after the password alone.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var wrong = await Forms.PostFormAsync(client, url, new Dictionary<string, string?> { ["Input.Code"] = "123 456" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(wrong)), e => e.Contains("Mã xác thực không đúng", StringComparison.Ordinal));

        var right = await Forms.PostFormAsync(client, url,
            new Dictionary<string, string?> { ["Input.Code"] = AccountTestKit.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", AccountTestKit.Location(right));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (_, email, _, codes) = await EnrolAsync();
        var (client, _) = await PasswordStepAsync(email);

        var response = await Forms.PostFormAsync(client, "/Account/LoginWithRecoveryCode",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var (second, _) = await PasswordStepAsync(email);
        var reused = await Forms.PostFormAsync(second, "/Account/LoginWithRecoveryCode",
            new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(reused)), e => e.Contains("Mã khôi phục không đúng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_ReturnsToPasswordOnlySignIn()
    {
        var (id, email, _, _) = await EnrolAsync();
        var client = await SignInWithCodeAsync(email);

        var response = await Forms.PostFormAsync(client, "/Account/Manage/TwoFactor", new Dictionary<string, string?>(), "form#disable-2fa-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        await AccountTestKit.SignedInAsync(fx.Factory, email);
    }

    [Fact]
    public async Task LoginWith2fa_WithoutPasswordStep_GoesBackToLogin()
    {
        var client = fx.Factory.CreateBrowserlessClient();
        var response = await client.GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", AccountTestKit.Location(response), StringComparison.Ordinal);
        var recovery = await client.GetAsync("/Account/LoginWithRecoveryCode");
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        Assert.Contains("/Account/Login", AccountTestKit.Location(recovery), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInWithCodeAsync(string email)
    {
        var key = await fx.Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync();
        });
        var (client, url) = await PasswordStepAsync(email);
        // The next time step: a code already used at enrolment may be refused as a replay.
        var response = await Forms.PostFormAsync(client, url,
            new Dictionary<string, string?> { ["Input.Code"] = AccountTestKit.Totp(key!, DateTimeOffset.UtcNow, stepOffset: 1) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
