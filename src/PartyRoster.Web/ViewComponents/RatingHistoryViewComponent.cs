using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.ViewComponents;

/// <summary>
/// The member profile's ratings history (đánh giá, xếp loại qua các năm), for users who may read ratings in the
/// member's cell; renders nothing for anyone else. Flags two consecutive years "không hoàn thành nhiệm vụ" (C1).
/// </summary>
public sealed class RatingHistoryViewComponent(PartyRosterDbContext db, AccessService access) : ViewComponent
{
    public sealed record Row(int Year, string CellName, int Score, RatingLevel Level, string? LoweringReason, string? Note, DateOnly RatedOn, string? Resolution);

    public sealed record Model(int MemberId, IReadOnlyList<Row> Rows, int? ConsecutiveNotCompletedUntil);

    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var ct = HttpContext.RequestAborted;
        var member = await access.FindMemberAsync(memberId, Capability.ViewRatings, ct);
        if (member is null) return Content("");

        var rows = await db.AnnualRatings.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .Join(db.RatingSheets.IgnoreAutoIncludes(), r => new { r.CellId, r.Year }, s => new { s.CellId, s.Year }, (r, s) => new { r, s.RatedOn, s.Resolution })
            .Join(db.Organizations, x => x.r.CellId, o => o.Id, (x, o) => new { x.r, x.RatedOn, x.Resolution, o.Name })
            .OrderByDescending(x => x.r.Year)
            .Select(x => new Row(x.r.Year, x.Name, x.r.Score, x.r.Level, x.r.LoweringReason, x.r.Note, x.RatedOn, x.Resolution))
            .ToListAsync(ct);
        var notCompleted = rows.Where(r => r.Level == RatingLevel.NotCompleted).Select(r => r.Year).ToHashSet();
        int? latestPair = notCompleted.Where(y => notCompleted.Contains(y - 1)).Select(y => (int?)y).Max();
        return View(new Model(memberId, rows, latestPair));
    }
}
