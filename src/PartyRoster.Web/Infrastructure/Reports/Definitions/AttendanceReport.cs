using PartyRoster.Domain.Rules;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Sinh hoạt chi bộ: each cell's regular meetings held against months due, and attendance, for one year.</summary>
public sealed class AttendanceReport(RuleBook rules) : IReport
{
    public string Key => "attendance";
    public string Title => "Sinh hoạt chi bộ và dự sinh hoạt của đảng viên";
    public string Description => "Từng chi bộ: số tháng đã sinh hoạt thường kỳ so với số tháng phải sinh hoạt, tỷ lệ đảng viên dự sinh hoạt, số đảng viên bỏ sinh hoạt từ 3 tháng trong năm.";
    public int Order => 4;
    public ReportPeriodKind Period => ReportPeriodKind.SingleYear;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var year = ctx.ToYear;
        var threshold = MeetingCompliance.ThresholdFor(rules, year, ctx.Today);
        var ids = ctx.Scope.OrganizationIds(ctx.Db);
        var cells = await ctx.Scope.ActiveCellsAsync(ctx.Db, ct);
        var stats = await MeetingCompliance.ForYearAsync(ctx.Db, cells, ids, year, ctx.Today, threshold.Value, ct);

        var table = new ReportTable("attendance-by-cell", $"Sinh hoạt chi bộ năm {year}",
        [
            new("Chi bộ", ReportCellKind.Text, 32), new("Tháng phải sinh hoạt", Width: 12), new("Tháng đã sinh hoạt thường kỳ", Width: 14),
            new("Tháng chưa sinh hoạt", Width: 12), new("Số buổi sinh hoạt", Width: 12), new("Tỷ lệ dự sinh hoạt (%)", ReportCellKind.Percent, 12),
            new($"Đảng viên vắng không lý do từ {threshold.Value} tháng", Width: 16),
        ]) { SheetName = "Sinh hoạt chi bộ" };
        foreach (var s in stats)
        {
            table.AddRow(CountTable.Key(s.Id), new ReportCell(s.Name, $"/Meetings/Attendance?cellId={s.Id}&year={year}"), s.MonthsDue, s.RegularMonthsHeld,
                s.MonthsMissed, s.Meetings, new ReportCell(ReportTable.Percent(s.Present, s.Lines)), s.Flagged);
        }
        table.AddTotal("Tổng cộng", stats.Sum(s => (long)s.MonthsDue), stats.Sum(s => (long)s.RegularMonthsHeld), stats.Sum(s => (long)s.MonthsMissed),
            stats.Sum(s => (long)s.Meetings), new ReportCell(ReportTable.Percent(stats.Sum(s => (long)s.Present), stats.Sum(s => (long)s.Lines))),
            stats.Sum(s => (long)s.Flagged));
        table.Notes.Add($"Tháng phải sinh hoạt: từ tháng 1 (hoặc tháng thành lập chi bộ) đến tháng trước ngày báo cáo. Vắng không lý do từ {threshold.Value} tháng trong năm: " +
                        $"{threshold.Description} ({threshold.Basis.Citation}).");
        return [table];
    }
}
