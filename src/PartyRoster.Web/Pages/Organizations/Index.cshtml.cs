using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Organizations;

/// <summary>The organisation tree in the user's scope, with members on the roll per subtree.</summary>
[Authorize(Policy = Policies.ViewOrganizations)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ShowDissolved { get; set; }

    public OrganizationTree Tree { get; private set; } = OrganizationTree.Build([]);
    public IReadOnlyDictionary<int, int> MembersOnRoll { get; private set; } = new Dictionary<int, int>();
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Two queries whatever the size of the tree (≈2,000 organisations): the rows, then one grouped count.
        var scope = await access.OrganizationsInScopeAsync(Capability.ViewOrganizations, ct);
        var visible = ShowDissolved ? scope : scope.Where(o => o.Status == OrganizationStatus.Active);
        var rows = await visible.AsNoTracking()
            .Select(o => new OrganizationRow(o.Id, o.ParentId, o.Kind, o.Name, o.Status))
            .ToListAsync(ct);
        Tree = OrganizationTree.Build(rows);

        var scopeIds = scope.Select(o => o.Id);
        var own = await db.Members.AsNoTracking()
            .Where(m => scopeIds.Contains(m.OrganizationId) && MemberEnumNames.OnRollStates.Contains(m.RollState))
            .GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        MembersOnRoll = Tree.SubtreeTotals(own);

        CanManage = await access.HasAnywhereAsync(Capability.ManageOrganizations, ct);
    }
}
