using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// Organisations as an indented pick-list in tree order (parents before children, siblings by name).
/// The organisation table is small (hundreds of rows), so the tree is ordered in memory.
/// </summary>
public static class OrganizationOptions
{
    public sealed record Node(int Id, string Name, int? ParentId, OrganizationKind Kind, OrganizationStatus Status);

    public static async Task<IReadOnlyList<(Node Node, int Depth)>> TreeAsync(IQueryable<Organization> organizations, CancellationToken ct)
    {
        var nodes = await organizations.AsNoTracking()
            .Select(o => new Node(o.Id, o.Name, o.ParentId, o.Kind, o.Status))
            .ToListAsync(ct);
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var result = new List<(Node, int)>(nodes.Count);

        void Walk(int? parent, int depth)
        {
            foreach (var n in children[parent].OrderBy(n => n.Name, StringComparer.Create(Infrastructure.Format.Vietnamese, ignoreCase: true)))
            {
                result.Add((n, depth));
                Walk(n.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>Select options: "Tất cả" first (when <paramref name="allLabel"/> is given), then the indented tree.</summary>
    public static IReadOnlyList<SelectListItem> ToSelectItems(IEnumerable<(Node Node, int Depth)> tree, int? selected, string? allLabel)
    {
        var items = new List<SelectListItem>();
        if (allLabel is not null) items.Add(new SelectListItem(allLabel, "", selected is null));
        foreach (var (n, depth) in tree)
        {
            // Non-breaking spaces: option elements ignore CSS padding on most phones.
            var label = new string('\u00a0', depth * 3) + n.Name + (n.Status == OrganizationStatus.Active ? "" : $" ({n.Status.DisplayName().ToLowerInvariant()})");
            items.Add(new SelectListItem(label, n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Id == selected));
        }
        return items;
    }
}
