using System.Net;
using AngleSharp.Html.Dom;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>Statistics reports on the known dataset of <see cref="ReportWorldFixture"/> (SQLite).</summary>
public sealed class ReportsTests(ReportWorldFixture fx) : ReportsTestsBase(fx), IClassFixture<ReportWorldFixture>;

/// <summary>The same reports on PostgreSQL.</summary>
public sealed class ReportsPostgresTests(PostgresReportWorldFixture fx) : ReportsTestsBase(fx), IClassFixture<PostgresReportWorldFixture>;

/// <summary>Statistics reports on a known dataset: exact numbers, scope, links.</summary>
public abstract class ReportsTestsBase(ReportWorldFixture fx)
{
    private const string Period = "FromYear=2021&ToYear=2023";

    /// <summary>The cells of the row with <paramref name="key"/> in table <paramref name="table"/>, as shown.</summary>
    private static string[] Row(IHtmlDocument page, string table, string key) =>
        page.QuerySelector($"#{table} tr[data-key='{key}']")?.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()
        ?? throw new Xunit.Sdk.XunitException($"No row {key} in #{table}");

    [Fact]
    public async Task Removals_CountEachReasonPerYear_AsCommitteesPublishThem()
    {
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/removals?{Period}");

        // Năm | Tổng số | vi phạm Điều lệ | vi phạm chuyển sinh hoạt | khai trừ | xin ra khỏi Đảng
        Assert.Equal(["2021", "1", "0", "0", "0", "1"], Row(page, "removals-by-year", "2021"));
        Assert.Equal(["2022", "2", "0", "1", "1", "0"], Row(page, "removals-by-year", "2022"));
        Assert.Equal(["2023", "2", "2", "0", "0", "0"], Row(page, "removals-by-year", "2023"));
        Assert.Equal(["Tổng cộng", "5", "2", "1", "1", "1"], Row(page, "removals-by-year", "total"));
        var headers = page.QuerySelectorAll("#removals-by-year th").Select(th => th.TextContent.Trim()).ToArray();
        Assert.Equal(["Năm", "Tổng số đưa ra khỏi Đảng", "Xóa tên do vi phạm Điều lệ Đảng", "Xóa tên do vi phạm quy định chuyển sinh hoạt đảng", "Khai trừ", "Xin ra khỏi Đảng"], headers);

        // Per grassroots organisation (the managing committee's children).
        var w = fx.W;
        Assert.Equal([w.CommitteeA.Name, "3", "2", "1", "0", "0"], Row(page, "removals-by-unit", w.CommitteeA.Id.ToString()));
        Assert.Equal([w.CommitteeB.Name, "2", "0", "0", "1", "1"], Row(page, "removals-by-unit", w.CommitteeB.Id.ToString()));
        Assert.Equal([w.GrassrootsCell.Name, "0", "0", "0", "0", "0"], Row(page, "removals-by-unit", w.GrassrootsCell.Id.ToString()));

        // Members taken off the roll with no case are counted, and said so.
        var notes = page.QuerySelector("#removals-by-year")!.TextContent;
        Assert.Contains("Trong đó 2 đảng viên ra khỏi danh sách không có hồ sơ rà soát", notes, StringComparison.Ordinal);
        Assert.Contains("Điều lệ Đảng", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removals_EachFigureLinksToTheRegisterListingExactlyThoseMembers()
    {
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/removals?{Period}");
        var cells = page.QuerySelectorAll("#removals-by-year tr[data-key='2023'] td");
        var charter = cells[2].QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("/Registers/Left?FromYear=2023&ToYear=2023&Reason=CharterViolation", charter);

        var register = await Forms.GetDocumentAsync(client, charter);
        var names = register.QuerySelectorAll(".register-group tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal(2, names.Count);
        Assert.Contains(fx.W.MemberOf(fx.W.CellA1, 1).FullName, names);
        Assert.Contains(fx.W.MemberOf(fx.W.CellA2, 0).FullName, names);

        var transfer = await Forms.GetDocumentAsync(client, "/Registers/Left?FromYear=2021&ToYear=2023&Reason=TransferViolation");
        var row = Assert.Single(transfer.QuerySelectorAll(".register-group tbody tr"));
        Assert.Equal($"/Members/Details/{fx.W.MemberOf(fx.W.CellA1, 0).Id}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Admissions_CountAdmittedRecognisedDeceasedAndRemovedPerYear()
    {
        var client = await fx.World.ClientForAsync("standing");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/admissions?{Period}");
        // Năm | Kết nạp | Công nhận chính thức | Từ trần | Đưa ra khỏi Đảng
        Assert.Equal(["2021", "1", "0", "0", "1"], Row(page, "admissions-by-year", "2021"));
        Assert.Equal(["2022", "0", "1", "1", "2"], Row(page, "admissions-by-year", "2022"));
        Assert.Equal(["2023", "1", "0", "0", "2"], Row(page, "admissions-by-year", "2023"));
        Assert.Equal(["Tổng cộng", "2", "1", "1", "5"], Row(page, "admissions-by-year", "total"));
        Assert.Equal("/Registers/Admitted?Year=2023", page.QuerySelector("#admissions-by-year tr[data-key='2023'] td:nth-child(2) a")!.GetAttribute("href"));

        var admitted = await Forms.GetDocumentAsync(client, "/Registers/Admitted?Year=2023");
        Assert.Equal("1", admitted.QuerySelector("#admitted-total")!.TextContent.Trim());
        Assert.Contains("Vũ Văn Dự Bị", admitted.QuerySelector("#admitted")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpList_CountsMembersListedInThePeriod_ByOutcome_AndListsThem()
    {
        var client = await fx.World.ClientForAsync("inspector");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/help-list?{Period}");
        // Năm | Đưa vào danh sách | Đang giúp đỡ | Đang xem xét | Tiến bộ | Xóa tên | Khai trừ | Rút hồ sơ
        Assert.Equal(["2022", "1", "1", "0", "0", "0", "0", "0"], Row(page, "help-by-year", "2022"));
        Assert.Equal(["Tổng cộng", "1", "1", "0", "0", "0", "0", "0"], Row(page, "help-by-year", "total"));
        var line = Row(page, "help-list", fx.HelpCaseId.ToString());
        Assert.Equal(["1", fx.W.MemberOf(fx.W.CellA2, 1).FullName, fx.W.CellA2.Name, "20/01/2022", "C4, C5", "", "Đang giáo dục, giúp đỡ"], line);
    }

    [Fact]
    public async Task Committee_SeesOnlyItsSubtree_AndAnotherOrganisationIsNotFound()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("committeeA");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/removals?{Period}");
        Assert.Equal(["Tổng cộng", "3", "2", "1", "0", "0"], Row(page, "removals-by-year", "total"));
        // Its rows are its own children: the sub-committee (with cell A2) and cell A1.
        Assert.Equal([w.SubCommitteeA.Name, "1", "1", "0", "0", "0"], Row(page, "removals-by-unit", w.SubCommitteeA.Id.ToString()));
        Assert.Equal([w.CellA1.Name, "2", "1", "1", "0", "0"], Row(page, "removals-by-unit", w.CellA1.Id.ToString()));
        Assert.DoesNotContain(w.CommitteeB.Name, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await Forms.GetDocumentAsync(client, $"/Reports/removals?OrganizationId={w.CommitteeB.Id}", HttpStatusCode.NotFound);
        var sub = await Forms.GetDocumentAsync(client, $"/Reports/removals?{Period}&OrganizationId={w.SubCommitteeA.Id}");
        Assert.Equal(["Tổng cộng", "1", "1", "0", "0", "0"], Row(sub, "removals-by-year", "total"));
    }

    [Fact]
    public async Task Secretary_IsRefusedReports_AndAnUnknownReportIsNotFound()
    {
        var secretary = await fx.World.ClientForAsync("secretaryA1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/Reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/Reports/removals")).StatusCode);
        var dept = await fx.World.ClientForAsync("dept");
        await Forms.GetDocumentAsync(dept, "/Reports/no-such-report", HttpStatusCode.NotFound);
        var index = await Forms.GetDocumentAsync(dept, "/Reports");
        Assert.Equal(["roll", "removals", "admissions", "help-list", "attendance", "ratings", "dues"],
            index.QuerySelectorAll("#report-list [data-report]").Select(a => a.GetAttribute("data-report")!));
    }

    [Fact]
    public async Task PrintedReport_HasTheCommitteeHeading_PeriodAndSignatureBlock()
    {
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, $"/Reports/removals?{Period}");
        var heading = page.QuerySelector(".report-heading")!.TextContent;
        Assert.Contains(fx.W.Root.Name, heading, StringComparison.Ordinal);
        Assert.Contains("Từ năm 2021 đến năm 2023", heading, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", heading, StringComparison.Ordinal);
        var signatures = page.QuerySelector(".report-signatures")!.TextContent;
        Assert.Contains("NGƯỜI LẬP BIỂU", signatures, StringComparison.Ordinal);
        Assert.Contains("T/M BAN THƯỜNG VỤ", signatures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roll_CountsMembersOnTheRollTodayPerOrganisation()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Reports/roll");
        // Tổng | Chính thức | Dự bị | Miễn | Tạm thời nơi khác. A: 10 − 3 removed + 1 admitted; B: 5 − 3 left + 1 probationary; G: 5 − 2.
        Assert.Equal([w.CommitteeA.Name, "8", "8", "0", "0", "0"], Row(page, "roll-by-unit", w.CommitteeA.Id.ToString()));
        Assert.Equal([w.CommitteeB.Name, "3", "2", "1", "0", "0"], Row(page, "roll-by-unit", w.CommitteeB.Id.ToString()));
        Assert.Equal(["Tổng cộng", "14", "13", "1", "0", "0"], Row(page, "roll-by-unit", "total"));
        Assert.Equal($"/Members?OrganizationId={w.CommitteeB.Id}&Standing=Probationary",
            page.QuerySelector($"#roll-by-unit tr[data-key='{w.CommitteeB.Id}'] td:nth-child(4) a")!.GetAttribute("href"));
    }
}
