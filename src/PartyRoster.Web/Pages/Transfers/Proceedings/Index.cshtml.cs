using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers.Proceedings;

/// <summary>The UBKT's working list: inspections, complaints and suspensions open about members in its scope, and those closed lately.</summary>
[Authorize(Policy = Policies.RecordInspections)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, OrganizationDirectory directory) : PageModel
{
    /// <summary>How far back the "recently closed" list reaches: a display choice, not a rule.</summary>
    public const int RecentDays = 90;

    public DateOnly Today { get; private set; }
    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Closed { get; private set; } = [];

    public sealed record Row(int Id, ProceedingKind Kind, DateOnly OpenedOn, string Reference, string? Summary, DateOnly? ClosedOn,
        string? ClosingNote, int MemberId, string MemberName, int CellId)
    {
        public string CellName { get; init; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Format.Today(clock);
        var members = await access.MembersInScopeAsync(Capability.RecordInspections, ct: ct);
        var since = Today.AddDays(-RecentDays);
        var rows = await db.MemberProceedings.AsNoTracking()
            .Where(p => p.ClosedOn == null || p.ClosedOn >= since)
            .Join(members, p => p.MemberId, m => m.Id, (p, m) => new Row(p.Id, p.Kind, p.OpenedOn, p.Reference, p.Summary, p.ClosedOn,
                p.ClosingNote, m.Id, m.FullName, m.OrganizationId))
            .ToListAsync(ct);
        var names = await TransferAccess.CellNamesAsync(directory, ct);
        rows = [.. rows.Select(r => r with { CellName = names.GetValueOrDefault(r.CellId) ?? "" })];
        Open = [.. rows.Where(r => r.ClosedOn is null).OrderBy(r => r.OpenedOn).ThenBy(r => r.Id)];
        Closed = [.. rows.Where(r => r.ClosedOn is not null).OrderByDescending(r => r.ClosedOn).ThenByDescending(r => r.Id)];
    }
}
