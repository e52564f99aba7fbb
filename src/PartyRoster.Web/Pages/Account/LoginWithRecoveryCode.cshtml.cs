using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Pages.Account;

/// <summary>Second step of sign-in with one of the single-use recovery codes, when the phone is lost.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập mã khôi phục.")]
        [Display(Name = "Mã khôi phục")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");

        var code = Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal);
        var failuresBefore = await users.GetAccessFailedCountAsync(user);
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            TempData["Message"] = "Đã đăng nhập bằng mã khôi phục. Mã này không dùng lại được; " +
                "nếu đã mất điện thoại, hãy tạo mã khôi phục mới hoặc thiết lập lại xác thực hai bước.";
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut) return RedirectToPage("./Lockout");

        // A wrong recovery code counts towards lockout like a wrong password (counted here unless
        // the framework version in use already did).
        if (await users.GetAccessFailedCountAsync(user) == failuresBefore) await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user)) return RedirectToPage("./Lockout");
        ModelState.AddModelError(string.Empty, "Mã khôi phục không đúng.");
        return Page();
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } u && Url.IsLocalUrl(u) ? u : "/";
}
