using PartyRoster.Domain.Members;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Đưa đảng viên ra khỏi Đảng: removals by reason, per year and per organisation, as committees publish them.</summary>
public sealed class RemovalsReport : IReport
{
    public string Key => "removals";
    public string Title => "Kết quả đưa đảng viên ra khỏi Đảng";
    public string Description => "Số đảng viên bị xóa tên (do vi phạm Điều lệ, do vi phạm quy định chuyển sinh hoạt), khai trừ, xin ra khỏi Đảng; theo năm và theo tổ chức.";
    public int Order => 1;
    public ReportPeriodKind Period => ReportPeriodKind.Years;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var counts = await RosterFigures.RemovalsAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var withoutCase = await RosterFigures.RemovalsWithoutCaseAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var chosen = ctx.Scope.Chosen?.Id;

        long Count(Func<RosterFigures.RemovalCount, bool> where, RemovalReason? reason) =>
            counts.Where(c => where(c) && (reason is null || c.Reason == reason)).Sum(c => (long)c.Count);

        IReadOnlyList<CountColumn<T>> Columns<T>(Func<T, RosterFigures.RemovalCount, bool> match, Func<T, RemovalReason?, string> href) =>
        [
            new("Tổng số đưa ra khỏi Đảng", k => Count(c => match(k, c), null), k => href(k, null)),
            .. ReportCategories.RemovalReasons.Select(r => new CountColumn<T>(r.DisplayName(), k => Count(c => match(k, c), r), k => href(k, r))),
        ];

        var byYear = CountTable.Build("removals-by-year", $"Đảng viên bị đưa ra khỏi Đảng theo năm ({ctx.PeriodText.ToLowerInvariant()})", "Năm",
            ctx.YearRows,
            Columns<int>((y, c) => c.Year == y, (y, r) => ReportLinks.Left(y, y, r, chosen)), keyWidth: 12);
        byYear.Notes.Add("Xóa tên do vi phạm quy định chuyển sinh hoạt đảng: quyết định xóa tên có căn cứ \"" +
                         DirectRemovalGround.TransferViolation.DisplayName() + "\"; mọi trường hợp xóa tên khác tính là vi phạm Điều lệ Đảng.");
        var direct = withoutCase.Values.Sum();
        if (direct > 0)
        {
            byYear.Notes.Add($"Trong đó {Format.Number(direct)} đảng viên ra khỏi danh sách không có hồ sơ rà soát trong hệ thống (Ban Tổ chức ghi nhận trực tiếp): " +
                             string.Join(", ", withoutCase.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.DisplayName().ToLowerInvariant()} {Format.Number(kv.Value)}")) +
                             "; tính theo trạng thái trên danh sách đảng viên, người bị xóa tên tính là vi phạm Điều lệ Đảng.");
        }
        byYear.Notes.Add("Căn cứ: " + LegalBases.DieuLe.Citation + ", Điều 8; " + LegalBases.QuyDinh294.Citation + "; " + LegalBases.HuongDan02.Citation + ".");

        var byUnit = CountTable.Build("removals-by-unit", $"Đảng viên bị đưa ra khỏi Đảng theo tổ chức ({ctx.PeriodText.ToLowerInvariant()})", "Tổ chức",
            ctx.UnitRows,
            Columns<int>((id, c) => ctx.Scope.UnitOf(c.OrganizationId)?.Id == id, (id, r) => ReportLinks.Left(ctx.FromYear, ctx.ToYear, r, id)));

        return [byYear, byUnit];
    }
}
