using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Reports;

namespace PartyRoster.Web.Pages;

public sealed class IndexModel(PartyRosterDbContext db, AccessService access, Dashboard dashboard, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];
    public int? MembersOnRoll { get; private set; }
    public int? Official { get; private set; }
    public int? Probationary { get; private set; }
    /// <summary>Signals waiting for the cell's review in the user's scope (null: the user does not read signals).</summary>
    public int? OpenSignals { get; private set; }

    /// <summary>The cells the user serves as secretary, at a glance.</summary>
    public IReadOnlyList<Dashboard.CellPanel> CellPanels { get; private set; } = [];

    /// <summary>Charts of the user's subtree (null: the user does not read reports).</summary>
    public Dashboard.SubtreeCharts? Subtree { get; private set; }

    public sealed record AssignmentRow(Role Role, int OrganizationId, string OrganizationName);

    /// <param name="refresh">"Tính lại ngay": compute the subtree charts now instead of serving the kept ones.</param>
    public async Task OnGetAsync(bool refresh, CancellationToken ct)
    {
        var userId = access.UserId;
        Assignments = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && r.RevokedAtUtc == null)
            .OrderBy(r => r.Role)
            .Select(r => new AssignmentRow(r.Role, r.OrganizationId, r.Organization!.Name))
            .ToListAsync(ct);

        var today = Format.Today(clock);
        CellPanels = await dashboard.CellPanelsAsync(today, ct);
        Subtree = await dashboard.SubtreeAsync(today, refresh, ct);

        // The subtree charts show the roll; the plain counts serve everyone else who reads members.
        if (Subtree is null && await access.HasAnywhereAsync(Capability.ViewMembers, ct))
        {
            var members = (await access.MembersInScopeAsync(Capability.ViewMembers, ct: ct))
                .Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState));
            var byStanding = await members.GroupBy(m => m.Standing)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            Official = byStanding.Where(x => x.Key == Standing.Official).Sum(x => x.Count);
            Probationary = byStanding.Where(x => x.Key == Standing.Probationary).Sum(x => x.Count);
            MembersOnRoll = Official + Probationary;
        }

        if (await access.HasAnywhereAsync(Capability.ViewSignals, ct))
        {
            var cells = (await access.OrganizationsInScopeAsync(Capability.ViewSignals, ct)).Select(o => o.Id);
            OpenSignals = await db.Signals.CountAsync(s => cells.Contains(s.CellId) && s.ResolvedOn == null && s.CaseId == null, ct);
        }
    }
}
