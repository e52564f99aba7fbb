using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Pages.Members;
using PartyRoster.Web.Tests.Infrastructure;
using Format = PartyRoster.Web.Infrastructure.Format;
using Member = PartyRoster.Domain.Members.Member;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>"Xuất Excel" / "Xuất CSV" on the roster: every matching member in the user's scope, streamed, audited.</summary>
public sealed class RosterExportTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string expectedType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedType, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Contains(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), disposition.FileNameStar ?? disposition.FileName, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The first sheet's cells as Excel would show them, read with the Open XML SDK's own object model.</summary>
    private static (List<List<Cell>> Rows, Stylesheet Styles) OpenSheet(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        Assert.Equal("Đảng viên", workbook.Workbook.Descendants<Sheet>().First().Name!.Value);
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => (Cell)c.CloneNode(true)).ToList()).ToList();
        return (rows, (Stylesheet)workbook.WorkbookStylesPart!.Stylesheet.CloneNode(true));
    }

    private static int ColumnOf(List<Cell> header, string text) =>
        XlsxReader.ColumnIndex(header.Single(c => c.InlineString!.InnerText == text).CellReference!.Value!);

    private static Cell? CellAt(List<Cell> row, int column) =>
        row.FirstOrDefault(c => XlsxReader.ColumnIndex(c.CellReference!.Value!) == column);

    private static string Text(List<Cell> row, int column) => CellAt(row, column)?.InlineString?.InnerText ?? "";

    [Fact]
    public async Task ExportXlsx_ByDept_HasVietnameseHeadersRealDatesAndEveryMemberOnTheRoll()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("dept");
        var expected = await fx.Factory.WithDbAsync(db => db.Members.CountAsync(m => m.RollState == RollState.Active
            || m.RollState == RollState.ExemptFromActivities || m.RollState == RollState.TemporarilyAway));

        var (rows, styles) = OpenSheet(await DownloadAsync(client, "/Members?handler=Export&format=xlsx", XlsxWriter.ContentType));

        var header = rows[0];
        Assert.Equal(MemberSheet.All.Select(f => f.Header), header.Select(c => c.InlineString!.InnerText));
        Assert.Equal(["Họ và tên", "Họ và tên khai sinh", "Bí danh", "Giới tính", "Ngày sinh"], header.Take(5).Select(c => c.InlineString!.InnerText));
        Assert.Contains("Số CCCD", header.Select(c => c.InlineString!.InnerText));
        Assert.Equal("Tình trạng", header[^1].InlineString!.InnerText);
        Assert.Equal(expected, rows.Count - 1);

        var member = w.MemberOf(w.CellB1, 4); // "Đặng Văn Đức"
        var nameColumn = ColumnOf(header, "Họ và tên");
        var row = rows.Skip(1).Single(r => Text(r, ColumnOf(header, "Số CCCD")) == member.CitizenId);
        Assert.Equal("Đặng Văn Đức", Text(row, nameColumn));
        Assert.Equal("Nam", Text(row, ColumnOf(header, "Giới tính")));
        Assert.Equal(w.CellB1.Name, Text(row, ColumnOf(header, "Chi bộ")));
        Assert.Equal("Đang sinh hoạt", Text(row, ColumnOf(header, "Tình trạng")));

        var birth = CellAt(row, ColumnOf(header, "Ngày sinh"))!;
        Assert.Null(birth.DataType);
        Assert.Equal(member.DateOfBirth, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(birth.CellValue!.Text, CultureInfo.InvariantCulture))));
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)birth.StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Equal("dd/mm/yyyy", styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value);

        var partyAge = CellAt(row, ColumnOf(header, "Tuổi đảng"))!;
        Assert.Null(partyAge.DataType);
        Assert.Equal(MemberRules.AgeOn(member.AdmissionDecisionDate, Today).ToString(CultureInfo.InvariantCulture), partyAge.CellValue!.Text);

        // In roster order: by given name, then family name.
        var names = rows.Skip(1).Select(r => Text(r, nameColumn)).ToList();
        Assert.Equal(names.OrderBy(VietnameseName.SortKey, StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task ExportXlsx_BySecretary_ContainsOnlyTheirCell()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");

        var (rows, _) = OpenSheet(await DownloadAsync(client, "/Members?handler=Export&format=xlsx", XlsxWriter.ContentType));

        var cellColumn = ColumnOf(rows[0], "Chi bộ");
        var expected = await fx.Factory.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == w.CellA1.Id && m.RollState == RollState.Active));
        Assert.Equal(expected, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal(w.CellA1.Name, Text(r, cellColumn)));
        var citizenIds = rows.Skip(1).Select(r => (string?)Text(r, ColumnOf(rows[0], "Số CCCD"))).ToList();
        Assert.DoesNotContain(w.MemberOf(w.CellB1).CitizenId, citizenIds);
    }

    [Fact]
    public async Task ExportCsv_HasAByteOrderMark_AndTheSameRowsAsTheWorkbook()
    {
        var client = await fx.ClientForAsync("committeeA");

        var xlsx = await DownloadAsync(client, "/Members?handler=Export&format=xlsx&State=all", XlsxWriter.ContentType);
        var csv = await DownloadAsync(client, "/Members?handler=Export&format=csv&State=all", "text/csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var firstLine = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n")[0];
        Assert.StartsWith("Họ và tên,Họ và tên khai sinh,Bí danh,Giới tính,Ngày sinh,", firstLine, StringComparison.Ordinal);
        var fromCsv = CsvTable.Read(new MemoryStream(csv)).Select(r => r.Cells).ToList();
        var fromXlsx = XlsxReader.ReadFirstSheet(new MemoryStream(xlsx), 10_000_000).Select(r => r.Cells).ToList();
        Assert.Equal(10 + 1, fromCsv.Count); // committee A: cells A1 and A2, five members each
        Assert.Equal(fromXlsx.Count, fromCsv.Count);
        for (var i = 0; i < fromCsv.Count; i++)
            Assert.Equal(fromXlsx[i].Concat(Enumerable.Repeat("", fromCsv[i].Count - fromXlsx[i].Count)), fromCsv[i]);
    }

    [Fact]
    public async Task Export_HoldsEveryMatchNotOnlyThePage_AndIsAuditedWithFilterAndCount()
    {
        var w = fx.World;
        var cellId = await fx.Factory.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.SingleAsync(o => o.Id == w.CommitteeB.Id);
            var cell = new Organization("Chi bộ Đông Đảo", OrganizationKind.Cell, parent, new DateOnly(2000, 1, 1));
            db.Organizations.Add(cell);
            await db.SaveChangesAsync();
            cell.AssignPath();
            for (var i = 0; i < MemberSearch.DefaultPageSize + 12; i++)
            {
                db.Members.Add(new Member(
                    new MemberProfile { FullName = $"Vũ Văn Đông {(char)('A' + i % 26)}{i}", Gender = Gender.Male, DateOfBirth = new DateOnly(1980, 1, 1).AddDays(i), Ethnicity = "Kinh" },
                    new MemberAdmission { AdmissionDecisionDate = new DateOnly(2010, 1, 1), AdmissionCeremonyDate = new DateOnly(2010, 2, 1) },
                    cell));
            }
            await db.SaveChangesAsync();
            return cell.Id;
        });
        var client = await fx.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, $"/Members?OrganizationId={cellId}");
        Assert.Equal(MemberSearch.DefaultPageSize, page.QuerySelectorAll("#members tbody tr").Length);
        var link = page.QuerySelector("#export-xlsx")!.GetAttribute("href")!;
        Assert.Contains($"OrganizationId={cellId}", link, StringComparison.Ordinal);

        var (rows, _) = OpenSheet(await DownloadAsync(client, link, XlsxWriter.ContentType));

        Assert.Equal(MemberSearch.DefaultPageSize + 12, rows.Count - 1);
        var entry = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == IndexModel.ExportAuditType).OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("Xuất danh sách", entry.Action);
        Assert.Equal(fx.World.Emails["dept"], entry.UserName);
        Assert.Contains("Chi bộ Đông Đảo", entry.Changes, StringComparison.Ordinal);
        Assert.Contains($"\"Rows\":[null,\"{MemberSearch.DefaultPageSize + 12}\"]", entry.Changes, StringComparison.Ordinal);
        Assert.Equal("xlsx", entry.EntityId);
        Assert.Contains($"danh-sach-dang-vien_{Today:yyyy-MM-dd}.xlsx", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfANameSearch_HoldsOnlyTheMatches()
    {
        var client = await fx.ClientForAsync("dept");

        var csv = await DownloadAsync(client, "/Members?handler=Export&format=csv&Q=nguyen+van+an", "text/csv");

        var rows = CsvTable.Read(new MemoryStream(csv)).ToList();
        Assert.Equal(4, rows.Count - 1); // one "Nguyễn Văn An" in each of the four cells
        Assert.All(rows.Skip(1), r => Assert.Equal("Nguyễn Văn An", r[0]));
    }

    [Fact]
    public async Task ExportLinks_OfASearch_DownloadTheirOwnFormat_WithTheSearchKept()
    {
        var client = await fx.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+van+an");
        var xlsxLink = page.QuerySelector("#export-xlsx")!.GetAttribute("href")!;
        var csvLink = page.QuerySelector("#export-csv")!.GetAttribute("href")!;
        Assert.Contains("format=xlsx", xlsxLink, StringComparison.Ordinal);
        Assert.Contains("format=csv", csvLink, StringComparison.Ordinal);

        var xlsx = await DownloadAsync(client, xlsxLink, XlsxWriter.ContentType);
        var csv = await DownloadAsync(client, csvLink, "text/csv");

        Assert.Equal(5, XlsxReader.ReadFirstSheet(new MemoryStream(xlsx), 10_000_000).Count()); // header + four "Nguyễn Văn An"
        var rows = CsvTable.Read(new MemoryStream(csv)).ToList();
        Assert.Equal("Họ và tên", rows[0][0]);
        Assert.Equal(4, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("Nguyễn Văn An", r[0]));
    }

    [Fact]
    public async Task Export_NeedsViewMembers()
    {
        var client = await fx.ClientForAsync("admin");
        var response = await client.GetAsync("/Members?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
