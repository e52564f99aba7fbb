using System.Globalization;

namespace PartyRoster.Domain.Organizations;

/// <summary>The few columns of an organisation the tree needs: one cheap projection per page.</summary>
public sealed record OrganizationRow(int Id, int? ParentId, OrganizationKind Kind, string Name, OrganizationStatus Status);

/// <summary>One organisation in an <see cref="OrganizationTree"/>.</summary>
public sealed class OrganizationNode
{
    private readonly List<OrganizationNode> _children = [];

    internal OrganizationNode(OrganizationRow row) => Row = row;

    public OrganizationRow Row { get; }
    public int Id => Row.Id;
    public OrganizationKind Kind => Row.Kind;
    public string Name => Row.Name;
    public OrganizationStatus Status => Row.Status;
    public bool IsActive => Row.Status == OrganizationStatus.Active;

    /// <summary>Null for a root of the loaded set (the true root, or the top of a user's scope).</summary>
    public OrganizationNode? Parent { get; internal set; }
    public IReadOnlyList<OrganizationNode> Children => _children;

    internal void AddChild(OrganizationNode child) => _children.Add(child);

    internal void SortChildren(IComparer<OrganizationNode> comparer) => _children.Sort(comparer);
}

/// <summary>
/// Pure helpers over a set of organisations loaded in one query: nesting, the directly superior
/// committee, the TCCSĐ an organisation belongs to, subtree sums. Everything is computed by walking
/// parent links, never by depth, because the tree has no fixed number of levels (domain.md §1:
/// a chi bộ trực thuộc may sit under a đảng bộ cơ sở or under a đảng bộ bộ phận).
/// </summary>
/// <remarks>
/// The set may be a partial tree (a user's scope): organisations whose parent is not in the set
/// become roots, and questions about ancestors that were not loaded answer null.
/// </remarks>
public sealed class OrganizationTree
{
    private static readonly StringComparer NameComparer = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    private readonly Dictionary<int, OrganizationNode> _byId;

    private OrganizationTree(Dictionary<int, OrganizationNode> byId, List<OrganizationNode> roots)
    {
        _byId = byId;
        Roots = roots;
    }

    /// <summary>Nodes without a loaded parent, in display order.</summary>
    public IReadOnlyList<OrganizationNode> Roots { get; }

    public int Count => _byId.Count;

    /// <summary>
    /// Builds the tree. Siblings are ordered committees first (by kind), then by Vietnamese name.
    /// A parent link that would close a cycle (corrupt data) is cut so the tree stays finite.
    /// </summary>
    public static OrganizationTree Build(IEnumerable<OrganizationRow> rows)
    {
        var byId = new Dictionary<int, OrganizationNode>();
        foreach (var row in rows) byId.TryAdd(row.Id, new OrganizationNode(row));

        var roots = new List<OrganizationNode>();
        foreach (var node in byId.Values)
        {
            if (node.Row.ParentId is int pid && byId.TryGetValue(pid, out var parent) && !WouldCycle(node, parent))
            {
                node.Parent = parent;
                parent.AddChild(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        var comparer = Comparer<OrganizationNode>.Create(CompareSiblings);
        roots.Sort(comparer);
        foreach (var node in byId.Values) node.SortChildren(comparer);
        return new OrganizationTree(byId, roots);
    }

    public OrganizationNode? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>Loaded ancestors of <paramref name="id"/>, from the top down, without the organisation itself.</summary>
    public IReadOnlyList<OrganizationNode> Ancestors(int id)
    {
        var result = new List<OrganizationNode>();
        for (var n = Find(id)?.Parent; n is not null; n = n.Parent) result.Add(n);
        result.Reverse();
        return result;
    }

    /// <summary>
    /// The cấp ủy cấp trên trực tiếp (domain.md §1): for a TCCSĐ the managing committee above it; for a
    /// chi bộ trực thuộc or a đảng bộ bộ phận the nearest committee above it (đảng bộ bộ phận or đảng bộ cơ sở).
    /// Null for the managing committee itself, or when that ancestor was not loaded.
    /// </summary>
    public OrganizationNode? DirectSuperior(int id)
    {
        var node = Find(id);
        if (node is null) return null;
        if (node.Kind == OrganizationKind.ManagingCommittee) return null;
        var grassroots = node.Kind.IsGrassroots();
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (grassroots ? n.Kind == OrganizationKind.ManagingCommittee : IsCommittee(n.Kind)) return n;
        }
        return null;
    }

    /// <summary>The tổ chức cơ sở đảng containing <paramref name="id"/> (itself when it is one); null above grassroots level.</summary>
    public OrganizationNode? GrassrootsOf(int id)
    {
        for (var n = Find(id); n is not null; n = n.Parent)
        {
            if (n.Kind.IsGrassroots()) return n;
        }
        return null;
    }

    /// <summary>The organisation and everything below it, depth first in display order.</summary>
    public IEnumerable<OrganizationNode> Subtree(int id)
    {
        var start = Find(id);
        if (start is null) yield break;
        var stack = new Stack<OrganizationNode>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            for (var i = n.Children.Count - 1; i >= 0; i--) stack.Push(n.Children[i]);
        }
    }

    /// <summary>Every node, depth first in display order.</summary>
    public IEnumerable<OrganizationNode> All() => Roots.SelectMany(r => Subtree(r.Id));

    /// <summary>
    /// Sums a per-organisation figure (e.g. members on the roll, which sit in cells) over every subtree,
    /// in one pass: the result holds, for each loaded organisation, its own figure plus its descendants'.
    /// </summary>
    public IReadOnlyDictionary<int, int> SubtreeTotals(IReadOnlyDictionary<int, int> ownValues)
    {
        var totals = new Dictionary<int, int>(_byId.Count);
        foreach (var root in Roots) Total(root);
        return totals;

        int Total(OrganizationNode n)
        {
            var sum = ownValues.GetValueOrDefault(n.Id);
            foreach (var c in n.Children) sum += Total(c);
            totals[n.Id] = sum;
            return sum;
        }
    }

    /// <summary>How many loaded organisations there are of each kind (active ones only when asked).</summary>
    public IReadOnlyDictionary<OrganizationKind, int> CountByKind(bool activeOnly = true) =>
        _byId.Values.Where(n => !activeOnly || n.IsActive).GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The ids of a materialised path "/1/12/45/", from the root down.</summary>
    public static IReadOnlyList<int> PathIds(string path) =>
        (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();

    /// <summary>Committees (đảng bộ of any level) can be the cấp ủy above a cell.</summary>
    public static bool IsCommittee(OrganizationKind kind) =>
        kind is OrganizationKind.ManagingCommittee or OrganizationKind.GrassrootsCommittee or OrganizationKind.SubCommittee;

    private static bool WouldCycle(OrganizationNode node, OrganizationNode parent)
    {
        for (var n = parent; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, node)) return true;
        }
        return false;
    }

    private static int CompareSiblings(OrganizationNode a, OrganizationNode b)
    {
        var byKind = SiblingRank(a.Kind).CompareTo(SiblingRank(b.Kind));
        if (byKind != 0) return byKind;
        var byName = NameComparer.Compare(a.Name, b.Name);
        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    }

    // Committees before cells at the same level, so the shape of the tree reads from the top.
    private static int SiblingRank(OrganizationKind kind) => kind switch
    {
        OrganizationKind.ManagingCommittee => 0,
        OrganizationKind.GrassrootsCommittee => 1,
        OrganizationKind.SubCommittee => 2,
        OrganizationKind.GrassrootsCell => 3,
        OrganizationKind.Cell => 4,
        _ => 9,
    };
}

/// <summary>
/// What the size of a cell means for its leadership (domain.md §1): fewer than 9 official members →
/// only a bí thư; 9 or more → a chi ủy (at most 7); a chi bộ trực thuộc needs at least 3 official members.
/// </summary>
public static class CellComposition
{
    public const int MinOfficialMembersForCell = 3;
    public const int OfficialMembersForCommittee = 9;
    public const int MaxCommitteeMembers = 7;

    public static string LeadershipNote(int officialMembers) => officialMembers < OfficialMembersForCommittee
        ? $"Chi bộ có dưới {OfficialMembersForCommittee} đảng viên chính thức: chỉ có bí thư."
        : $"Chi bộ có từ {OfficialMembersForCommittee} đảng viên chính thức trở lên: có chi ủy (tối đa {MaxCommitteeMembers} chi ủy viên).";

    /// <summary>Null when the cell is large enough; otherwise the warning to show.</summary>
    public static string? SizeWarning(OrganizationKind kind, int officialMembers) =>
        kind == OrganizationKind.Cell && officialMembers < MinOfficialMembersForCell
            ? $"Chi bộ trực thuộc cần ít nhất {MinOfficialMembersForCell} đảng viên chính thức; hiện chỉ có {officialMembers}."
            : null;
}
