using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class CreateModel(PartyRosterDbContext db, AccessService access, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập họ tên.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Họ tên dài quá {1} ký tự.")]
        [Display(Name = "Họ tên")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập email.")]
        [EmailAddress(ErrorMessage = "Địa chỉ email không hợp lệ.")]
        [Display(Name = "Email (dùng để đăng nhập)")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu ban đầu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu ban đầu")]
        public string Password { get; set; } = "";

        [Display(Name = "Vai trò đầu tiên (không bắt buộc)")]
        public Role? Role { get; set; }

        [Display(Name = "Tại tổ chức")]
        public int? OrganizationId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Role is not null && Input.OrganizationId is null)
            ModelState.AddModelError("Input.OrganizationId", "Hãy chọn tổ chức cho vai trò.");
        if (Input.Role is null && Input.OrganizationId is not null)
            ModelState.AddModelError("Input.Role", "Hãy chọn vai trò tại tổ chức này.");
        if (!ModelState.IsValid) return await PageAsync(ct);

        if (Input.Role is { } role)
        {
            var (_, error) = await UserAdmin.CheckGrantAsync(db, access, null, role, Input.OrganizationId!.Value, ct);
            if (error is not null)
            {
                ModelState.AddModelError("", error);
                return await PageAsync(ct);
            }
        }

        var email = Input.Email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAtUtc = now,
        };

        // The account and its first role are one change: both or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            // The user name is the email, so a taken email is reported twice by Identity: say it once.
            var errors = result.Errors.ToList();
            if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
                errors.RemoveAll(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
            foreach (var e in errors) ModelState.AddModelError("", e.Description);
            return await PageAsync(ct);
        }
        if (Input.Role is { } firstRole)
        {
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id,
                Role = firstRole,
                OrganizationId = Input.OrganizationId!.Value,
                GrantedAtUtc = now,
            });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);

        TempData["Message"] = $"Đã tạo tài khoản {email}.";
        return RedirectToPage("./Details", new { id = user.Id });
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Organizations = await UserAdmin.OrganizationOptionsAsync(access, Input.OrganizationId, ct);
}
