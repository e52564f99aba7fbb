using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Reports;

namespace PartyRoster.Web.Pages.Reports;

/// <summary>The statistics reports, in their order, with the registers and lists beside them.</summary>
[Authorize(Policy = Policies.ViewReports)]
public sealed class IndexModel(IEnumerable<IReport> reports) : PageModel
{
    public IReadOnlyList<IReport> Reports { get; } = reports.OrderBy(r => r.Order).ToList();

    public void OnGet()
    {
    }
}
