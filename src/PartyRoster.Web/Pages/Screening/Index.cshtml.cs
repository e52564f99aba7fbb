using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>Screening cases in the user's scope, filtered by status, track and organisation subtree (a bookmarkable GET).</summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, OrganizationDirectory directory) : PageModel
{
    public const int PageSize = 50;

    /// <summary>A status name (or several, comma-separated), or "open" (the default: cases still under way, decided ones and appeals included) or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ScreeningTrack? Track { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];

    public sealed record CaseRow(int Id, int MemberId, string MemberName, string CellName, ScreeningTrack Track, ScreeningStatus Status, int Cycle, DateOnly OpenedOn);

    public const string OpenFilter = "";
    public const string AllFilter = "all";

    public static IReadOnlyList<SelectListItem> StatusItems(string? selected)
    {
        var items = new List<SelectListItem>
        {
            new("Chưa kết thúc", OpenFilter, string.IsNullOrEmpty(selected)),
            new("Tất cả", AllFilter, selected == AllFilter),
        };
        items.AddRange(Enum.GetValues<ScreeningStatus>().Select(s => new SelectListItem(s.DisplayName(), s.ToString(), selected == s.ToString())));
        return items;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var screening = new ScreeningAccess(db, access);
        var cases = (await screening.CasesInScopeAsync(ct)).AsNoTracking();

        if (string.IsNullOrEmpty(Status))
        {
            var open = Enum.GetValues<ScreeningStatus>().Where(s => !s.IsTerminal()).ToList();
            cases = cases.Where(c => open.Contains(c.Status));
        }
        else if (Status != AllFilter)
        {
            // One status, or several comma-separated (the dashboard's links to a group such as "đang xem xét xử lý").
            var statuses = Status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Enum.TryParse<ScreeningStatus>(s, out var st) && Enum.IsDefined(st) ? st : (ScreeningStatus?)null)
                .OfType<ScreeningStatus>().Distinct().ToList();
            if (statuses.Count > 0) cases = cases.Where(c => statuses.Contains(c.Status));
        }
        if (Track is { } track) cases = cases.Where(c => c.Track == track);
        if (OrganizationId is { } orgId)
        {
            // Only an organisation in scope narrows the list; any other id yields nothing.
            var org = await access.FindOrganizationAsync(orgId, Capability.ViewCases, ct);
            var path = org?.Path ?? "\u0000";
            var cellIds = db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
            cases = cases.Where(c => cellIds.Contains(c.CellId));
        }

        Total = await cases.CountAsync(ct);
        P = Math.Clamp(P, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await cases.OrderByDescending(c => c.Id).Skip((P - 1) * PageSize).Take(PageSize)
            .Select(c => new CaseRow(c.Id, c.MemberId,
                db.Members.Where(m => m.Id == c.MemberId).Select(m => m.FullName).FirstOrDefault() ?? "",
                db.Organizations.Where(o => o.Id == c.CellId).Select(o => o.Name).FirstOrDefault() ?? "",
                c.Track, c.Status, c.Cycle, c.OpenedOn))
            .ToListAsync(ct);

        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewCases, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(tree, OrganizationId, "Tất cả");
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Status)) values["Status"] = Status;
        if (Track is { } t) values["Track"] = t.ToString();
        if (OrganizationId is { } o) values["OrganizationId"] = o.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["P"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
