using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Số lượng đảng viên: members on the roll today by standing and roll state, per organisation.</summary>
public sealed class RollReport : IReport
{
    public string Key => "roll";
    public string Title => "Số lượng đảng viên";
    public string Description => "Đảng viên đang trong danh sách đến ngày báo cáo: chính thức, dự bị, miễn công tác và sinh hoạt, sinh hoạt tạm thời nơi khác; theo tổ chức.";
    public int Order => 0;
    public ReportPeriodKind Period => ReportPeriodKind.Today;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var counts = await RosterFigures.OnRollAsync(ctx.Db, ctx.Scope, ct);
        long Sum(int unit, Func<RosterFigures.OnRollCount, bool> where) =>
            counts.Where(c => ctx.Scope.UnitOf(c.OrganizationId)?.Id == unit && where(c)).Sum(c => (long)c.Count);

        var table = CountTable.Build("roll-by-unit", $"Đảng viên đang trong danh sách đến ngày {Format.Date(ctx.Today)}", "Tổ chức", ctx.UnitRows,
        [
            new CountColumn<int>("Tổng số", id => Sum(id, _ => true), id => ReportLinks.Members(null, null, id)),
            new CountColumn<int>("Chính thức", id => Sum(id, c => c.Standing == Standing.Official), id => ReportLinks.Members(Standing.Official, null, id)),
            new CountColumn<int>("Dự bị", id => Sum(id, c => c.Standing == Standing.Probationary), id => ReportLinks.Members(Standing.Probationary, null, id)),
            new CountColumn<int>("Miễn công tác và sinh hoạt", id => Sum(id, c => c.State == RollState.ExemptFromActivities),
                id => ReportLinks.Members(null, RollState.ExemptFromActivities, id)),
            new CountColumn<int>("Sinh hoạt tạm thời nơi khác", id => Sum(id, c => c.State == RollState.TemporarilyAway),
                id => ReportLinks.Members(null, RollState.TemporarilyAway, id)),
        ]);
        table.Notes.Add("Miễn công tác và sinh hoạt, sinh hoạt tạm thời nơi khác: số đảng viên đã tính trong tổng số (chính thức hoặc dự bị).");
        return [table];
    }
}
