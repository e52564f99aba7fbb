using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// The organisation subtree a report or dashboard covers: the one the user chose, or everything in their scope
/// for the capability. Per-organisation tables break figures down by <see cref="Units"/>: the chosen organisation's
/// direct children (under the managing committee these are the grassroots organisations, under a đảng bộ cơ sở its
/// cells), found from the tree, never from an assumed depth.
/// </summary>
public sealed class ReportScope
{
    private readonly Dictionary<int, OrganizationDirectory.Entry> _unitOf;

    private ReportScope(IReadOnlyList<OrganizationDirectory.Entry> roots, IReadOnlyList<OrganizationDirectory.Entry> subtree,
        IReadOnlyList<string> paths, OrganizationDirectory.Entry? chosen)
    {
        Roots = roots;
        Chosen = chosen;
        Paths = paths;
        // One root with children: a row per child; otherwise a row per root (a single cell is its own row).
        Units = roots.Count == 1 && subtree.Any(e => e.ParentId == roots[0].Id)
            ? subtree.Where(e => e.ParentId == roots[0].Id).ToList()
            : roots;
        _unitOf = [];
        foreach (var e in subtree)
        {
            var unit = Units.FirstOrDefault(u => e.Path.StartsWith(u.Path, StringComparison.Ordinal))
                       ?? roots.First(r => e.Path.StartsWith(r.Path, StringComparison.Ordinal));
            _unitOf[e.Id] = unit;
        }
    }

    /// <summary>The organisation chosen in the picker; null for the user's whole scope.</summary>
    public OrganizationDirectory.Entry? Chosen { get; }

    /// <summary>The tops of the subtree (one when an organisation is chosen).</summary>
    public IReadOnlyList<OrganizationDirectory.Entry> Roots { get; }

    /// <summary>The rows of per-organisation tables.</summary>
    public IReadOnlyList<OrganizationDirectory.Entry> Units { get; }

    /// <summary>Materialised paths of the subtree's tops.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The committee named in a printed header.</summary>
    public string Name => string.Join("; ", Roots.Select(r => r.Name));

    /// <summary>Nothing in scope (an unknown or foreign organisation was asked for).</summary>
    public bool IsEmpty => Roots.Count == 0;

    /// <summary>The unit row an organisation of the subtree is counted under; null for one outside it.</summary>
    public OrganizationDirectory.Entry? UnitOf(int organizationId) => _unitOf.GetValueOrDefault(organizationId);

    /// <summary>Ids of every organisation in the subtree, as a subquery.</summary>
    public IQueryable<int> OrganizationIds(PartyRosterDbContext db) =>
        IsEmpty ? db.Organizations.Where(o => false).Select(o => o.Id) : db.Organizations.Where(AccessService.InAnyPath(Paths)).Select(o => o.Id);

    /// <summary>The active cells (chi bộ, chi bộ cơ sở) of the subtree in tree order: the rows of the per-cell compliance figures.</summary>
    public async Task<IReadOnlyList<MeetingCompliance.Cell>> ActiveCellsAsync(PartyRosterDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = OrganizationIds(db);
        return await db.Organizations.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && (o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell) && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path)
            .Select(o => new MeetingCompliance.Cell(o.Id, o.Name, o.EstablishedOn))
            .ToListAsync(ct);
    }

    /// <summary>Members whose current organisation is in the subtree (any roll state).</summary>
    public IQueryable<Member> Members(PartyRosterDbContext db)
    {
        var ids = OrganizationIds(db);
        return db.Members.Where(m => ids.Contains(m.OrganizationId));
    }

    /// <summary>
    /// The subtree for <paramref name="capability"/>: <paramref name="organizationId"/> when it is in the user's scope,
    /// the whole scope when it is null, and an empty scope for any other id (nothing is counted, nothing is named).
    /// </summary>
    public static async Task<ReportScope> ResolveAsync(OrganizationDirectory directory, AccessService access, Capability capability,
        int? organizationId, CancellationToken ct)
    {
        var tree = await directory.InScopeAsync(await access.ScopePathsAsync(capability, ct), ct);
        if (organizationId is { } id)
        {
            var chosen = tree.FirstOrDefault(t => t.Id == id);
            if (chosen is null) return new ReportScope([], [], [], null);
            var subtree = tree.Where(t => t.Path.StartsWith(chosen.Path, StringComparison.Ordinal)).ToList();
            return new ReportScope([chosen], subtree, [chosen.Path], chosen);
        }
        var roots = tree.Where(t => t.Depth == 0).ToList();
        return new ReportScope(roots, tree, roots.Select(r => r.Path).ToList(), null);
    }
}
