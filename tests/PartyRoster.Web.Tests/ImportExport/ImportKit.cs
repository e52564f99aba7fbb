using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Pages.Members;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>
/// The test world plus what imports need: a code on cell A2 (rows may name a cell by code), and a second
/// managing committee with its own cell and Ban Tổ chức ("dept2"), outside the first Ban Tổ chức's scope.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public const string CellA2Code = "A2.VP";
    public const string OutsideCellName = "Chi bộ Thôn Bên Kia";

    private readonly WorldFixture _world = new();

    public PartyRosterFactory Factory => _world.Factory;
    public TestWorld World => _world.World;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var a2 = await db.Organizations.SingleAsync(o => o.Id == World.CellA2.Id);
        a2.ChangeCode(CellA2Code);
        var otherRoot = new Organization("Đảng bộ xã Bên Kia", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1));
        db.Organizations.Add(otherRoot);
        await db.SaveChangesAsync();
        otherRoot.AssignPath();
        var outside = new Organization(OutsideCellName, OrganizationKind.GrassrootsCell, otherRoot, new DateOnly(2000, 1, 1), "BK.01");
        db.Organizations.Add(outside);
        await db.SaveChangesAsync();
        outside.AssignPath();
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var dept2 = new AppUser { UserName = "dept2@test.vn", Email = "dept2@test.vn", DisplayName = "dept2", CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(dept2, TestWorld.Password)).Succeeded);
        db.RoleAssignments.Add(new RoleAssignment { UserId = dept2.Id, Role = Role.OrganizationDept, OrganizationId = otherRoot.Id, GrantedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    public async Task<HttpClient> ClientForAsync(string key)
    {
        if (key != "dept2") return await _world.ClientForAsync(key);
        var client = Factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, "dept2@test.vn", TestWorld.Password);
        return client;
    }
}

/// <summary>Builds import files as people make them, uploads them and follows an import to its end.</summary>
public static class ImportKit
{
    /// <summary>A valid row: every required column, a unique CCCD and card from <paramref name="n"/>, the cell by name.</summary>
    public static Dictionary<string, object?> Person(string name, int n, string cellName, bool female = false) => new()
    {
        ["Họ và tên"] = name,
        ["Giới tính"] = female ? "Nữ" : "Nam",
        ["Ngày sinh"] = new DateOnly(1975, 1, 1).AddDays(n % 5000),
        ["Dân tộc"] = "Kinh",
        ["Tôn giáo"] = "Không",
        ["Số CCCD"] = "0790" + n.ToString("D8", CultureInfo.InvariantCulture),
        ["Lý luận chính trị"] = "Trung cấp",
        ["Ngày quyết định kết nạp"] = new DateOnly(2005, 5, 1),
        ["Ngày lễ kết nạp"] = new DateOnly(2005, 5, 19),
        ["Ngày công nhận chính thức"] = new DateOnly(2006, 5, 19),
        ["Số thẻ đảng viên"] = "IM" + n.ToString("D6", CultureInfo.InvariantCulture),
        ["Chi bộ"] = cellName,
    };

    public static IReadOnlyList<string> Headers => MemberSheet.Importable.Select(f => f.Header).ToList();

    /// <summary>A CSV as Excel's "CSV UTF-8" saves it: byte-order mark, commas, dates as typed.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var text = new StringBuilder(string.Join(",", Headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", Headers.Select(h => Quote(row.GetValueOrDefault(h) switch
            {
                null => "",
                DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
            })))).Append("\r\n");
        }
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A workbook as Excel saves it: text in the shared-string table, dates as numbers with a date format.</summary>
    public static byte[] Xlsx(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(new Fonts(new Font()) { Count = 1 }, new Fills(new Fill()) { Count = 1 }, new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var strings = new List<string>();
            Cell Text(string s)
            {
                var index = strings.IndexOf(s);
                if (index < 0) { strings.Add(s); index = strings.Count - 1; }
                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            }
            Cell Value(object? v) => v switch
            {
                DateOnly d => new Cell { StyleIndex = 1, CellValue = new CellValue((d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)) },
                null => new Cell(),
                var other => Text(Convert.ToString(other, CultureInfo.InvariantCulture)!),
            };
            var data = new SheetData(new Row(Headers.Select(Text)));
            foreach (var row in rows) data.Append(new Row(Headers.Select(h => Value(row.GetValueOrDefault(h)))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }

    /// <summary>Posts the upload form as a browser does (multipart, antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var page = await Forms.GetDocumentAsync(client, "/Members/Import");
        var token = page.QuerySelector("#form-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        return await client.PostAsync("/Members/Import", content);
    }

    /// <summary>Uploads a file that must be accepted; returns the preview's address and the page.</summary>
    public static async Task<(string Url, IHtmlDocument Page)> PreviewAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var response = await UploadAsync(client, bytes, fileName);
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"upload refused: {(body.Length > 2000 ? body[..2000] : body)}");
        var url = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Members/Import/Preview/", url, StringComparison.Ordinal);
        return (url, await Forms.GetDocumentAsync(client, url));
    }

    public static int Count(IHtmlDocument page, string id) =>
        int.Parse(page.QuerySelector("#" + id)!.TextContent.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The errors the preview lists: (row, column, message).</summary>
    public static List<(int Row, string Column, string Message)> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll("#errors tbody tr").Select(tr => (
            int.Parse(tr.GetAttribute("data-row")!, CultureInfo.InvariantCulture),
            tr.GetAttribute("data-column")!,
            tr.QuerySelectorAll("td")[2].TextContent.Trim())).ToList();

    /// <summary>Posts the commit handler of a preview, with or without its button on the page (a forged post).</summary>
    public static async Task<string> CommitAsync(HttpClient client, string previewUrl, IHtmlDocument page)
    {
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync(previewUrl + "?handler=Commit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var progress = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Members/Import/Progress/", progress, StringComparison.Ordinal);
        return progress;
    }

    /// <summary>Polls the progress page's status until the import has ended (bounded: it is a wait, not a timing).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string progressUrl)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var json = await client.GetStringAsync(progressUrl + "?handler=Status");
            var status = JsonDocument.Parse(json).RootElement.Clone();
            if (status.GetProperty("finished").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not end within two minutes.");
    }
}
