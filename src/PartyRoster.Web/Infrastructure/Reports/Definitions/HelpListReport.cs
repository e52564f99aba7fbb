using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Danh sách giáo dục, giúp đỡ: members voted onto the list in the period, and what became of them.</summary>
public sealed class HelpListReport : IReport
{
    public string Key => "help-list";
    public string Title => "Đảng viên được giáo dục, giúp đỡ";
    public string Description => "Đảng viên được chi bộ biểu quyết đưa vào danh sách giáo dục, giúp đỡ trong kỳ và kết quả: tiến bộ, xóa tên, khai trừ, đang giúp đỡ; kèm danh sách.";
    public int Order => 3;
    public ReportPeriodKind Period => ReportPeriodKind.Years;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var cases = await HelpListFigures.ListedAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);

        IReadOnlyList<CountColumn<int>> Columns(Func<int, HelpListFigures.ListedCase, bool> match) =>
        [
            new("Đưa vào danh sách", k => cases.Count(c => match(k, c))),
            .. ReportCategories.HelpOutcomes.Select(o => new CountColumn<int>(o.DisplayName(), k => cases.Count(c => match(k, c) && c.Outcome == o))),
        ];

        var byYear = CountTable.Build("help-by-year", $"Theo năm đưa vào danh sách ({ctx.PeriodText.ToLowerInvariant()})", "Năm", ctx.YearRows,
            Columns((y, c) => c.ListedOn.Year == y), keyWidth: 12);
        byYear.Notes.Add("Năm đưa vào danh sách: ngày chi bộ biểu quyết đưa đảng viên vào danh sách giáo dục, giúp đỡ. Kết quả: tình trạng hồ sơ đến ngày báo cáo.");
        byYear.Notes.Add("Căn cứ: " + LegalBases.ChiThi28.Citation + "; " + LegalBases.HuongDan02.Citation + ".");
        var byUnit = CountTable.Build("help-by-unit", $"Theo tổ chức ({ctx.PeriodText.ToLowerInvariant()})", "Tổ chức", ctx.UnitRows,
            Columns((id, c) => ctx.Scope.UnitOf(c.CellId)?.Id == id));

        var list = new ReportTable("help-list", "Danh sách đảng viên được giáo dục, giúp đỡ",
        [
            new("STT", ReportCellKind.Number, 6), new("Họ và tên", ReportCellKind.Text, 26), new("Chi bộ", ReportCellKind.Text, 28),
            new("Ngày vào danh sách", ReportCellKind.Text, 14), new("Tiêu chí", ReportCellKind.Text, 12),
            new("Người giúp đỡ", ReportCellKind.Text, 24), new("Kết quả", ReportCellKind.Text, 22),
        ])
        { SheetName = "Danh sách", EmptyText = "Không có đảng viên nào được đưa vào danh sách trong kỳ." };
        var n = 0;
        foreach (var c in cases)
        {
            list.AddRow(CountTable.Key(c.Id), ++n, new ReportCell(c.MemberName, $"/Screening/Case/{c.Id}"), c.CellName, Format.Date(c.ListedOn),
                string.Join(", ", c.Reasons), c.HelperName, c.Outcome.DisplayName());
        }
        list.Notes.Add("Tiêu chí: " + string.Join("; ", Enum.GetValues<ReasonCode>().Select(r => $"{r} – {r.DisplayName()}")) + ".");
        return [byYear, byUnit, list];
    }
}
