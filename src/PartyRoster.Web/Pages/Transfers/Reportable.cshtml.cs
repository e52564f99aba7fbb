using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// The list the grassroots committee reviews every three months (domain.md §5): members whose transfer papers
/// are more than three months past the presentation deadline without the receiving side's slip. Printable on A4.
/// </summary>
[Authorize(Policy = Policies.ViewTransfers)]
public sealed class ReportableModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, RuleBook rules, OrganizationDirectory directory)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public DateOnly Today { get; private set; }
    public RuleSet Rules { get; private set; } = null!;
    /// <summary>The organisations the list covers: the chosen one, or the roots of the user's scope.</summary>
    public IReadOnlyList<string> Covering { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Today = Format.Today(clock);
        Rules = rules.InForceOn(Today);
        string? within = null;
        if (OrganizationId is { } orgId)
        {
            var org = await access.FindOrganizationAsync(orgId, Capability.ViewTransfers, ct);
            if (org is null) return NotFound();
            within = org.Path;
            Covering = [org.Name];
        }
        else
        {
            var paths = await access.ScopePathsAsync(Capability.ViewTransfers, ct);
            Covering = [.. (await directory.TreeAsync(ct)).Where(e => paths.Contains(e.Path)).Select(e => e.Name)];
        }

        var scope = await TransferAccess.InScopeAsync(db, access, Capability.ViewTransfers, within, ct);
        var open = await TransferAccess.OpenRowsAsync(scope, await TransferAccess.CellNamesAsync(directory, ct), ct);
        Rows = [.. open.Where(r => r.Transfer.IsReportable(Today, rules)).OrderBy(r => r.FromCell).ThenBy(r => r.Transfer.Deadline).ThenBy(r => r.Transfer.Id)];
        return Page();
    }
}
