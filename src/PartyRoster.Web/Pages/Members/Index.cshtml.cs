using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// The roster: a bookmarkable GET search over the members in the user's scope, and its export (every matching
/// member, not only the page) to .xlsx or .csv.
/// </summary>
[Authorize(Policy = Policies.ViewMembers)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, NameTokenStatistics tokenStatistics,
    OrganizationDirectory directory, AuditWriter audit, TimeProvider clock) : PageModel
{
    /// <summary>The audit trail's name for an export of the roster.</summary>
    public const string ExportAuditType = "MemberExport";

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
    public bool CanImport { get; private set; }

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
        Result = await Search().RunAsync(db, access, tokenStatistics, ct);
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewMembers, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(OrganizationOptions.Collapse(tree, OrganizationId), OrganizationId, "Tất cả");
        OrganizationsCollapsed = tree.Count > OrganizationOptions.CollapseAbove;
        CanEdit = await access.HasAnywhereAsync(Capability.EditMembers, ct);
        CanImport = await access.HasAnywhereAsync(Capability.ImportMembers, ct);
    }

    /// <summary>
    /// Every member matching the search and filters (within the user's scope, in roster order) as .xlsx, or as
    /// .csv with <paramref name="format"/> "csv", streamed row by row into the response. The export of personal
    /// data is audited first, with the filters and the row count, so no export happens without its entry.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var (members, count) = await Search().AllAsync(db, access, tokenStatistics, ct);
        var today = Format.Today(clock);
        var fileName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"danh-sach-dang-vien_{today:yyyy-MM-dd}.{(csv ? "csv" : "xlsx")}");
        await audit.AppendAsync(db, ExportAuditType, csv ? "csv" : "xlsx", "Xuất danh sách", new Dictionary<string, string?>
        {
            ["File"] = fileName,
            ["Filter"] = await DescribeFiltersAsync(ct),
            ["Rows"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);

        var rows = MemberSheet.Project(members).AsAsyncEnumerable();
        var columns = MemberSheet.ExportColumns(today);
        return new StreamedDownload(csv ? CsvTable.ContentType : XlsxWriter.ContentType, fileName, async (body, token) =>
        {
            if (csv)
            {
                await CsvTable.WriteAsync(body, columns, rows, token);
                return;
            }
            using var workbook = new XlsxWriter(body);
            await workbook.WriteSheetAsync("Đảng viên", columns, rows, token);
            await workbook.CompleteAsync(token);
        });
    }

    /// <summary>Query values of the current search and filters (no page number): what an export link carries.</summary>
    public Dictionary<string, string> FilterRoute()
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Q)) values["Q"] = Q;
        if (OrganizationId is { } o) values["OrganizationId"] = o.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Standing is { } s) values["Standing"] = s.ToString();
        if (!string.IsNullOrEmpty(State)) values["State"] = State;
        return values;
    }

    /// <summary>
    /// Query values of an export link: the search and filters plus the format. One dictionary, because
    /// <c>asp-all-route-data</c> replaces any <c>asp-route-*</c> set beside it (the CSV link once downloaded .xlsx).
    /// </summary>
    public Dictionary<string, string> ExportRoute(string format)
    {
        var values = FilterRoute();
        values["format"] = format;
        return values;
    }

    /// <summary>Query values for a link to another page of the same search.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = FilterRoute();
        values["P"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    private MemberSearch Search() => new()
    {
        Text = Q,
        OrganizationId = OrganizationId,
        Standing = Standing,
        RollStateFilter = State,
        Page = P,
    };

    /// <summary>The search in words, for the audit trail: "Tìm: nguyen van an; Tổ chức: Chi bộ …; Tình trạng: …".</summary>
    private async Task<string> DescribeFiltersAsync(CancellationToken ct)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"Tìm: {Q.Trim()}");
        if (OrganizationId is { } orgId)
        {
            var name = (await directory.TreeAsync(ct)).FirstOrDefault(e => e.Id == orgId)?.Name ?? "không rõ";
            parts.Add($"Tổ chức: {name} (#{orgId})");
        }
        if (Standing is { } standing) parts.Add($"Loại: {standing.DisplayName()}");
        parts.Add("Tình trạng: " + (StateItems(State).FirstOrDefault(i => i.Selected)?.Text ?? State));
        return string.Join("; ", parts);
    }
}
