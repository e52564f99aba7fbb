using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Members;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Transfers in the user's scope: letters waiting for the receiving side's slip (with working days left), late
/// ones, those more than three months late (the grassroots committee's list), members away and guests on a
/// temporary transfer, and what was completed recently.
/// </summary>
[Authorize(Policy = Policies.ViewTransfers)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, WorkingCalendarService calendars,
    RuleBook rules, OrganizationDirectory directory) : PageModel
{
    /// <summary>How far back the "recently completed" list reaches: a display choice, not a rule.</summary>
    public const int RecentDays = 90;

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public DateOnly Today { get; private set; }
    public WorkingDayCalendar Calendar { get; private set; } = WorkingDayCalendar.WeekendsOnly;
    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Waiting { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Late { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Reportable { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Away { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Guests { get; private set; } = [];
    public IReadOnlyList<TransferAccess.Row> Recent { get; private set; } = [];
    public RuleSet Rules { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanInspect { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Today = Format.Today(clock);
        Rules = rules.InForceOn(Today);
        Calendar = await calendars.GetAsync(ct);
        string? within = null;
        if (OrganizationId is { } orgId)
        {
            var org = await access.FindOrganizationAsync(orgId, Capability.ViewTransfers, ct);
            if (org is null) return NotFound();
            within = org.Path;
        }
        var tree = await OrganizationOptions.TreeAsync(directory, access, Capability.ViewTransfers, ct);
        OrganizationItems = OrganizationOptions.ToSelectItems(OrganizationOptions.Collapse(tree, OrganizationId), OrganizationId, "Tất cả");
        CanManage = await access.HasAnywhereAsync(Capability.ManageTransfers, ct);
        CanInspect = await access.HasAnywhereAsync(Capability.RecordInspections, ct);

        var scope = await TransferAccess.InScopeAsync(db, access, Capability.ViewTransfers, within, ct);
        var names = await TransferAccess.CellNamesAsync(directory, ct);
        var open = await TransferAccess.OpenRowsAsync(scope, names, ct);
        var letters = open.Where(r => r.Transfer.IsAwaitingSlip).OrderBy(r => r.Transfer.Deadline).ThenBy(r => r.Transfer.Id).ToList();
        Waiting = [.. letters.Where(r => !r.Transfer.IsPapersLate(Today))];
        Reportable = [.. letters.Where(r => r.Transfer.IsReportable(Today, rules))];
        Late = [.. letters.Where(r => r.Transfer.IsPapersLate(Today) && !r.Transfer.IsReportable(Today, rules))];
        Away = [.. open.Where(r => r.Transfer.Kind == TransferKind.TemporaryOut).OrderBy(r => r.Transfer.PeriodEnd).ThenBy(r => r.Transfer.Id)];
        Guests = [.. open.Where(r => r.Transfer.Kind == TransferKind.TemporaryIn).OrderBy(r => r.ToCell).ThenBy(r => r.Transfer.PeriodEnd)];

        var since = Today.AddDays(-RecentDays);
        var recent = await TransferAccess.RowsAsync(scope.Where(t => t.Status != TransferStatus.InProgress && t.CompletedOn >= since), names, ct);
        Recent = [.. recent.OrderByDescending(r => r.Transfer.CompletedOn).ThenByDescending(r => r.Transfer.Id)];
        return Page();
    }
}

/// <summary>What the <c>_LetterTable</c> partial shows: official-out letters, with working days left or days late.</summary>
public sealed record LetterTable(string Id, IReadOnlyList<TransferAccess.Row> Rows, DateOnly Today, WorkingDayCalendar Calendar, string Empty);
