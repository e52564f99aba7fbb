using System.Net;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

public sealed class ChangePasswordTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private const string NewPassword = "Doi@MatKhau2027";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm) =>
        Forms.PostFormAsync(client, "/Account/Manage/ChangePassword", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });

    [Fact]
    public async Task WrongCurrentPassword_ShowsErrorAndKeepsThePassword()
    {
        var (_, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "pw-wrong");
        var client = await AccountTestKit.SignedInAsync(fx.Factory, email);

        var response = await ChangeAsync(client, "Khong@Dung123", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Mật khẩu hiện tại không đúng", StringComparison.Ordinal));
        await AccountTestKit.SignedInAsync(fx.Factory, email);
    }

    [Fact]
    public async Task WeakOrMismatchedNewPassword_ShowsVietnameseErrors()
    {
        var (_, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "pw-weak");
        var client = await AccountTestKit.SignedInAsync(fx.Factory, email);

        var weak = await ChangeAsync(client, TestWorld.Password, "short", "short");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(weak)), e => e.Contains("ít nhất 10 ký tự", StringComparison.Ordinal));

        var mismatch = await ChangeAsync(client, TestWorld.Password, NewPassword, NewPassword + "x");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(mismatch)), e => e.Contains("không khớp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RightCurrentPassword_ChangesIt_KeepsTheSession_AndTheNewOneWorks()
    {
        var (_, email) = await AccountTestKit.CreateUserAsync(fx.Factory, "pw-ok");
        var client = await AccountTestKit.SignedInAsync(fx.Factory, email);

        var response = await ChangeAsync(client, TestWorld.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await AccountTestKit.SignedInAsync(fx.Factory, email, NewPassword);
        var old = await AccountTestKit.PostLoginAsync(fx.Factory.CreateBrowserlessClient(), email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
