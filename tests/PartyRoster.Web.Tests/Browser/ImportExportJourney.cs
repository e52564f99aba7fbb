using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Pages.Members;
using PartyRoster.Web.Pages.Members.Import;
using PartyRoster.Web.Tests.ImportExport;
using Format = PartyRoster.Web.Infrastructure.Format;

namespace PartyRoster.Web.Tests.Browser;

/// <summary>
/// Ban Tổ chức brings a cell's paper list into the roster and takes it out again (issue #5 points 4 and 5): the
/// template, a first file with mistakes (row-level Vietnamese errors, nothing imported), the corrected file imported,
/// the new members found by a search typed without diacritics, and that search exported as .xlsx and .csv.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ImportExportJourney(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Names = ["Hoàng Thị Ánh Tuyết", "Hoàng Văn Khải", "Hoàng Thị Hương", "Hoàng Văn Long", "Hoàng Thị Lan"];

    [Fact]
    public async Task OrganizationDept_ImportsAFileWithMistakes_ThenCorrected_AndExportsTheSearch()
    {
        var cell = fx.World.CellA1;
        var today = Format.Today(TimeProvider.System);
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, "dept");

        // The template: one sheet to fill with the importable columns, one listing the cells in scope.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng viên", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ tệp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhập danh sách đảng viên từ tệp Excel hoặc CSV" })).ToBeVisibleAsync();
        var template = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Tải tệp mẫu (.xlsx)" }).ClickAsync());
        Assert.Equal(ImportTemplate.FileName, template.Name);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(template.Bytes), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Đảng viên", "Danh mục", "Hướng dẫn"], sheets);
        }
        var templateRows = XlsxReader.ReadFirstSheet(new MemoryStream(template.Bytes), 10_000_000).ToList();
        Assert.Equal(ImportKit.Headers, templateRows[0].Cells);
        Assert.Contains("Họ và tên", templateRows[0].Cells);
        Assert.Contains("Số CCCD", templateRows[0].Cells);

        // A first file with four mistakes: each is listed by row and column in Vietnamese, and nothing is imported.
        var rows = Names.Select((name, i) => ImportKit.Person(name, 700 + i, cell.Name, female: name.Contains("Thị", StringComparison.Ordinal))).ToList();
        var wrong = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        wrong[0]["Số CCCD"] = "0123";                         // row 2: too short
        wrong[2]["Số thẻ đảng viên"] = wrong[1]["Số thẻ đảng viên"]; // row 4: the card of row 3
        wrong[3]["Chi bộ"] = "Chi bộ Không Có";               // row 5: no such cell
        wrong[4]["Ngày sinh"] = "31/02/1980";                 // row 6: no such day
        await UploadAsync(page, ImportKit.Csv(wrong), "chi-bo-giao-vien-toan.csv");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kết quả kiểm tra tệp" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#count-rows")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("#count-new")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#count-error-rows")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#not-importable")).ToContainTextAsync("Tệp còn 4 lỗi ở 4 dòng. Khi còn lỗi, không dòng nào được nhập");
        await Assertions.Expect(page.Locator("#form-commit")).ToHaveCountAsync(0);
        var errors = page.Locator("#errors tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(4);
        await ExpectErrorAsync(errors.Nth(0), "2", "Số CCCD", "Số CCCD phải gồm đúng 12 chữ số.");
        await ExpectErrorAsync(errors.Nth(1), "4", "Số thẻ đảng viên", $"Số thẻ đảng viên {wrong[1]["Số thẻ đảng viên"]} trùng với dòng 3 trong tệp.");
        await ExpectErrorAsync(errors.Nth(2), "5", "Chi bộ", "Không tìm thấy chi bộ \"Chi bộ Không Có\" trong phạm vi quản lý của bạn.");
        await ExpectErrorAsync(errors.Nth(3), "6", "Ngày sinh", "Ngày sinh không hợp lệ (dd/mm/yyyy).");
        await BrowserFixture.ScreenshotAsync(page, "30-nhap-loi-tung-dong");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng viên", Exact = true }).ClickAsync();
        await SearchAsync(page, "hoang");
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("Tìm thấy 0 đảng viên");
        var citizenIds = rows.Select(r => (string?)r["Số CCCD"]).ToList();
        var imported = await fx.Server.WithDbAsync(db => db.Members.CountAsync(m => citizenIds.Contains(m.CitizenId)));
        Assert.Equal(0, imported);

        // The corrected file: five new members, imported together after a confirmation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ tệp" }).ClickAsync();
        await UploadAsync(page, ImportKit.Csv(rows), "chi-bo-giao-vien-toan-da-sua.csv");
        await Assertions.Expect(page.Locator("#count-new")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("#count-error-rows")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#new-rows tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#new-rows")).ToContainTextAsync("Hoàng Thị Ánh Tuyết");
        string? confirmation = null;
        page.Dialog += async (_, dialog) => { confirmation = dialog.Message; await dialog.AcceptAsync(); };
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập 5 đảng viên" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-text")).ToContainTextAsync("Đã nhập 5 đảng viên mới", new() { Timeout = 60_000 });
        Assert.Equal("Nhập 5 đảng viên mới vào danh sách?", confirmation);
        await BrowserFixture.ScreenshotAsync(page, "31-nhap-thanh-cong");

        // The roster finds them by a name typed without diacritics.
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem danh sách đảng viên" }).ClickAsync();
        await SearchAsync(page, "hoang thi");
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("Tìm thấy 3 đảng viên");
        var found = page.Locator("#members tbody tr");
        await Assertions.Expect(found).ToHaveCountAsync(3);
        foreach (var name in new[] { "Hoàng Thị Ánh Tuyết", "Hoàng Thị Hương", "Hoàng Thị Lan" })
            await Assertions.Expect(found.Filter(new() { HasText = name })).ToContainTextAsync(cell.Name);
        await BrowserFixture.ScreenshotAsync(page, "32-xuat-danh-sach");

        // "Xuất Excel": the three members found, with the roster's columns, dates as dates.
        var xlsx = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" }).ClickAsync());
        Assert.Equal($"danh-sach-dang-vien_{today:yyyy-MM-dd}.xlsx", xlsx.Name);
        var headers = MemberSheet.All.Select(f => f.Header).ToList();
        var tuyet = rows[0];
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false))
        {
            Assert.Equal("Đảng viên", workbook.WorkbookPart!.Workbook.Descendants<Sheet>().First().Name!.Value);
            var sheetRows = workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(headers, sheetRows[0].Elements<Cell>().Select(c => c.InnerText));
            Assert.Equal(1 + 3, sheetRows.Count);
            var row = sheetRows.Skip(1).Single(r => Text(r, headers, "Số CCCD") == (string)tuyet["Số CCCD"]!);
            Assert.Equal("Hoàng Thị Ánh Tuyết", Text(row, headers, "Họ và tên"));
            Assert.Equal("Nữ", Text(row, headers, "Giới tính"));
            var birth = CellOf(row, headers, "Ngày sinh")!;
            Assert.Null(birth.DataType);   // a number Excel shows as a date, not text
            Assert.Equal((DateOnly)tuyet["Ngày sinh"]!, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(birth.CellValue!.Text, CultureInfo.InvariantCulture))));
            Assert.Equal("Kinh", Text(row, headers, "Dân tộc"));
            Assert.Equal("Trung cấp", Text(row, headers, "Lý luận chính trị"));
            Assert.Equal((string)tuyet["Số thẻ đảng viên"]!, Text(row, headers, "Số thẻ đảng viên"));
            Assert.Equal("Chính thức", Text(row, headers, "Loại đảng viên"));
            Assert.Equal(cell.Name, Text(row, headers, "Chi bộ"));
            Assert.Equal("Đang sinh hoạt", Text(row, headers, "Tình trạng"));
        }

        // "Xuất CSV": a CSV file (not the workbook again), UTF-8 with a byte-order mark, the same header and row.
        var csv = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Xuất CSV" }).ClickAsync());
        Assert.Equal($"danh-sach-dang-vien_{today:yyyy-MM-dd}.csv", csv.Name);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv.Bytes[..3]);
        var lines = Encoding.UTF8.GetString(csv.Bytes, 3, csv.Bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", headers), lines[0]);
        Assert.Equal(1 + 3, lines.Length);
        var line = lines.Single(l => l.Contains((string)tuyet["Số CCCD"]!, StringComparison.Ordinal));
        var fields = line.Split(',');
        Assert.Equal(headers.Count, fields.Length);
        string Field(string header) => fields[headers.IndexOf(header)];
        Assert.Equal("Hoàng Thị Ánh Tuyết", Field("Họ và tên"));
        Assert.Equal("Nữ", Field("Giới tính"));
        Assert.Equal(((DateOnly)tuyet["Ngày sinh"]!).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Field("Ngày sinh"));
        Assert.Equal((string)tuyet["Số thẻ đảng viên"]!, Field("Số thẻ đảng viên"));
        Assert.Equal(cell.Name, Field("Chi bộ"));
        Assert.Equal("Đang sinh hoạt", Field("Tình trạng"));

        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, byte[] bytes, string fileName)
    {
        await page.GetByLabel(Label("Tệp danh sách (.xlsx hoặc .csv)")).SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = bytes,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và kiểm tra" }).ClickAsync();
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByLabel("Tìm theo tên / CCCD / số thẻ").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
    }

    private static async Task ExpectErrorAsync(ILocator row, string line, string column, string message)
    {
        var cells = row.Locator("td");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync(line);
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync(column);
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync(message);
    }

    /// <summary>Clicks what starts a download and returns the browser's suggested file name and the bytes.</summary>
    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }

    private static Cell? CellOf(Row row, List<string> headers, string header)
    {
        var column = headers.IndexOf(header);
        return row.Elements<Cell>().FirstOrDefault(c => XlsxReader.ColumnIndex(c.CellReference!.Value!) == column);
    }

    private static string Text(Row row, List<string> headers, string header) => CellOf(row, headers, header)?.InnerText ?? "";

    /// <summary>A label as rendered: its text, plus the " *" that CSS adds to required fields.</summary>
    private static Regex Label(string text) => new("^" + Regex.Escape(text) + @"(\s*\*)?$");
}
