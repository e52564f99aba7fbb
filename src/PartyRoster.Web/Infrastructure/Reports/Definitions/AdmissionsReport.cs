using PartyRoster.Domain.Rules;

namespace PartyRoster.Web.Infrastructure.Reports.Definitions;

/// <summary>Kết nạp, công nhận chính thức, từ trần: the yearly flows of the roll, per year and per organisation.</summary>
public sealed class AdmissionsReport : IReport
{
    public string Key => "admissions";
    public string Title => "Kết nạp đảng viên, công nhận chính thức và đảng viên từ trần";
    public string Description => "Số đảng viên được kết nạp, được công nhận chính thức, từ trần và bị đưa ra khỏi Đảng trong từng năm và ở từng tổ chức.";
    public int Order => 2;
    public ReportPeriodKind Period => ReportPeriodKind.Years;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct)
    {
        var admitted = await RosterFigures.AdmissionsAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var recognised = await RosterFigures.RecognisedAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var deaths = await RosterFigures.DeathsAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var removals = await RosterFigures.RemovalsAsync(ctx.Db, ctx.Scope, ctx.From, ctx.To, ct);
        var chosen = ctx.Scope.Chosen?.Id;

        var byYear = CountTable.Build("admissions-by-year", $"Theo năm ({ctx.PeriodText.ToLowerInvariant()})", "Năm", ctx.YearRows,
        [
            new CountColumn<int>("Kết nạp", y => admitted.Where(c => c.Year == y).Sum(c => (long)c.Count), y => ReportLinks.Admitted(y, chosen)),
            new CountColumn<int>("Công nhận chính thức", y => recognised.Where(c => c.Year == y).Sum(c => (long)c.Count)),
            new CountColumn<int>("Từ trần", y => deaths.Where(c => c.Year == y).Sum(c => (long)c.Count), y => ReportLinks.Deceased(y, chosen)),
            new CountColumn<int>("Đưa ra khỏi Đảng", y => removals.Where(c => c.Year == y).Sum(c => (long)c.Count), y => ReportLinks.Left(y, y, null, chosen)),
        ], keyWidth: 12);
        byYear.Notes.Add("Kết nạp: theo ngày quyết định kết nạp; công nhận chính thức: theo ngày công nhận; từ trần, đưa ra khỏi Đảng: theo ngày ra khỏi danh sách. " +
                         "Đảng viên được tính ở tổ chức đảng nơi đang (hoặc sinh hoạt lần cuối) theo hồ sơ.");
        byYear.Notes.Add("Căn cứ: " + LegalBases.DieuLe.Citation + "; " + LegalBases.QuyDinh294.Citation + ".");

        var byUnit = CountTable.Build("admissions-by-unit", $"Theo tổ chức ({ctx.PeriodText.ToLowerInvariant()})", "Tổ chức", ctx.UnitRows,
        [
            new CountColumn<int>("Kết nạp", id => admitted.Where(c => InUnit(ctx, c.OrganizationId, id)).Sum(c => (long)c.Count)),
            new CountColumn<int>("Công nhận chính thức", id => recognised.Where(c => InUnit(ctx, c.OrganizationId, id)).Sum(c => (long)c.Count)),
            new CountColumn<int>("Từ trần", id => deaths.Where(c => InUnit(ctx, c.OrganizationId, id)).Sum(c => (long)c.Count)),
            new CountColumn<int>("Đưa ra khỏi Đảng", id => removals.Where(c => InUnit(ctx, c.OrganizationId, id)).Sum(c => (long)c.Count),
                id => ReportLinks.Left(ctx.FromYear, ctx.ToYear, null, id)),
        ]);
        return [byYear, byUnit];
    }

    private static bool InUnit(ReportContext ctx, int organizationId, int unitId) => ctx.Scope.UnitOf(organizationId)?.Id == unitId;
}
