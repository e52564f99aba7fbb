using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Which screening cases the current user may read, and which steps they may take on one now
/// (domain.md §3.5). The transition table says which roles take a step; this class adds the
/// organisation scope and the level rules the table cannot know: a secretary acts only for their own
/// cell, a đảng ủy cơ sở directs and forwards for its chi bộ trực thuộc, the Ban Tổ chức directs only
/// for a chi bộ cơ sở (a TCCSĐ directly under the managing committee).
/// </summary>
public sealed class ScreeningAccess(PartyRosterDbContext db, AccessService access)
{
    private string? _userName;

    /// <summary>The organisation a case belongs to, as far as scope checks need it.</summary>
    public sealed record CaseCell(int Id, string Name, string Path, OrganizationKind Kind);

    public string? UserId => access.UserId;

    /// <summary>Cases whose cell lies in the user's <see cref="Capability.ViewCases"/> scope.</summary>
    public async Task<IQueryable<ScreeningCase>> CasesInScopeAsync(CancellationToken ct = default)
    {
        var paths = await access.ScopePathsAsync(Capability.ViewCases, ct);
        var cellIds = db.Organizations.Where(AccessService.InAnyPath(paths)).Select(o => o.Id);
        return db.Set<ScreeningCase>().Where(c => cellIds.Contains(c.CellId));
    }

    /// <summary>The case's cell when the user may read the case; otherwise null (→ 404).</summary>
    public async Task<CaseCell?> CellIfVisibleAsync(int cellId, CancellationToken ct = default)
    {
        var cell = await db.Organizations.AsNoTracking().Where(o => o.Id == cellId)
            .Select(o => new CaseCell(o.Id, o.Name, o.Path, o.Kind)).FirstOrDefaultAsync(ct);
        return cell is not null && await access.CanAsync(Capability.ViewCases, cell.Path, ct) ? cell : null;
    }

    /// <summary>
    /// For each step legal on the case now (state and track) that the user may take, the actor to record:
    /// the user, and the first of their grants that allows it.
    /// </summary>
    public async Task<IReadOnlyDictionary<ScreeningAction, Actor>> ActionsAsync(ScreeningCase screeningCase, CaseCell cell, CancellationToken ct = default)
    {
        var grants = await access.GrantsAsync(ct);
        var result = new Dictionary<ScreeningAction, Actor>();
        foreach (var action in screeningCase.AllowedActions())
        {
            var grant = grants.FirstOrDefault(g => screeningCase.CanDo(action, g.Role) && LevelAllows(g, action, cell));
            if (grant is not null) result[action] = await ActorAsync(grant, ct);
        }
        return result;
    }

    /// <summary>The actor for opening a case in <paramref name="cell"/> (only the cell's own secretary may), or null.</summary>
    public async Task<Actor?> OpeningActorAsync(ScreeningAction opening, ScreeningTrack track, CaseCell cell, CancellationToken ct = default)
    {
        var rule = ScreeningCase.Transitions.First(r => r.Applies(null, opening, track));
        var grant = (await access.GrantsAsync(ct)).FirstOrDefault(g => rule.Roles.Contains(g.Role) && LevelAllows(g, opening, cell));
        return grant is null ? null : await ActorAsync(grant, ct);
    }

    /// <summary>The member's open cases (not decided, not ended).</summary>
    public async Task<IReadOnlyList<(int Id, ScreeningTrack Track, ScreeningStatus Status)>> OpenCasesAsync(int memberId, CancellationToken ct = default)
    {
        var open = Enum.GetValues<ScreeningStatus>().Where(s => s.IsOpen()).ToList();
        var rows = await db.Set<ScreeningCase>().AsNoTracking()
            .Where(c => c.MemberId == memberId && open.Contains(c.Status))
            .Select(c => new { c.Id, c.Track, c.Status })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Track, r.Status))];
    }

    /// <summary>
    /// One case at a time, except that a direct-removal case may take over an education case (which is then
    /// withdrawn): the Vietnamese refusal, or null when a case on <paramref name="track"/> may be opened.
    /// </summary>
    public static string? OpeningRefusal(IEnumerable<(int Id, ScreeningTrack Track, ScreeningStatus Status)> openCases, ScreeningTrack track) =>
        openCases.Any(c => !(track == ScreeningTrack.DirectRemoval && c.Track == ScreeningTrack.Education))
            ? "Đảng viên đang có hồ sơ rà soát chưa kết thúc: hãy tiếp tục hồ sơ đó hoặc rút hồ sơ trước."
            : null;

    /// <summary>
    /// The level rules of domain.md §3.5 on top of the transition table's roles and the subtree scope.
    /// </summary>
    public static bool LevelAllows(Grant grant, ScreeningAction action, CaseCell cell)
    {
        if (!cell.Path.StartsWith(grant.OrganizationPath, StringComparison.Ordinal)) return false;
        return grant.Role switch
        {
            // A secretary acts for their own cell only; a chi bộ trực thuộc forwards through its đảng ủy cơ sở.
            Role.CellSecretary => grant.OrganizationId == cell.Id
                && (action != ScreeningAction.Forward || cell.Kind == OrganizationKind.GrassrootsCell),
            // A đảng ủy cơ sở (or bộ phận) is the superior of the chi bộ trực thuộc under it.
            Role.GrassrootsCommittee => cell.Kind == OrganizationKind.Cell,
            // The Ban Tổ chức directs only where the managing committee is the superior: a chi bộ cơ sở.
            Role.OrganizationDept => action is not (ScreeningAction.Direct or ScreeningAction.ResolveEscalation)
                || cell.Kind == OrganizationKind.GrassrootsCell,
            Role.StandingCommittee => action != ScreeningAction.ResolveEscalation || cell.Kind == OrganizationKind.GrassrootsCell,
            Role.InspectionCommittee => true,
            _ => false,
        };
    }

    public async Task<bool> HasRoleAsync(Role role, CancellationToken ct = default) =>
        (await access.GrantsAsync(ct)).Any(g => g.Role == role);

    /// <summary>The cells (ids) in which the user holds <paramref name="role"/> with the level rule for <paramref name="action"/>, as a query.</summary>
    public async Task<IQueryable<int>> CellIdsWhereAsync(Role role, ScreeningAction action, CancellationToken ct = default)
    {
        var grants = (await access.GrantsAsync(ct)).Where(g => g.Role == role).ToList();
        if (grants.Count == 0) return db.Organizations.Where(o => false).Select(o => o.Id);
        if (role == Role.CellSecretary)
        {
            var own = grants.Select(g => g.OrganizationId).ToList();
            var q = db.Organizations.Where(o => own.Contains(o.Id));
            if (action == ScreeningAction.Forward) q = q.Where(o => o.Kind == OrganizationKind.GrassrootsCell);
            return q.Select(o => o.Id);
        }
        var paths = AccessPolicy.ScopePaths(grants, Capability.ViewCases);
        var orgs = db.Organizations.Where(AccessService.InAnyPath(paths)).Where(KindFilter(role, action));
        return orgs.Select(o => o.Id);
    }

    private static Expression<Func<Organization, bool>> KindFilter(Role role, ScreeningAction action) => role switch
    {
        Role.GrassrootsCommittee => o => o.Kind == OrganizationKind.Cell,
        Role.OrganizationDept when action is ScreeningAction.Direct or ScreeningAction.ResolveEscalation => o => o.Kind == OrganizationKind.GrassrootsCell,
        Role.StandingCommittee when action == ScreeningAction.ResolveEscalation => o => o.Kind == OrganizationKind.GrassrootsCell,
        _ => o => o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell,
    };

    private async Task<Actor> ActorAsync(Grant grant, CancellationToken ct)
    {
        var userId = access.UserId ?? throw new InvalidOperationException("No signed-in user.");
        _userName ??= await db.Users.Where(u => u.Id == userId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefaultAsync(ct) ?? userId;
        return new Actor(userId, _userName, grant.Role, grant.OrganizationId);
    }
}
