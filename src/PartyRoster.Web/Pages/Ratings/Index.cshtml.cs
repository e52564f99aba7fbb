using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Ratings;

/// <summary>
/// A year's ratings: for a cell, its sheet (distribution, quota, every member's result, who was left out and
/// why); for a committee, the distribution of every cell in its subtree, read with set-based queries.
/// </summary>
[Authorize(Policy = Policies.ViewRatings)]
public sealed class IndexModel(PartyRosterDbContext db, AccessService access, RatingRuleBook book, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OrgOption> Organizations { get; private set; } = [];
    public OrgOption? Selected { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public RatingRuleSet Rules { get; private set; } = null!;
    public RatingDistribution Distribution { get; private set; } = new([]);

    // A cell
    public SheetInfo? Sheet { get; private set; }
    public IReadOnlyList<RatedRow> Rated { get; private set; } = [];
    public IReadOnlyList<RatingRoster.LeftOut> LeftOut { get; private set; } = [];
    /// <summary>Members to be rated who have no line yet (e.g. transferred in after the cell rated).</summary>
    public int NotYetRated { get; private set; }
    public bool CanRecord { get; private set; }

    // A committee
    public IReadOnlyList<CellRow> Cells { get; private set; } = [];
    public QuotaCheck? SubtreeQuota { get; private set; }

    public bool IsCell => Selected?.Kind.HoldsMembers() == true;

    public sealed record OrgOption(int Id, string Name, string Path, OrganizationKind Kind, int Depth);

    public sealed record SheetInfo(DateOnly RatedOn, bool OutstandingUnit, string? Resolution, string? QuotaWarning);

    public sealed record RatedRow(int MemberId, string FullName, int Score, RatingLevel Level, string? LoweringReason, string? Note);

    public sealed record CellRow(int Id, string Name, int OnRoll, DateOnly? RatedOn, bool OutstandingUnit, bool QuotaExceeded, RatingDistribution Distribution);

    public async Task<IActionResult> OnGetAsync(int? orgId, int? year, CancellationToken ct)
    {
        var today = Format.Today(clock);
        Years = RatingYears.Choices(book, today);
        Year = year is { } y && Years.Contains(y) ? y : RatingYears.Default(today);
        Rules = book.ForYear(Year);

        var scope = await access.OrganizationsInScopeAsync(Capability.ViewRatings, ct);
        var options = await scope.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name, o.Path, o.Kind })
            .ToListAsync(ct);
        var top = options.Count == 0 ? 0 : options.Min(o => o.Path.Count(ch => ch == '/'));
        Organizations = [.. options.Select(o => new OrgOption(o.Id, o.Name, o.Path, o.Kind, o.Path.Count(ch => ch == '/') - top))];
        Selected = orgId is null ? (Organizations.Count > 0 ? Organizations[0] : null) : Organizations.FirstOrDefault(o => o.Id == orgId);
        if (Selected is null) return orgId is null ? Page() : NotFound();

        if (IsCell) await LoadCellAsync(Selected, ct);
        else await LoadSubtreeAsync(Selected, ct);
        return Page();
    }

    private async Task LoadCellAsync(OrgOption cell, CancellationToken ct)
    {
        CanRecord = await access.CanAsync(Capability.RecordRatings, cell.Path, ct);
        var sheet = await db.RatingSheets.AsNoTracking().IgnoreAutoIncludes()
            .Where(s => s.CellId == cell.Id && s.Year == Year)
            .Select(s => new SheetInfo(s.RatedOn, s.OutstandingUnit, s.Resolution, s.QuotaWarning))
            .FirstOrDefaultAsync(ct);
        Sheet = sheet;
        Rated = await db.AnnualRatings.AsNoTracking()
            .Where(r => r.CellId == cell.Id && r.Year == Year)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r, m.FullName, m.SortKey })
            .OrderBy(x => x.SortKey).ThenBy(x => x.r.MemberId)
            .Select(x => new RatedRow(x.r.MemberId, x.FullName, x.r.Score, x.r.Level, x.r.LoweringReason, x.r.Note))
            .ToListAsync(ct);
        Distribution = RatingDistribution.Of(Rated.Select(r => r.Level));

        var roster = await RatingRoster.LoadAsync(db, cell.Id, Year, Rules, ct);
        LeftOut = roster.LeftOut;
        var rated = Rated.Select(r => r.MemberId).ToHashSet();
        NotYetRated = sheet is null ? 0 : roster.ToRate.Count(c => !rated.Contains(c.Id));
    }

    private async Task LoadSubtreeAsync(OrgOption org, CancellationToken ct)
    {
        var prefix = org.Path;
        var cells = db.Organizations.Where(o => o.Path.StartsWith(prefix)
            && (o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell));

        var list = await cells.AsNoTracking().OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var sheets = await db.RatingSheets.AsNoTracking().IgnoreAutoIncludes()
            .Where(s => s.Year == Year && cells.Any(c => c.Id == s.CellId))
            .Select(s => new { s.CellId, s.RatedOn, s.OutstandingUnit, Exceeded = s.QuotaWarning != null })
            .ToDictionaryAsync(s => s.CellId, ct);
        var counts = (await db.AnnualRatings.AsNoTracking()
                .Where(r => r.Year == Year && cells.Any(c => c.Id == r.CellId))
                .GroupBy(r => new { r.CellId, r.Level })
                .Select(g => new { g.Key.CellId, g.Key.Level, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.CellId, x => new KeyValuePair<RatingLevel, int>(x.Level, x.Count));
        var onRoll = await db.Members.AsNoTracking()
            .Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState) && cells.Any(c => c.Id == m.OrganizationId))
            .GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // Dissolved or emptied cells show only when they rated that year.
        Cells = [.. list.Select(c =>
        {
            var sheet = sheets.GetValueOrDefault(c.Id);
            return new CellRow(c.Id, c.Name, onRoll.GetValueOrDefault(c.Id), sheet?.RatedOn, sheet?.OutstandingUnit == true,
                sheet?.Exceeded == true, new RatingDistribution(counts[c.Id]));
        }).Where(c => c.OnRoll > 0 || c.RatedOn is not null)];
        Distribution = new RatingDistribution(counts.SelectMany(g => g));
        SubtreeQuota = Distribution.Quota(outstandingUnit: false, Rules);
    }
}
