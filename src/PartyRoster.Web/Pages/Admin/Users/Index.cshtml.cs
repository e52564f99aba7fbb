using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(PartyRosterDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public sealed record UserRow(string Id, string DisplayName, string? Email, bool IsDisabled, DateTimeOffset? LockoutEnd,
        bool TwoFactorEnabled, IReadOnlyList<string> Roles)
    {
        public string State(DateTimeOffset now) => IsDisabled
            ? "đã vô hiệu"
            : LockoutEnd is { } end && end > now ? "đang bị khóa đến " + Format.DateTime(end.UtcDateTime) : "hoạt động";
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Accounts number in the hundreds at most: load them and filter in memory, which lets the
        // search ignore diacritics ("nguyen" finds "Nguyễn") on every database provider.
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled,
                Roles = u.RoleAssignments.Where(r => r.RevokedAtUtc == null)
                    .Select(r => new { r.Role, OrganizationName = r.Organization!.Name }).ToList(),
            })
            .ToListAsync(ct);

        var q = VietnameseName.Fold(Query);
        Users = users
            .Where(u => q.Length == 0 || VietnameseName.Fold(u.DisplayName).Contains(q, StringComparison.Ordinal)
                || (u.Email ?? "").Contains(Query!.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled,
                u.Roles.OrderBy(r => r.Role).Select(r => $"{r.Role.DisplayName()} – {r.OrganizationName}").ToList()))
            .ToList();
    }
}
