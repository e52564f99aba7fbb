using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Pages.Account;

/// <summary>Second step of sign-in for accounts with two-factor authentication: the authenticator code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signInManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập mã xác thực.")]
        [Display(Name = "Mã xác thực (6 chữ số)")]
        public string Code { get; set; } = "";

        [Display(Name = "Ghi nhớ máy này (không hỏi mã trên máy này trong 14 ngày)")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable between the password step and the code step.
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");

        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        // Each wrong code counts towards the same lockout as wrong passwords.
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        if (result.IsLockedOut) return RedirectToPage("./Lockout");

        ModelState.AddModelError(string.Empty, "Mã xác thực không đúng.");
        return Page();
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } u && Url.IsLocalUrl(u) ? u : "/";
}
