using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// The education-and-help list (danh sách giáo dục, giúp đỡ): education-track cases the cell voted onto the list,
/// and where each stands now. Cases are few (tens to low hundreds per district a year), so they are read one row each.
/// </summary>
public static class HelpListFigures
{
    public sealed record ListedCase(int Id, int MemberId, string MemberName, int CellId, string CellName, DateOnly ListedOn,
        ScreeningStatus Status, ScreeningStatus? DecidedStatus, string? HelperName, IReadOnlyList<ReasonCode> Reasons)
    {
        public HelpOutcome Outcome => ReportCategories.OutcomeOf(Status, DecidedStatus);
    }

    /// <summary>Education-track cases of the subtree whose list ballot took effect in the period, in order of listing.</summary>
    public static Task<List<ListedCase>> ListedAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cells = scope.OrganizationIds(db);
        return db.ScreeningCases.AsNoTracking()
            .Where(c => c.Track == ScreeningTrack.Education && cells.Contains(c.CellId))
            .Select(c => new
            {
                Case = c,
                ListedOn = c.Steps.Where(s => s.ToStatus == ScreeningStatus.Listed).Min(s => (DateOnly?)s.EffectiveOn),
            })
            .Where(x => x.ListedOn >= from && x.ListedOn <= to)
            .OrderBy(x => x.ListedOn).ThenBy(x => x.Case.Id)
            .Select(x => new ListedCase(x.Case.Id, x.Case.MemberId,
                db.Members.Where(m => m.Id == x.Case.MemberId).Select(m => m.FullName).First(),
                x.Case.CellId,
                db.Organizations.Where(o => o.Id == x.Case.CellId).Select(o => o.Name).First(),
                x.ListedOn!.Value, x.Case.Status, x.Case.DecidedStatus,
                db.Members.Where(m => m.Id == x.Case.HelperMemberId).Select(m => m.FullName).FirstOrDefault(),
                EF.Property<List<ReasonCode>>(x.Case, "_reasons")))
            .ToListAsync(ct);
    }

    /// <summary>Every education-track case of the subtree that reached the list, counted by where it stands now.</summary>
    public static async Task<Dictionary<HelpOutcome, int>> OutcomesNowAsync(PartyRosterDbContext db, ReportScope scope, CancellationToken ct)
    {
        var cells = scope.OrganizationIds(db);
        var groups = await db.ScreeningCases.AsNoTracking()
            .Where(c => c.Track == ScreeningTrack.Education && cells.Contains(c.CellId) && c.Steps.Any(s => s.ToStatus == ScreeningStatus.Listed))
            .GroupBy(c => new { c.Status, c.DecidedStatus })
            .Select(g => new { g.Key.Status, g.Key.DecidedStatus, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => ReportCategories.OutcomeOf(g.Status, g.DecidedStatus)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
    }
}
