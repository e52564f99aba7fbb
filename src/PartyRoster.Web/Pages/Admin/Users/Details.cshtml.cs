using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Admin.Users;

/// <summary>
/// One account: its role assignments (active and revoked), granting and revoking, disabling, unlocking and
/// resetting the password. Accounts are never deleted, so the audit trail always names its actors.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public GrantInput Grant { get; set; } = new();

    [BindProperty]
    public PasswordInput Reset { get; set; } = new();

    public AppUser Account { get; private set; } = null!;
    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];
    public bool IsSelf { get; private set; }
    public bool IsLockedOut { get; private set; }

    public sealed record AssignmentRow(int Id, Role Role, int OrganizationId, string OrganizationName, DateTime GrantedAtUtc,
        DateTime? RevokedAtUtc, bool InScope);

    // Plain inputs without validation attributes: several forms share this page, and each handler checks
    // only its own input so one form's empty fields never fail another's post.
    public sealed class GrantInput
    {
        public Role? Role { get; set; }
        public int? OrganizationId { get; set; }
    }

    public sealed class PasswordInput
    {
        public string? NewPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Grant.Role is null) ModelState.AddModelError("Grant.Role", "Hãy chọn vai trò.");
        if (Grant.OrganizationId is null) ModelState.AddModelError("Grant.OrganizationId", "Hãy chọn tổ chức.");
        if (!ModelState.IsValid) return Page();

        var (org, error) = await UserAdmin.CheckGrantAsync(db, access, Account.Id, Grant.Role!.Value, Grant.OrganizationId!.Value, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        db.RoleAssignments.Add(new RoleAssignment
        {
            UserId = Account.Id,
            Role = Grant.Role.Value,
            OrganizationId = org!.Id,
            GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã giao vai trò \"{Grant.Role.Value.DisplayName()}\" tại \"{org.Name}\".";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int assignmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var assignment = await db.RoleAssignments.Include(r => r.Organization)
            .FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == Account.Id, ct);
        // Only assignments within the admin's own scope may be revoked; others are reported as missing.
        if (assignment is null || !await access.CanAsync(Capability.ManageUsers, assignment.Organization!.Path, ct)) return NotFound();
        if (assignment.RevokedAtUtc is not null)
        {
            TempData["Message"] = "Vai trò này đã được thu hồi trước đó.";
            return RedirectToPage(new { id });
        }
        if (IsSelf && assignment.Role == Role.Admin && Assignments.Count(a => a.Role == Role.Admin && a.RevokedAtUtc is null) == 1)
        {
            ModelState.AddModelError("", "Bạn không thể tự thu hồi vai trò quản trị cuối cùng của mình.");
            return Page();
        }
        // The row stays, with the date: who held which role when is part of the record.
        assignment.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã thu hồi vai trò \"{assignment.Role.DisplayName()}\" tại \"{assignment.Organization.Name}\".";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsSelf)
        {
            ModelState.AddModelError("", "Bạn không thể tự vô hiệu hóa tài khoản của mình.");
            return Page();
        }
        Account.IsDisabled = true;
        // A new security stamp ends the account's open sessions at their next validation.
        var result = await users.UpdateSecurityStampAsync(Account);
        if (!Succeeded(result)) return Page();
        TempData["Message"] = $"Đã vô hiệu hóa tài khoản {Account.Email}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Account.IsDisabled = false;
        var result = await users.UpdateAsync(Account);
        if (!Succeeded(result)) return Page();
        TempData["Message"] = $"Đã kích hoạt lại tài khoản {Account.Email}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await users.SetLockoutEndDateAsync(Account, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(Account);
        if (!Succeeded(result)) return Page();
        TempData["Message"] = $"Đã mở khóa tài khoản {Account.Email}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrEmpty(Reset.NewPassword))
        {
            ModelState.AddModelError("Reset.NewPassword", "Hãy nhập mật khẩu mới.");
            return Page();
        }
        // The reset token path validates the password and renews the security stamp in one update.
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, Reset.NewPassword);
        if (!Succeeded(result)) return Page();
        TempData["Message"] = $"Đã đặt mật khẩu mới cho {Account.Email}. Hãy báo cho người dùng qua kênh riêng.";
        return RedirectToPage(new { id });
    }

    private bool Succeeded(IdentityResult result)
    {
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
        return result.Succeeded;
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null) return false;
        Account = account;
        IsSelf = account.Id == access.UserId;
        IsLockedOut = account.LockoutEnd is { } end && end > clock.GetUtcNow();

        var scope = await access.ScopePathsAsync(Capability.ManageUsers, ct);
        var rows = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == id)
            .OrderBy(r => r.RevokedAtUtc != null).ThenBy(r => r.Role).ThenBy(r => r.GrantedAtUtc)
            .Select(r => new { r.Id, r.Role, r.OrganizationId, r.Organization!.Name, r.Organization.Path, r.GrantedAtUtc, r.RevokedAtUtc })
            .ToListAsync(ct);
        Assignments = rows.Select(r => new AssignmentRow(r.Id, r.Role, r.OrganizationId, r.Name, r.GrantedAtUtc, r.RevokedAtUtc,
            scope.Any(p => r.Path.StartsWith(p, StringComparison.Ordinal)))).ToList();
        Organizations = await UserAdmin.OrganizationOptionsAsync(access, Grant.OrganizationId, ct);
        return true;
    }
}
