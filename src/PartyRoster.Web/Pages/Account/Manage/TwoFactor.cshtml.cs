using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Data;
using QRCoder;

namespace PartyRoster.Web.Pages.Account.Manage;

/// <summary>
/// Time-based one-time codes (TOTP, RFC 6238) from an authenticator app: enrol with a QR code or the
/// shared key, confirm with a first code, then keep ten single-use recovery codes.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "PartyRoster";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>The raw base32 key (for the test hook and copy); shown formatted in groups of four.</summary>
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    /// <summary>Shown once, right after they are generated; never stored in clear.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập mã 6 chữ số từ ứng dụng xác thực.")]
        [Display(Name = "Mã xác thực")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
        {
            TempData["Message"] = "Xác thực hai bước đã được bật.";
            return RedirectToPage();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = NormalizeCode(Input.Code);
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.");
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        await LoadAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        ViewData["Message"] = "Đã bật xác thực hai bước.";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A fresh key for any later enrolment: the old one may still sit in a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signInManager.ForgetTwoFactorClientAsync();
        await signInManager.RefreshSignInAsync(user);
        TempData["Message"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled)
        {
            TempData["Message"] = "Hãy bật xác thực hai bước trước khi tạo mã khôi phục.";
            return RedirectToPage();
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await LoadAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        ViewData["Message"] = "Đã tạo bộ mã khôi phục mới; các mã cũ không còn dùng được.";
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Creating the key renews the security stamp; refresh this browser's cookie so it stays signed in.
            await users.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key;
        QrCodeDataUri = QrDataUri(AuthenticatorUri(user.Email ?? user.UserName ?? "", key!));
    }

    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}" +
        $"?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";

    /// <summary>"abcd efgh ..." as authenticator apps show keys to type in.</summary>
    public static string FormatKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "";
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }

    /// <summary>A PNG data URI: the Content-Security-Policy allows data: images but no inline styles (which SVG output uses).</summary>
    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    private static string NormalizeCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
