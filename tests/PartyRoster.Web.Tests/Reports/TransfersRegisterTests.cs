using System.Net;
using AngleSharp.Html.Dom;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>The transfers register on the known dataset (SQLite).</summary>
public sealed class TransfersRegisterTests(ReportWorldFixture fx) : TransfersRegisterTestsBase(fx), IClassFixture<ReportWorldFixture>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class TransfersRegisterPostgresTests(PostgresReportWorldFixture fx) : TransfersRegisterTestsBase(fx), IClassFixture<PostgresReportWorldFixture>;

/// <summary>Sổ theo dõi chuyển sinh hoạt đảng: the five transfers of <see cref="ReportWorldFixture"/>, its filters, scope and export.</summary>
public abstract class TransfersRegisterTestsBase(ReportWorldFixture fx)
{
    private static List<string[]> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#transfers tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];

    private static string Total(IHtmlDocument page) => page.QuerySelector("#transfers-total")!.TextContent.Trim();

    [Fact]
    public async Task Register_ListsEveryTransferInTheScope_InDateOrder_WithItsDates()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Registers/Transfers");
        Assert.Equal("5", Total(page));
        var rows = Rows(page);
        Assert.Equal(["Bùi Văn Chậm", "Lê Văn Cường", "Trịnh Văn Chuyển", "Lê Văn Cường", "Mai Văn Khách"], rows.Select(r => r[1]));
        // STT | Họ tên | Ngày sinh | Số thẻ | Loại | Từ | Đến | Số giấy | Ngày giới thiệu | Hạn trình | Ngày nhận | Tình trạng
        Assert.Equal(["1", "Bùi Văn Chậm", "04/04/1980", "TN900002", "Chuyển sinh hoạt chính thức đi", w.GrassrootsCell.Name,
            "Đảng bộ phường Hạ Long, tỉnh Quảng Ninh", "07-GGT/ĐU", "05/05/2022", "16/06/2022", "", "Chờ phiếu báo"], rows[0]);
        Assert.Equal(["2", "Lê Văn Cường", "01/03/1978", "TN000018", "Sinh hoạt tạm thời nơi khác", w.GrassrootsCell.Name,
            "Chi bộ Công trường Nhơn Trạch, Đảng bộ tỉnh Đồng Nai", "03-GGT/TT", "01/02/2023", "31/07/2023", "01/08/2023", "Đã trở về"], rows[1]);
        Assert.Equal(["3", "Trịnh Văn Chuyển", "04/04/1980", "TN900001", "Chuyển sinh hoạt chính thức đi", w.GrassrootsCell.Name,
            "Đảng bộ xã Hải Hậu, tỉnh Ninh Bình", "12-GGT/ĐU", "15/03/2023", "26/04/2023", "20/04/2023", "Đã có phiếu báo"], rows[2]);
        Assert.Equal(["4", "Lê Văn Cường", "01/03/1968", "TN000008", "Tiếp nhận sinh hoạt chính thức", "Đảng bộ phường Bến Nghé, Thành phố Hồ Chí Minh",
            w.CellA2.Name, "21-GGT/HU", "", "", "10/07/2023", "Hoàn tất"], rows[3]);
        Assert.Equal(["5", "Mai Văn Khách", "", "KH000123", "Đến sinh hoạt tạm thời", "Đảng bộ Trường Đại học Bách khoa Hà Nội",
            w.GrassrootsCell.Name, "15-GGT/TT", "01/09/2023", "31/08/2024", "", "Đang sinh hoạt tạm thời tại chi bộ"], rows[4]);

        var index = await Forms.GetDocumentAsync(client, "/Registers");
        Assert.NotNull(index.QuerySelector("a[href='/Registers/Transfers']"));
    }

    [Theory]
    [InlineData("Kind=OfficialOut", "Chuyển sinh hoạt chính thức đi", new[] { "Bùi Văn Chậm", "Trịnh Văn Chuyển" })]
    [InlineData("Kind=OfficialIn", "Tiếp nhận sinh hoạt chính thức", new[] { "Lê Văn Cường" })]
    [InlineData("Kind=TemporaryIn&Year=2023", "Đến sinh hoạt tạm thời, năm 2023", new[] { "Mai Văn Khách" })]
    [InlineData("Year=2023", "năm 2023", new[] { "Lê Văn Cường", "Trịnh Văn Chuyển", "Lê Văn Cường", "Mai Văn Khách" })]
    [InlineData("Year=2023&Quarter=1", "quý 1 năm 2023", new[] { "Lê Văn Cường", "Trịnh Văn Chuyển" })]
    [InlineData("Year=2023&Quarter=3", "quý 3 năm 2023", new[] { "Lê Văn Cường", "Mai Văn Khách" })]
    [InlineData("Year=2022&Kind=OfficialOut", "Chuyển sinh hoạt chính thức đi, năm 2022", new[] { "Bùi Văn Chậm" })]
    [InlineData("Year=2023&Quarter=4", "quý 4 năm 2023", new string[0])]
    public async Task Filters_ByKindYearAndQuarter(string query, string filterText, string[] names)
    {
        var client = await fx.World.ClientForAsync("inspector");
        var page = await Forms.GetDocumentAsync(client, "/Registers/Transfers?" + query);
        Assert.Equal(names, Rows(page).Select(r => r[1]));
        Assert.Equal(names.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Total(page));
        Assert.StartsWith(filterText, page.QuerySelector("#transfers-filter")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_SeesTransfersTouchingItsCells_Only()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("committeeA");
        var page = await Forms.GetDocumentAsync(client, "/Registers/Transfers");
        var row = Assert.Single(Rows(page));
        Assert.Equal("Tiếp nhận sinh hoạt chính thức", row[4]);
        // Another grassroots organisation's id: an empty register that names nothing.
        var other = await Forms.GetDocumentAsync(client, $"/Registers/Transfers?OrganizationId={w.GrassrootsCell.Id}");
        Assert.Equal("0", Total(other));
        Assert.DoesNotContain("Trịnh Văn Chuyển", other.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var secretary = await fx.World.ClientForAsync("secretaryA1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/Registers/Transfers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/Registers/Transfers?handler=Xlsx")).StatusCode);
    }

    [Fact]
    public async Task Export_WritesTheFilteredTransfers_WithRealDates()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Registers/Transfers?Kind=OfficialOut&Year=2023");
        var link = page.QuerySelector("a[data-export]")!.GetAttribute("href")!;
        using var response = await client.GetAsync(link);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var (name, rows) = Assert.Single(Workbooks.Sheets(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Chuyển sinh hoạt đảng", name);
        Assert.Equal(["STT", "Họ và tên", "Ngày sinh", "Số thẻ đảng viên", "Loại", "Từ tổ chức đảng", "Đến tổ chức đảng", "Số giấy giới thiệu",
            "Ngày giới thiệu", "Hạn trình / hết hạn", "Ngày nhận", "Tình trạng"], rows[0].Select(c => c.Text));
        Assert.Equal(2, rows.Count);
        // 15/03/2023, 26/04/2023 and 20/04/2023 as Excel day numbers.
        Assert.Equal([("1", true), ("Trịnh Văn Chuyển", false), ("29315", true), ("TN900001", false), ("Chuyển sinh hoạt chính thức đi", false),
            (w.GrassrootsCell.Name, false), ("Đảng bộ xã Hải Hậu, tỉnh Ninh Bình", false), ("12-GGT/ĐU", false), ("45000", true), ("45042", true),
            ("45036", true), ("Đã có phiếu báo", false)], rows[1]);
    }
}
