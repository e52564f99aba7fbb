using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>The roster: a bookmarkable GET search over the members in the user's scope.</summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, NameTokenStatistics tokenStatistics,
    OrganizationDirectory directory) : PageModel
{
    // Short query names keep bookmarks readable; "page" is avoided because Razor Pages routes use it.
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Standing? Standing { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public MemberSearch.Result Result { get; private set; } = new([], 0, 1, MemberSearch.DefaultPageSize);
    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The organisation list shows cells only under the chosen đảng bộ (large scopes).</summary>
    public bool OrganizationsCollapsed { get; private set; }

    public static IReadOnlyList<SelectListItem> StateItems(string? selected)
    {
        var items = new List<SelectListItem>
        {
            new("Đang trong danh sách", "", string.IsNullOrEmpty(selected)),
            new("Tất cả", MemberSearch.AllStates, selected == MemberSearch.AllStates),
        };
        items.AddRange(Enum.GetValues<RollState>().Select(s => new SelectListItem(s.DisplayName(), s.ToString(), selected == s.ToString())));
        return items;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A malformed value (e.g. Standing=abc from an old bookmark) is ignored rather than shown as an error.
        ModelState.Clear();
        var search = new MemberSearch
        {
            Text = Q,
            OrganizationId = OrganizationId,
            Standing = Standing,
            RollStateFilter = State,
            Page = P,
        };
        Result = await search.RunAsync(db, access, tokenStatistics, ct);
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewMembers, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(OrganizationOptions.Collapse(tree, OrganizationId), OrganizationId, "Tất cả");
        OrganizationsCollapsed = tree.Count > OrganizationOptions.CollapseAbove;
        CanEdit = await access.HasAnywhereAsync(Capability.EditMembers, ct);
    }

    /// <summary>Query values for a link to another page of the same search.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Q)) values["Q"] = Q;
        if (OrganizationId is { } o) values["OrganizationId"] = o.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Standing is { } s) values["Standing"] = s.ToString();
        if (!string.IsNullOrEmpty(State)) values["State"] = State;
        values["P"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
