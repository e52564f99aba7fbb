using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>Annual ratings (đánh giá, xếp loại) of a subtree, counted per year, rating cell and level in one grouped query.</summary>
public static class RatingFigures
{
    public sealed record LevelCount(int Year, int CellId, RatingLevel Level, int Count);

    public static Task<List<LevelCount>> CountsAsync(PartyRosterDbContext db, ReportScope scope, int fromYear, int toYear, CancellationToken ct)
    {
        var cells = scope.OrganizationIds(db);
        return db.AnnualRatings.AsNoTracking()
            .Where(r => r.Year >= fromYear && r.Year <= toYear && cells.Contains(r.CellId))
            .GroupBy(r => new { r.Year, r.CellId, r.Level })
            .Select(g => new LevelCount(g.Key.Year, g.Key.CellId, g.Key.Level, g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>"Good or excellent" combined, as committees report it ("7.213/7.872 hoàn thành tốt và xuất sắc").</summary>
    public static bool IsGoodOrBetter(RatingLevel level) => level is RatingLevel.Excellent or RatingLevel.Good;
}
