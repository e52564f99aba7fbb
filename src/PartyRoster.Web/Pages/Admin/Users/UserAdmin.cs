using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Admin.Users;

/// <summary>What the user-administration pages share: the choices offered and the rules of a grant.</summary>
public static class UserAdmin
{
    public static IEnumerable<SelectListItem> RoleOptions(Role? selected) =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(r.DisplayName(), r.ToString(), r == selected));

    /// <summary>Active organisations in the admin's ManageUsers scope, in tree order, indented by depth.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OrganizationOptionsAsync(AccessService access, int? selected, CancellationToken ct)
    {
        var orgs = await (await access.OrganizationsInScopeAsync(Capability.ManageUsers, ct)).AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path })
            .ToListAsync(ct);
        return orgs
            .OrderBy(o => TreeKey(o.Path), StringComparer.Ordinal)
            .Select(o => new SelectListItem(
                new string('\u00a0', Math.Max(0, o.Path.Count(c => c == '/') - 2) * 3) + o.Name + " (" + o.Kind.DisplayName() + ")",
                o.Id.ToString(CultureInfo.InvariantCulture), o.Id == selected))
            .ToList();
    }

    /// <summary>
    /// Checks a grant of <paramref name="role"/> for organisation <paramref name="organizationId"/>; returns the
    /// organisation, or a Vietnamese reason for refusing.
    /// </summary>
    public static async Task<(Organization? Organization, string? Error)> CheckGrantAsync(
        PartyRosterDbContext db, AccessService access, string? userId, Role role, int organizationId, CancellationToken ct)
    {
        if (!Enum.IsDefined(role)) return (null, "Hãy chọn vai trò.");
        var org = await access.FindOrganizationAsync(organizationId, Capability.ManageUsers, ct);
        if (org is null) return (null, "Hãy chọn tổ chức trong phạm vi bạn quản lý.");
        if (!org.IsActive) return (null, $"Tổ chức \"{org.Name}\" đã ngừng hoạt động.");
        if (!AccessPolicy.CanBeGrantedFor(role, org.Kind))
        {
            var allowed = Enum.GetValues<OrganizationKind>().Where(k => AccessPolicy.CanBeGrantedFor(role, k))
                .Select(k => k.DisplayName().ToLower(Format.Vietnamese));
            return (null, $"Không thể giao vai trò \"{role.DisplayName()}\" tại {org.Kind.DisplayName().ToLower(Format.Vietnamese)} \"{org.Name}\": " +
                $"vai trò này chỉ giao tại {string.Join(" hoặc ", allowed)}.");
        }
        if (userId is not null && await db.RoleAssignments.AnyAsync(r =>
                r.UserId == userId && r.Role == role && r.OrganizationId == organizationId && r.RevokedAtUtc == null, ct))
            return (null, $"Người dùng đã có vai trò \"{role.DisplayName()}\" tại \"{org.Name}\".");
        return (org, null);
    }

    /// <summary>"/1/12/5/" → zero-padded segments, so that string order is tree order.</summary>
    private static string TreeKey(string path) => string.Join('/',
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.PadLeft(10, '0')));
}
