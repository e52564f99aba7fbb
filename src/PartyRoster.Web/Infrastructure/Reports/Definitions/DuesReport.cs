using PartyRoster.Domain.Rules;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Tình hình thu nộp đảng phí: each cell's members owing dues, member-months owed, paid and unpaid, the amount paid, for one year.</summary>
public sealed class DuesReport(RuleBook rules) : IReport
{
    public string Key => "dues";
    public string Title => "Tình hình thu nộp đảng phí";
    public string Description => "Từng chi bộ: số đảng viên phải đóng đảng phí, số tháng phải đóng, đã đóng, chưa đóng, tỷ lệ đã đóng, số tiền đã thu, số đảng viên không đóng đảng phí đến ngưỡng phải xem xét (theo quy định về số tháng trong năm).";
    public int Order => 7;
    public ReportPeriodKind Period => ReportPeriodKind.SingleYear;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var year = ctx.ToYear;
        var threshold = DuesCompliance.ThresholdFor(rules, year, ctx.Today);
        var ids = ctx.Scope.OrganizationIds(ctx.Db);
        var cells = await ctx.Scope.ActiveCellsAsync(ctx.Db, ct);
        var stats = await DuesCompliance.ForYearAsync(ctx.Db, cells, ids, year, ctx.Today, threshold.Value, ct);

        var table = new ReportTable("dues-by-cell", $"Thu nộp đảng phí năm {year}",
        [
            new("Chi bộ", ReportCellKind.Text, 32), new("Đảng viên phải đóng", Width: 12), new("Số tháng phải đóng", Width: 12),
            new("Số tháng đã đóng", Width: 12), new("Số tháng chưa đóng", Width: 12), new("Tỷ lệ đã đóng (%)", ReportCellKind.Percent, 12),
            new("Số tiền đã thu (đ)", Width: 16), new($"Đảng viên chưa đóng từ {threshold.Value} tháng", Width: 16),
        ]) { SheetName = "Thu nộp đảng phí" };
        foreach (var s in stats)
        {
            var list = ReportLinks.DuesArrears(s.Id, year);
            ReportCell Count(long n, string? href) => new(n, n == 0 ? null : href);
            table.AddRow(CountTable.Key(s.Id), new ReportCell(s.Name, list), Count(s.MembersOwing, list), Count(s.MonthsOwed, list),
                Count(s.MonthsPaid, list), Count(s.MonthsUnpaid, list), new ReportCell(s.Rate), Count(s.Collected, list),
                Count(s.Flagged, ReportLinks.DuesArrears(s.Id, year, threshold.Value)));
        }
        // The totals link to the chosen organisation's arrears (every cell of it) when one organisation is reported.
        var root = ctx.Scope.Roots.Count == 1 ? ctx.Scope.Roots[0].Id : (int?)null;
        ReportCell Total(long n, int? min = null) => new(n, n == 0 || root is null ? null : ReportLinks.DuesArrears(root.Value, year, min));
        var owed = stats.Sum(s => (long)s.MonthsOwed);
        var paid = stats.Sum(s => (long)s.MonthsPaid);
        table.AddTotal("Tổng cộng", Total(stats.Sum(s => (long)s.MembersOwing)), Total(owed), Total(paid), Total(owed - paid),
            new ReportCell(ReportTable.Percent(paid, owed)), Total(stats.Sum(s => s.Collected)), Total(stats.Sum(s => (long)s.Flagged), threshold.Value));

        var months = DuesCompliance.EndedMonths(year, ctx.Today) is { } w
            ? $"các tháng {w.From.Month:00}–{w.To.Month:00}/{year}"
            : "chưa có tháng nào của năm kết thúc";
        table.Notes.Add($"Số tháng phải đóng: những tháng đã kết thúc của năm ({months}) mà đảng viên ở trong danh sách, đã có căn cứ đóng " +
                        "đảng phí và không được miễn (Quy định 01-QĐ/TW; trước tháng 02/2026: Quyết định 342-QĐ/TW). Tháng nộp muộn tính là đã đóng.");
        table.Notes.Add("Số tiền đã thu: các khoản đã nộp cho các tháng của năm (kể cả nộp muộn, đóng trước). Đảng viên được tính ở chi bộ hiện nay " +
                        "của mình; đảng viên đã ra khỏi danh sách trong năm được tính các tháng trước khi ra khỏi danh sách.");
        table.Notes.Add($"Không đóng đảng phí từ {threshold.Value} tháng trong năm: {threshold.Description} ({threshold.Basis.Citation}).");
        return [table];
    }
}
