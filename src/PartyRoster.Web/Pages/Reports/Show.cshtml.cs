using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Reports;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Reports;

/// <summary>
/// Any statistics report (<see cref="IReport"/>) for an organisation subtree in the user's ViewReports scope and a
/// period: on screen, printed on A4 with the committee's heading and signature block, or as an .xlsx workbook.
/// </summary>
[Authorize(Policy = Policies.ViewReports)]
public sealed class ShowModel(PartyRosterDbContext db, AccessService access, OrganizationDirectory directory,
    IEnumerable<IReport> reports, TimeProvider clock) : PageModel
{
    /// <summary>The earliest year a report may cover (the party's records start in 1930).</summary>
    public const int FirstYear = 1930;

    /// <summary>Reports cover at most this many years at once (one row each).</summary>
    public const int MaxYears = 30;

    /// <summary>Default span of a multi-year report: the current term's five years.</summary>
    public const int DefaultYears = 5;

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ToYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReport Report { get; private set; } = null!;
    public ReportContext Context { get; private set; } = null!;
    public ReportHeader Header { get; private set; } = null!;
    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public IEnumerable<int> YearChoices => Enumerable.Range(0, MaxYears).Select(i => Context.Today.Year - i);

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct) =>
        await LoadAsync(key, ct) ? Page() : NotFound();

    /// <summary>The same report as an .xlsx workbook, one sheet per table.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        return ReportWorkbook.Download(Header, Tables, $"{Report.Key}-{Context.FromYear}-{Context.ToYear}.xlsx");
    }

    /// <summary>Query values for the export link and the year picker (the report's current choices).</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string> { ["key"] = Report.Key };
        if (OrganizationId is { } o) values["OrganizationId"] = CountTable.Key(o);
        if (Report.Period == ReportPeriodKind.Years)
        {
            values["FromYear"] = CountTable.Key(Context.FromYear);
            values["ToYear"] = CountTable.Key(Context.ToYear);
        }
        else if (Report.Period == ReportPeriodKind.SingleYear)
        {
            values["Year"] = CountTable.Key(Context.ToYear);
        }
        return values;
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        ModelState.Clear();
        var report = reports.FirstOrDefault(r => r.Key == key);
        if (report is null) return false;
        Report = report;
        var scope = await ReportScope.ResolveAsync(directory, access, Capability.ViewReports, OrganizationId, ct);
        // An organisation outside the user's scope is not found, as for any record (ids cannot be probed).
        if (scope.IsEmpty && OrganizationId is not null) return false;

        var today = Format.Today(clock);
        var (from, to) = Period(report.Period, today);
        Context = new ReportContext(db, scope, from, to, today);
        Header = new ReportHeader(scope.Name, report.Title, report.Period == ReportPeriodKind.Today ? $"Đến ngày {Format.Date(today)}" : Context.PeriodText,
            today, ReportHeader.SignerFor(scope.Roots));
        Tables = await report.BuildAsync(Context, ct);

        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewReports, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(OrganizationOptions.Collapse(tree, OrganizationId), OrganizationId, "Tất cả");
        return true;
    }

    /// <summary>The years asked for, made sensible: within range, in order, at most <see cref="MaxYears"/>.</summary>
    private (int From, int To) Period(ReportPeriodKind kind, DateOnly today)
    {
        int Clamp(int? y, int fallback) => y is { } v && v >= FirstYear && v <= today.Year + 1 ? v : fallback;
        switch (kind)
        {
            case ReportPeriodKind.Today:
                return (today.Year, today.Year);
            case ReportPeriodKind.SingleYear:
                var year = Clamp(Year ?? ToYear, today.Year);
                return (year, year);
            default:
                if (Year is not null) FromYear = ToYear = Year;
                var to = Clamp(ToYear, today.Year);
                var from = Clamp(FromYear, to - DefaultYears + 1);
                if (from > to) (from, to) = (to, from);
                return (Math.Max(from, to - MaxYears + 1), to);
        }
    }
}
