using PartyRoster.Domain.Ratings;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Kết quả đánh giá, xếp loại đảng viên: members rated per level, per year and per organisation, with shares.</summary>
public sealed class RatingsReport : IReport
{
    public string Key => "ratings";
    public string Title => "Kết quả đánh giá, xếp loại đảng viên";
    public string Description => "Số đảng viên được đánh giá, xếp loại theo từng mức; số và tỷ lệ hoàn thành tốt và xuất sắc nhiệm vụ; theo năm và theo tổ chức.";
    public int Order => 5;
    public ReportPeriodKind Period => ReportPeriodKind.Years;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var counts = await RatingFigures.CountsAsync(ctx.Db, ctx.Scope, ctx.FromYear, ctx.ToYear, ct);

        IReadOnlyList<CountColumn<int>> Columns(Func<int, RatingFigures.LevelCount, bool> match, Func<int, string?> href)
        {
            long Count(int k, Func<RatingLevel, bool> level) => counts.Where(c => match(k, c) && level(c.Level)).Sum(c => (long)c.Count);
            long Rated(int k) => Count(k, _ => true);
            return
            [
                new("Số đảng viên được xếp loại", Rated, href),
                .. RatingLevelNames.All.Select(l => new CountColumn<int>(l.DisplayName(), k => Count(k, x => x == l))),
                new("Tỷ lệ hoàn thành xuất sắc (%)", k => Count(k, x => x == RatingLevel.Excellent)) { PercentOf = Rated },
                new("Hoàn thành tốt và xuất sắc", k => Count(k, RatingFigures.IsGoodOrBetter)),
                new("Tỷ lệ hoàn thành tốt và xuất sắc (%)", k => Count(k, RatingFigures.IsGoodOrBetter)) { PercentOf = Rated },
                new("Tỷ lệ không hoàn thành (%)", k => Count(k, x => x == RatingLevel.NotCompleted)) { PercentOf = Rated },
            ];
        }

        var byYear = CountTable.Build("ratings-by-year", $"Theo năm ({ctx.PeriodText.ToLowerInvariant()})", "Năm", ctx.YearRows,
            Columns((y, c) => c.Year == y, y => $"/Ratings?year={y}{(ctx.Scope.Chosen is { } o ? $"&orgId={o.Id}" : "")}"), keyWidth: 10);
        byYear.Notes.Add("Đảng viên được tính ở chi bộ đã đánh giá, xếp loại trong năm đó. Không xếp loại: đảng viên miễn công tác và sinh hoạt, " +
                         "đang bị đình chỉ sinh hoạt, mới kết nạp dưới 6 tháng.");
        byYear.Notes.Add("Căn cứ: " + RatingLegalBases.QuyDinh366.Citation + "; " + RatingLegalBases.HuongDan43.Citation + ".");
        var byUnit = CountTable.Build("ratings-by-unit", $"Theo tổ chức ({ctx.PeriodText.ToLowerInvariant()})", "Tổ chức", ctx.UnitRows,
            Columns((id, c) => ctx.Scope.UnitOf(c.CellId)?.Id == id, id => $"/Ratings?year={ctx.ToYear}&orgId={id}"));
        return [byYear, byUnit];
    }
}
