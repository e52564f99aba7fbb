using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// Organisations as an indented pick-list in tree order (parents before children, siblings by name),
/// read from <see cref="OrganizationDirectory"/> (cached in memory).
/// </summary>
public static class OrganizationOptions
{
    /// <summary>The organisations in the user's scope for <paramref name="capability"/>, in tree order (from the in-memory directory).</summary>
    public static async Task<IReadOnlyList<OrganizationDirectory.Entry>> TreeAsync(OrganizationDirectory directory, AccessService access,
        Capability capability, CancellationToken ct) =>
        await directory.InScopeAsync(await access.ScopePathsAsync(capability, ct), ct);

    /// <summary>Above this many organisations the pick-list leaves out chi bộ trực thuộc (see <see cref="Collapse"/>).</summary>
    public const int CollapseAbove = 300;

    /// <summary>
    /// For a large scope (a province has thousands of organisations) a full pick-list is both unusable and
    /// slow to send. It becomes a drill-down: the scope's roots, the chosen organisation's ancestors, the
    /// chosen organisation and its direct children. The organisation pages link to their member lists.
    /// </summary>
    public static IReadOnlyList<OrganizationDirectory.Entry> Collapse(IReadOnlyList<OrganizationDirectory.Entry> tree, int? selected)
    {
        if (tree.Count <= CollapseAbove) return tree;
        var chosen = tree.FirstOrDefault(t => t.Id == selected);
        if (chosen is null)
        {
            var showChildren = tree.Count(t => t.Depth == 1) <= CollapseAbove;
            return tree.Where(t => t.Depth == 0 || (showChildren && t.Depth == 1)).ToList();
        }
        return tree.Where(t => t.Depth == 0
                || chosen.Path.StartsWith(t.Path, StringComparison.Ordinal)
                || t.ParentId == chosen.Id)
            .ToList();
    }

    /// <summary>Select options: "Tất cả" first (when <paramref name="allLabel"/> is given), then the indented tree.</summary>
    public static IReadOnlyList<SelectListItem> ToSelectItems(IEnumerable<OrganizationDirectory.Entry> tree, int? selected, string? allLabel)
    {
        var items = new List<SelectListItem>();
        if (allLabel is not null) items.Add(new SelectListItem(allLabel, "", selected is null));
        foreach (var n in tree)
        {
            var depth = n.Depth;
            // Non-breaking spaces: option elements ignore CSS padding on most phones.
            var label = new string('\u00a0', depth * 3) + n.Name + (n.Status == OrganizationStatus.Active ? "" : $" ({n.Status.DisplayName().ToLowerInvariant()})");
            items.Add(new SelectListItem(label, n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Id == selected));
        }
        return items;
    }
}
