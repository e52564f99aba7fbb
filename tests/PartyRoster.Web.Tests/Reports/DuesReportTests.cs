using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure.Reports;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>The dues report and the arrears year filter on the known dataset (SQLite).</summary>
public sealed class DuesReportTests(ReportWorldFixture fx) : DuesReportTestsBase(fx), IClassFixture<ReportWorldFixture>;

/// <summary>The same on PostgreSQL: the grouped SUM and the paid-month masks must translate there too.</summary>
public sealed class DuesReportPostgresTests(PostgresReportWorldFixture fx) : DuesReportTestsBase(fx), IClassFixture<PostgresReportWorldFixture>;

/// <summary>Dues compliance per cell (see <see cref="ReportWorldFixture"/>'s dues for where each number comes from).</summary>
public abstract class DuesReportTestsBase(ReportWorldFixture fx)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string[] Row(IHtmlDocument page, string table, string key) =>
        page.QuerySelector($"#{table} tr[data-key='{key}']")?.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()
        ?? throw new Xunit.Sdk.XunitException($"No row {key} in #{table}");

    [Fact]
    public async Task Report2023_CountsOwedPaidAndUnpaidMonthsPerCell_WithTheExemptAndTheMidYearMember()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Reports/dues?Year=2023");

        var headers = page.QuerySelectorAll("#dues-by-cell th").Select(th => th.TextContent.Trim()).ToArray();
        Assert.Equal(["Chi bộ", "Đảng viên phải đóng", "Số tháng phải đóng", "Số tháng đã đóng", "Số tháng chưa đóng", "Tỷ lệ đã đóng (%)",
            "Số tiền đã thu (đ)", "Đảng viên chưa đóng từ 3 tháng"], headers);
        // A1: the removed member owed January–April, the exempt member nothing; 22 of 28 months paid (two of them late).
        Assert.Equal([w.CellA1.Name, "3", "28", "22", "6", "78,6%", "3.800.000", "1"], Row(page, "dues-by-cell", Id(w.CellA1.Id)));
        // B1: the member admitted on 01/03/2023 owed March–December; the member who withdrew this year counts for 2023.
        Assert.Equal([w.CellB1.Name, "3", "34", "29", "5", "85,3%", "310.000", "1"], Row(page, "dues-by-cell", Id(w.CellB1.Id)));
        Assert.Equal([w.CellA2.Name, "0", "0", "0", "0", "0,0%", "0", "0"], Row(page, "dues-by-cell", Id(w.CellA2.Id)));
        Assert.Equal(["Tổng cộng", "6", "62", "51", "11", "82,3%", "4.110.000", "2"], Row(page, "dues-by-cell", "total"));
        Assert.Contains("TÌNH HÌNH THU NỘP ĐẢNG PHÍ", page.QuerySelector(".report-heading")!.TextContent.ToUpper(new CultureInfo("vi-VN")), StringComparison.Ordinal);

        // A committee sees its own cells only.
        var committee = await fx.World.ClientForAsync("committeeA");
        var own = await Forms.GetDocumentAsync(committee, "/Reports/dues?Year=2023");
        Assert.Equal(["Tổng cộng", "3", "28", "22", "6", "78,6%", "3.800.000", "1"], Row(own, "dues-by-cell", "total"));
        Assert.Null(own.QuerySelector($"#dues-by-cell tr[data-key='{w.CellB1.Id}']"));
        await Forms.GetDocumentAsync(committee, $"/Reports/dues?Year=2023&OrganizationId={w.CommitteeB.Id}", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReportFigures_LinkToTheCellsArrearsForTheYear_WhichListExactlyTheUnpaidMonths()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Reports/dues?Year=2023");
        var cells = page.QuerySelectorAll($"#dues-by-cell tr[data-key='{w.CellA1.Id}'] td");
        var unpaid = cells[4].QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/Dues/Arrears?orgId={w.CellA1.Id}&year=2023", unpaid);
        var flagged = cells[7].QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/Dues/Arrears?orgId={w.CellA1.Id}&year=2023&minMonths=3", flagged);

        // The year's list: the removed member (03, 04/2023 at 100.000 đ) and A1[3] (09–12/2023 at 150.000 đ).
        var arrears = await Forms.GetDocumentAsync(client, unpaid);
        Assert.Equal("2", arrears.QuerySelector("#in-arrears")!.TextContent.Trim());
        Assert.Equal("800.000 đ", arrears.QuerySelector("#amount-owed")!.TextContent.Trim());
        var months = arrears.QuerySelectorAll("#arrears-members tbody tr").ToDictionary(tr => tr.Id!, tr => tr.QuerySelector("[data-cell=months]")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string>
        {
            [$"member-{w.MemberOf(w.CellA1, 1).Id}"] = "2",
            [$"member-{w.MemberOf(w.CellA1, 3).Id}"] = "4",
        }, months);
        Assert.Contains("01/2023 – 12/2023", arrears.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var three = await Forms.GetDocumentAsync(client, flagged);
        var row = Assert.Single(three.QuerySelectorAll("#arrears-members tbody tr"));
        Assert.Equal($"member-{w.MemberOf(w.CellA1, 3).Id}", row.Id);
        Assert.Equal("600.000 đ", three.QuerySelector("#amount-owed")!.TextContent.Trim());

        // The mid-year member of B1: 08–12/2023 unpaid.
        var b1 = await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CellB1.Id}&year=2023");
        var mid = Assert.Single(b1.QuerySelectorAll("#arrears-members tbody tr"));
        Assert.Equal($"member-{fx.MidYearMemberId}", mid.Id);
        Assert.Contains("08/2023, 09/2023, 10/2023, 11/2023, 12/2023", mid.TextContent, StringComparison.Ordinal);

        // For a committee, the year's cells with their totals.
        var committee = await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.Root.Id}&year=2023");
        Assert.Equal("3", committee.QuerySelector("#in-arrears")!.TextContent.Trim());
        Assert.Equal("2", committee.QuerySelector($"#cell-{w.CellA1.Id} [data-cell=in-arrears]")!.TextContent.Trim());
        Assert.Equal("1", committee.QuerySelector($"#cell-{w.CellB1.Id} [data-cell=in-arrears]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Arrears_WithoutAYear_KeepsTheLastTwelveEndedMonths()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("secretaryB1");
        var page = await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CellB1.Id}");
        // Nobody in B1 paid after 2023: the student and B1[3] owe all twelve months; the member who withdrew is not listed.
        var months = page.QuerySelectorAll("#arrears-members tbody tr").ToDictionary(tr => tr.Id!, tr => tr.QuerySelector("[data-cell=months]")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string>
        {
            [$"member-{fx.MidYearMemberId}"] = "12",
            [$"member-{w.MemberOf(w.CellB1, 3).Id}"] = "12",
        }, months);
        var (from, to) = DuesLedger.ArrearsWindow(fx.Today);
        Assert.Contains($"{DuesText.Month(from)} – {DuesText.Month(to)}", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#arrears-filter"));
        // A year not yet begun is not a filter; another cell's arrears stay out of reach.
        Assert.Null((await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CellB1.Id}&year={fx.Today.Year + 1}")).QuerySelector("#arrears-filter"));
        await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CellA1.Id}&year=2023", System.Net.HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The report reads months through <see cref="DuesSnapshot"/> and <see cref="DuesLedger.Due"/>; the signal's test is
    /// <see cref="DuesLedger.UnpaidMonths(DuesMember, IReadOnlyList{DuesBasis}, IReadOnlyCollection{DateOnly}, int, DateOnly, DuesRateBook?)"/>
    /// member by member. Both must give the same unpaid months per cell.
    /// </summary>
    [Fact]
    public async Task ReportUnpaidMonths_AgreeWithTheLedgerMemberByMember()
    {
        var today = fx.Today;
        foreach (var year in new[] { 2023, today.Year - 1, today.Year })
        {
            var (byCell, ledger) = await fx.Factory.WithDbAsync(async db =>
            {
                var cells = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell)
                    .Select(o => new MeetingCompliance.Cell(o.Id, o.Name, o.EstablishedOn)).ToListAsync();
                var stats = await DuesCompliance.ForYearAsync(db, cells, db.Organizations.Select(o => o.Id), year, today, 3, default);
                var members = await db.Members.AsNoTracking().ToListAsync();
                var bases = await db.DuesBases.AsNoTracking().ToListAsync();
                var paid = await db.DuesPayments.AsNoTracking().ToListAsync();
                var expected = members
                    .Where(m => m.AdmissionDecisionDate.Year <= year && (m.IsOnRoll || m.LeftOn >= new DateOnly(year, 1, 1)))
                    .GroupBy(m => m.OrganizationId)
                    .ToDictionary(g => g.Key, g => g.Sum(m => DuesLedger.UnpaidMonths(DuesMember.Of(m), [.. bases.Where(b => b.MemberId == m.Id)],
                        [.. paid.Where(p => p.MemberId == m.Id).Select(p => p.DuesMonth)], year, today).Count));
                return (stats.ToDictionary(s => s.Id, s => s.MonthsUnpaid), expected);
            });
            foreach (var (cell, unpaid) in byCell) Assert.True(ledger.GetValueOrDefault(cell) == unpaid, $"{year}, cell {cell}: report {unpaid}, ledger {ledger.GetValueOrDefault(cell)}");
            Assert.Equal(ledger.Values.Sum(), byCell.Values.Sum());
        }
    }

    [Fact]
    public async Task Report_ExportsToXlsx_WithNumbersAsNumbers()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Reports/dues?Year=2023");
        var link = page.QuerySelector("#report-actions a[data-export]")!.GetAttribute("href")!;
        Assert.Contains("handler=Xlsx", link, StringComparison.Ordinal);
        using var response = await client.GetAsync(link);
        var (name, rows) = Assert.Single(Workbooks.Sheets(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Thu nộp đảng phí", name);
        Assert.Equal("Số tiền đã thu (đ)", rows[0][6].Text);
        var b1 = Assert.Single(rows, r => r.FirstOrDefault().Text == w.CellB1.Name);
        Assert.Equal([("3", true), ("34", true), ("29", true), ("5", true), ("85.3", true), ("310000", true), ("1", true)], b1.Skip(1));
        var total = Assert.Single(rows, r => r.FirstOrDefault().Text == "Tổng cộng");
        Assert.Equal(("4110000", true), total[6]);
    }
}
