using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Answers "may the current user do X on organisation O (or member M)" for every page and POST.
/// A record outside the user's scope is reported as not found, so ids cannot be probed.
/// </summary>
public sealed class AccessService(PartyRosterDbContext db, IHttpContextAccessor httpContextAccessor, OrganizationDirectory directory)
{
    private IReadOnlyList<Grant>? _grants;

    public string? UserId => httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The current user's active role assignments, read once per request.</summary>
    public async Task<IReadOnlyList<Grant>> GrantsAsync(CancellationToken ct = default)
    {
        if (_grants is not null) return _grants;
        var userId = UserId;
        if (userId is null) return _grants = [];
        _grants = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && r.RevokedAtUtc == null && r.Organization!.Status == OrganizationStatus.Active)
            .Select(r => new Grant(r.Role, r.OrganizationId, r.Organization!.Path))
            .ToListAsync(ct);
        return _grants;
    }

    public async Task<bool> HasAnywhereAsync(Capability capability, CancellationToken ct = default) =>
        AccessPolicy.AllowsAnywhere(await GrantsAsync(ct), capability);

    public async Task<bool> CanAsync(Capability capability, string organizationPath, CancellationToken ct = default) =>
        AccessPolicy.Allows(await GrantsAsync(ct), capability, organizationPath);

    public async Task<IReadOnlyList<string>> ScopePathsAsync(Capability capability, CancellationToken ct = default) =>
        AccessPolicy.ScopePaths(await GrantsAsync(ct), capability);

    /// <summary>The organisation, tracked, when the user may do <paramref name="capability"/> on it; otherwise null (→ 404).</summary>
    public async Task<Organization?> FindOrganizationAsync(int id, Capability capability, CancellationToken ct = default)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is not null && await CanAsync(capability, org.Path, ct) ? org : null;
    }

    /// <summary>The member, tracked and with their organisation, when in scope for <paramref name="capability"/>; otherwise null (→ 404).</summary>
    public async Task<Member?> FindMemberAsync(int id, Capability capability, CancellationToken ct = default)
    {
        var member = await db.Members.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is not null && await CanAsync(capability, member.Organization!.Path, ct) ? member : null;
    }

    /// <summary>Organisations in the user's scope for <paramref name="capability"/> (any status).</summary>
    public async Task<IQueryable<Organization>> OrganizationsInScopeAsync(Capability capability, CancellationToken ct = default)
    {
        var paths = await ScopePathsAsync(capability, ct);
        return db.Organizations.Where(InAnyPath(paths));
    }

    /// <summary>
    /// Members whose current organisation is in the user's scope for <paramref name="capability"/>, and
    /// under <paramref name="withinPath"/> when given — as ONE list of organisation ids: two separate
    /// IN lists made SQLite probe every (organisation in scope × roll state), ~60 ms at 5,800
    /// organisations, against 3 ms for the intersection.
    /// </summary>
    public async Task<IQueryable<Member>> MembersInScopeAsync(Capability capability, string? withinPath = null, CancellationToken ct = default)
    {
        var paths = await ScopePathsAsync(capability, ct);
        if (paths.Count == 0) return db.Members.Where(m => false);
        var organizations = db.Organizations.AsQueryable();
        var filtered = false;
        if (!await CoversWholeTreeAsync(paths, ct))
        {
            organizations = organizations.Where(InAnyPath(paths));
            filtered = true;
        }
        if (withinPath is not null)
        {
            organizations = organizations.Where(InAnyPath([withinPath]));
            filtered = true;
        }
        if (!filtered) return db.Members; // the whole đảng bộ: an organisation filter would only cost time
        var orgIds = organizations.Select(o => o.Id);
        return db.Members.Where(m => orgIds.Contains(m.OrganizationId));
    }

    /// <summary>True when the scope contains every root of the tree (Ban Tổ chức, UBKT, BTV at the managing committee).</summary>
    private async Task<bool> CoversWholeTreeAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        var tree = await directory.TreeAsync(ct);
        return tree.Where(e => e.ParentId is null).All(root => paths.Contains(root.Path));
    }

    /// <summary>
    /// o.Path starts with any of the paths. StartsWith becomes LIKE 'p%', which is correct under every
    /// collation (a range comparison is not: en_US ignores '/'); the organisation table is small, and
    /// members are then found through their indexed OrganizationId.
    /// </summary>
    public static Expression<Func<Organization, bool>> InAnyPath(IReadOnlyList<string> paths)
    {
        var o = Expression.Parameter(typeof(Organization), "o");
        var path = Expression.Property(o, nameof(Organization.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var p in paths)
        {
            // A closure member (not a constant) so EF sends a parameter and reuses the query plan.
            var holder = Expression.Property(Expression.Constant(new PathHolder(p)), nameof(PathHolder.Value));
            body = Expression.OrElse(body, Expression.Call(path, startsWith, holder));
        }
        return Expression.Lambda<Func<Organization, bool>>(body, o);
    }

    private sealed record PathHolder(string Value);
}
