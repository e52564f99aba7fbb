using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Pages.Members;
using PartyRoster.Web.Pages.Members.Import;
using PartyRoster.Web.Tests.Infrastructure;
using static PartyRoster.Web.Tests.ImportExport.ImportKit;
using Format = PartyRoster.Web.Infrastructure.Format;
using Member = PartyRoster.Domain.Members.Member;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>
/// Import of member records from .xlsx and .csv: preview with row-level Vietnamese errors, all-or-nothing commit in
/// the background, no duplicates on re-import, scope. Each test uses its own names, CCCDs and card numbers.
/// </summary>
public sealed class MemberImportTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    private Task<List<Member>> MembersWithCitizenIdsAsync(IEnumerable<string> citizenIds)
    {
        var ids = citizenIds.ToList();
        return fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().Include(m => m.Organization).Where(m => ids.Contains(m.CitizenId!)).ToListAsync());
    }

    private int UploadedFiles(string pattern = "*.upload") =>
        Directory.Exists(Path.Combine(fx.Factory.DataDirectory, "imports"))
            ? Directory.GetFiles(Path.Combine(fx.Factory.DataDirectory, "imports"), pattern, SearchOption.AllDirectories).Length
            : 0;

    [Fact]
    public async Task GoodWorkbook_IsPreviewed_ThenEveryRowIsCreatedAndAudited_AndReimportAddsNobody()
    {
        var w = fx.World;
        var rows = new[]
        {
            Person("Hoàng Thị Ánh Tuyết", 101, w.CellA1.Name, female: true),
            Person("Trịnh Văn Bảo", 102, ""),
            Person("Lương Đức Cường", 103, w.CellA1.Name),
        };
        rows[1]["Mã chi bộ"] = ImportFixture.CellA2Code;
        rows[2]["Ngày công nhận chính thức"] = null; // still probationary
        rows[2]["Ngày lễ kết nạp"] = rows[2]["Ngày quyết định kết nạp"] = Format.Today(TimeProvider.System).AddMonths(-3);
        var file = Xlsx(rows);
        var citizenIds = rows.Select(r => (string)r["Số CCCD"]!).ToList();
        var client = await fx.ClientForAsync("dept");

        var (previewUrl, preview) = await PreviewAsync(client, file, "danh-sach-dang-vien.xlsx");

        Assert.Equal(3, Count(preview, "count-rows"));
        Assert.Equal(3, Count(preview, "count-new"));
        Assert.Equal(0, Count(preview, "count-error-rows"));
        Assert.Equal(0, Count(preview, "count-existing"));
        Assert.Contains("Hoàng Thị Ánh Tuyết", preview.QuerySelector("#new-rows")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nhập 3 đảng viên", preview.QuerySelector("#form-commit button")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MembersWithCitizenIdsAsync(citizenIds)); // the preview writes nothing

        var progressUrl = await CommitAsync(client, previewUrl, preview);
        var status = await WaitAsync(client, progressUrl);

        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        var created = await MembersWithCitizenIdsAsync(citizenIds);
        Assert.Equal(3, created.Count);
        var tuyet = created.Single(m => m.CitizenId == citizenIds[0]);
        Assert.Equal("Hoàng Thị Ánh Tuyết", tuyet.FullName);
        Assert.Equal(Gender.Female, tuyet.Gender);
        Assert.Equal((DateOnly)rows[0]["Ngày sinh"]!, tuyet.DateOfBirth);
        Assert.Equal(PoliticalTheoryLevel.Intermediate, tuyet.PoliticalTheory);
        Assert.Equal(Standing.Official, tuyet.Standing);
        Assert.Equal("IM000101", tuyet.PartyCardNumber);
        Assert.Equal(w.CellA1.Id, tuyet.OrganizationId);
        Assert.Equal(w.CellA2.Id, created.Single(m => m.CitizenId == citizenIds[1]).OrganizationId);
        Assert.Equal(Standing.Probationary, created.Single(m => m.CitizenId == citizenIds[2]).Standing);

        var deptId = await fx.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == w.Emails["dept"]).Select(u => u.Id).SingleAsync());
        foreach (var m in created)
        {
            var entry = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .SingleAsync(a => a.EntityType == nameof(Member) && a.EntityId == m.Id.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal("Tạo mới", entry.Action);
            Assert.Equal(deptId, entry.UserId);
            Assert.Contains(m.FullName, entry.Changes, StringComparison.Ordinal);
            // The fields an audited save of a new member lists (MemberRecordTests), derived ones left out.
            var fields = System.Text.Json.JsonDocument.Parse(entry.Changes).RootElement.EnumerateObject().Select(f => f.Name).ToHashSet();
            Assert.Superset(new HashSet<string> { "FullName", "Gender", "DateOfBirth", "Ethnicity", "CitizenId", "OrganizationId", "RollState", "Standing",
                "AdmissionDecisionDate", "AdmissionCeremonyDate", "PartyCardNumber", "PoliticalTheory" }, fields);
            Assert.DoesNotContain("SearchName", fields);
            Assert.DoesNotContain("Version", fields);
            Assert.DoesNotContain("Id", fields);
        }
        var auditId = MemberImportRunner.AuditId(previewUrl[(previewUrl.LastIndexOf('/') + 1)..]);
        var summary = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == MemberImportRunner.AuditType && a.EntityId == auditId));
        Assert.Equal("Nhập danh sách", summary.Action);
        Assert.Contains("\"Created\":[null,\"3\"]", summary.Changes, StringComparison.Ordinal);
        Assert.Contains("danh-sach-dang-vien.xlsx", summary.Changes, StringComparison.Ordinal);
        Assert.True((await fx.Factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync())).IsIntact);

        var done = await Forms.GetDocumentAsync(client, progressUrl);
        Assert.Contains("Đã nhập 3 đảng viên mới", done.QuerySelector("#import-text")!.TextContent, StringComparison.Ordinal);
        var token = previewUrl[(previewUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(0, UploadedFiles(token + ".upload")); // the file is deleted once imported
        var again = await client.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // to the progress page: imported once only

        // The same file again: every member is already on the roll, nothing to import.
        var (_, reimport) = await PreviewAsync(client, file, "danh-sach-dang-vien.xlsx");
        Assert.Equal(0, Count(reimport, "count-new"));
        Assert.Equal(3, Count(reimport, "count-existing"));
        Assert.NotNull(reimport.QuerySelector("#nothing-new"));
        Assert.Null(reimport.QuerySelector("#form-commit"));
        Assert.Equal(3, (await MembersWithCitizenIdsAsync(citizenIds)).Count);
    }

    [Fact]
    public async Task BadCsv_ListsRowErrorsInVietnamese_AndCreatesNothingEvenWhenCommitIsForced()
    {
        var w = fx.World;
        var existing = w.MemberOf(w.CellA1); // "Nguyễn Văn An", card TN000001
        var rows = new List<Dictionary<string, object?>>
        {
            Person("Bùi Văn Một", 201, w.CellA1.Name),        // row 2: CCCD too short
            Person("Bùi Văn Hai", 202, w.CellA1.Name),        // row 3: card 99000001
            Person("Bùi Văn Ba", 203, w.CellA1.Name),         // row 4: the same card again
            Person("Bùi Thị Bốn", 204, w.CellA1.Name, true),  // row 5: an existing member's card, another name
            Person("Bùi Văn Năm", 205, ""),                   // row 6: unknown cell code
            Person("Bùi Văn Sáu", 206, w.CellA1.Name),        // row 7: 31 February
            Person("Bùi Văn Bảy", 207, w.CellA1.Name),        // row 8: ceremony before decision
            Person("Bùi Văn Tám", 208, w.CellA1.Name),        // row 9: gender unreadable
            Person("Bùi Văn Chín", 209, ImportFixture.OutsideCellName), // row 10: a cell outside the scope
            Person("Bùi Văn Mười", 210, w.CommitteeA.Name),   // row 11: a committee, not a cell
            Person("Bùi Văn Mười Một", 211, w.CellA1.Name),   // row 12: admitted before the Party existed
        };
        rows[0]["Số CCCD"] = "0123";
        rows[1]["Số thẻ đảng viên"] = "99000001";
        rows[2]["Số thẻ đảng viên"] = "99000001";
        rows[3]["Số thẻ đảng viên"] = existing.PartyCardNumber;
        rows[4]["Mã chi bộ"] = "KHONG-CO";
        rows[5]["Ngày sinh"] = "31/02/1980";
        rows[6]["Ngày lễ kết nạp"] = new DateOnly(2005, 4, 1);
        rows[7]["Giới tính"] = "X";
        rows[10]["Ngày quyết định kết nạp"] = new DateOnly(1929, 5, 1);
        rows[10]["Ngày lễ kết nạp"] = new DateOnly(1929, 5, 19);
        rows[10]["Ngày sinh"] = new DateOnly(1905, 1, 1);
        rows[10]["Ngày công nhận chính thức"] = new DateOnly(1930, 6, 1);
        var client = await fx.ClientForAsync("dept");

        var (previewUrl, preview) = await PreviewAsync(client, Csv(rows), "loi.csv");

        var errors = Errors(preview);
        void Has(int row, string column, string text) =>
            Assert.True(errors.Any(e => e.Row == row && e.Column == column && e.Message.Contains(text, StringComparison.Ordinal)),
                $"expected on row {row}, column {column}: {text}. Listed: {string.Join(" | ", errors)}");
        Has(2, "Số CCCD", "Số CCCD phải gồm đúng 12 chữ số.");
        Has(4, "Số thẻ đảng viên", "Số thẻ đảng viên 99000001 trùng với dòng 3 trong tệp.");
        Has(5, "Số thẻ đảng viên", $"đã là của đảng viên {existing.FullName}");
        Has(6, "Mã chi bộ", "Không tìm thấy tổ chức có mã \"KHONG-CO\" trong phạm vi quản lý của bạn.");
        Has(7, "Ngày sinh", "Ngày sinh không hợp lệ (dd/mm/yyyy).");
        Has(8, "Ngày lễ kết nạp", "Ngày lễ kết nạp không được trước ngày quyết định kết nạp.");
        Has(9, "Giới tính", "Giới tính \"X\" không hợp lệ: ghi Nam hoặc Nữ.");
        Has(10, "Chi bộ", $"Không tìm thấy chi bộ \"{ImportFixture.OutsideCellName}\" trong phạm vi quản lý của bạn.");
        Has(11, "Chi bộ", "đảng viên chỉ sinh hoạt tại chi bộ");
        Has(12, "Ngày quyết định kết nạp", "không được trước ngày thành lập Đảng (03/02/1930)");
        Assert.DoesNotContain(errors, e => e.Row == 3);
        Assert.Equal(10, Count(preview, "count-error-rows"));
        Assert.Equal(1, Count(preview, "count-new"));
        Assert.NotNull(preview.QuerySelector("#not-importable"));
        Assert.Null(preview.QuerySelector("#form-commit"));

        // The complete list of errors downloads as a workbook.
        var download = await client.GetAsync(preview.QuerySelector("#download-errors")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var listed = XlsxReader.ReadFirstSheet(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), 1_000_000).ToList();
        Assert.Equal(["Dòng", "Cột", "Lỗi"], listed[0].Cells);
        Assert.Equal(errors.Count, listed.Count - 1);

        var progressUrl = await CommitAsync(client, previewUrl, preview);
        var status = await WaitAsync(client, progressUrl);
        Assert.Equal("Failed", status.GetProperty("state").GetString());
        Assert.Contains("Không có đảng viên nào được nhập", status.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await MembersWithCitizenIdsAsync(rows.Select(r => (string)r["Số CCCD"]!)));
    }

    [Fact]
    public async Task MixedFile_NothingIsCommitted_UntilTheLastErrorIsFixed()
    {
        var w = fx.World;
        var rows = new List<Dictionary<string, object?>>
        {
            Person("Đinh Văn Hợp", 301, w.CellA1.Name),
            Person("Đinh Thị Lệ", 302, w.CellB1.Name, female: true),
            Person("Đinh Văn Sai", 303, w.CellB1.Name),
        };
        rows[2]["Ngày sinh"] = "15/13/1970";
        var citizenIds = rows.Select(r => (string)r["Số CCCD"]!).ToList();
        var client = await fx.ClientForAsync("dept");

        var (previewUrl, preview) = await PreviewAsync(client, Csv(rows), "tron.csv");
        Assert.Equal(2, Count(preview, "count-new"));
        Assert.Equal(1, Count(preview, "count-error-rows"));
        var status = await WaitAsync(client, await CommitAsync(client, previewUrl, preview));

        Assert.Equal("Failed", status.GetProperty("state").GetString());
        Assert.Empty(await MembersWithCitizenIdsAsync(citizenIds));
        var again = await Forms.GetDocumentAsync(client, previewUrl); // the file is kept for another look
        Assert.NotNull(again.QuerySelector("#failed-attempt"));

        rows[2]["Ngày sinh"] = "15/12/1970";
        var (fixedUrl, fixedPreview) = await PreviewAsync(client, Csv(rows), "tron-da-sua.csv");
        status = await WaitAsync(client, await CommitAsync(client, fixedUrl, fixedPreview));
        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        Assert.Equal(3, (await MembersWithCitizenIdsAsync(citizenIds)).Count);
    }

    [Fact]
    public async Task LargeFile_IsWrittenInChunks_WithProgress_InOneUnbrokenAuditRun()
    {
        var w = fx.World;
        var count = 2 * MemberImportRunner.ChunkSize + 37;
        var rows = Enumerable.Range(0, count).Select(i => Person($"Mai Văn Số {(char)('A' + i % 26)}{i}", 10_000 + i, i % 2 == 0 ? w.CellA1.Name : w.CellB1.Name)).ToList();
        var client = await fx.ClientForAsync("dept");
        var before = await fx.Factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var (previewUrl, preview) = await PreviewAsync(client, Csv(rows), "lon.csv");
        Assert.Equal(count, Count(preview, "count-new"));
        Assert.Equal(PreviewModel.RowsShown, preview.QuerySelectorAll("#new-rows tbody tr").Length);
        var status = await WaitAsync(client, await CommitAsync(client, previewUrl, preview));

        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        Assert.Equal(count, status.GetProperty("done").GetInt32());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        Assert.Equal(count, (await MembersWithCitizenIdsAsync(rows.Select(r => (string)r["Số CCCD"]!))).Count);
        var entries = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Sequence > before)
            .OrderBy(a => a.Sequence).Select(a => new { a.EntityType, a.Action }).ToListAsync());
        Assert.Equal(count, entries.Count(e => e.EntityType == nameof(Member) && e.Action == "Tạo mới"));
        Assert.True((await fx.Factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync())).IsIntact);
    }

    [Fact]
    public async Task ExportedRoster_ImportsBackAsAlreadyOnTheRoll()
    {
        var client = await fx.ClientForAsync("dept");
        var export = await client.GetByteArrayAsync("/Members?handler=Export&format=xlsx");
        var exportedRows = XlsxReader.ReadFirstSheet(new MemoryStream(export), 100_000_000).Count() - 1;

        var (_, preview) = await PreviewAsync(client, export, "xuat.xlsx");

        Assert.Equal(exportedRows, Count(preview, "count-existing"));
        Assert.Equal(0, Count(preview, "count-new"));
        Assert.Equal(0, Count(preview, "count-error-rows"));
        Assert.Null(preview.QuerySelector("#ignored-columns"));
    }

    [Fact]
    public async Task Template_ListsTheCellsInScopeAndTheCodes_AndItsExampleRowIsRefused()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("dept");
        var response = await client.GetAsync("/Members/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var sheets = document.WorkbookPart!.Workbook.Descendants<Sheet>().ToList();
            Assert.Equal(["Đảng viên", "Danh mục", "Hướng dẫn"], sheets.Select(s => s.Name!.Value));
            var lists = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Cell>()
                .Select(c => (Column: c.CellReference!.Value![..1], Text: c.InlineString?.InnerText)).ToList();
            var cellNames = lists.Where(c => c.Column == "B").Select(c => c.Text).ToList();
            Assert.Equal("Tên chi bộ", cellNames[0]);
            Assert.Equal(new[] { w.CellA1.Name, w.CellA2.Name, w.CellB1.Name, w.GrassrootsCell.Name }.Order(), cellNames.Skip(1).Order()); // no committees
            Assert.Contains((Column: "A", Text: (string?)ImportFixture.CellA2Code), lists);
            Assert.Contains((Column: "C", Text: (string?)w.SubCommitteeA.Name), lists); // what A2 belongs to
            Assert.Contains(lists, c => c.Text == "Mường");
            Assert.Contains(lists, c => c.Text == "Cử nhân");
            Assert.DoesNotContain(lists, c => c.Text == ImportFixture.OutsideCellName);
        }
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes), 1_000_000).ToList();
        Assert.Equal(ImportKit.Headers, rows[0].Cells);
        Assert.Equal(2, rows.Count);

        var (_, preview) = await PreviewAsync(client, bytes, "mau.xlsx");
        Assert.Contains(Errors(preview), e => e.Row == 2 && e.Message.Contains("dòng ví dụ", StringComparison.Ordinal));
        Assert.Null(preview.QuerySelector("#form-commit"));
    }

    [Fact]
    public async Task RenamedPicture_IsRefusedWithAClearMessage_AndNotKept()
    {
        var client = await fx.ClientForAsync("dept");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];
        var before = UploadedFiles();

        var response = await UploadAsync(client, png, "danh-sach.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SpreadsheetFile.NotASpreadsheetMessage, Forms.Errors(await Forms.ParseAsync(response)));
        Assert.Equal(before, UploadedFiles());

        var missingColumns = await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes("Tên,Tuổi\r\nAn,50\r\n"), "khac.csv");
        Assert.Equal(HttpStatusCode.Redirect, missingColumns.StatusCode);
        var page = await Forms.GetDocumentAsync(client, missingColumns.Headers.Location!.OriginalString);
        Assert.Contains(Errors(page), e => e.Message == "Thiếu cột \"Họ và tên\" (bắt buộc).");
        Assert.Contains("“Tên”", page.QuerySelector("#ignored-columns")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CellSecretary_IsForbidden()
    {
        var client = await fx.ClientForAsync("secretaryA1");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Members/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Members/Import?handler=Template")).StatusCode);

        var home = await Forms.GetDocumentAsync(client, "/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Csv([Person("Người Lạ", 401, fx.World.CellA1.Name)])), "Upload", "x.csv" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/Members/Import", content)).StatusCode);
        Assert.Empty(await MembersWithCitizenIdsAsync([(string)Person("Người Lạ", 401, "")["Số CCCD"]!]));
    }

    [Fact]
    public async Task AnotherImporter_CannotOpenSomeoneElsesUpload_AndImportsOnlyIntoTheirOwnTree()
    {
        var w = fx.World;
        var dept = await fx.ClientForAsync("dept");
        var (previewUrl, _) = await PreviewAsync(dept, Csv([Person("Cao Văn Riêng", 501, w.CellA1.Name)]), "rieng.csv");
        var dept2 = await fx.ClientForAsync("dept2");

        var peek = await dept2.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.Redirect, peek.StatusCode);
        Assert.Equal("/Members/Import", peek.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await dept2.GetAsync(previewUrl.Replace("Preview", "Progress", StringComparison.Ordinal))).StatusCode);

        var (_, own) = await PreviewAsync(dept2, Csv([Person("Cao Văn Xa", 502, w.CellA1.Name), Person("Cao Thị Gần", 503, ImportFixture.OutsideCellName, true)]), "bk.csv");
        Assert.Contains(Errors(own), e => e.Row == 2 && e.Column == "Chi bộ" && e.Message.Contains("trong phạm vi quản lý của bạn", StringComparison.Ordinal));
        Assert.Equal(1, Count(own, "count-new"));
    }

    [Fact]
    public async Task RosterPage_OffersImportToBanToChucOnly()
    {
        var dept = await Forms.GetDocumentAsync(await fx.ClientForAsync("dept"), "/Members");
        var secretary = await Forms.GetDocumentAsync(await fx.ClientForAsync("secretaryA1"), "/Members");
        Assert.NotNull(dept.QuerySelector("a[href='/Members/Import']"));
        Assert.Null(secretary.QuerySelector("a[href='/Members/Import']"));
        Assert.NotNull(secretary.QuerySelector("#export-xlsx"));
        Assert.NotNull(secretary.QuerySelector("#export-csv"));
    }
}
