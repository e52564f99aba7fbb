using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PartyRoster.Domain;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>The shared .xlsx writer and reader and the CSV table, without the web host.</summary>
public sealed class SpreadsheetTests
{
    private sealed record Item(string? Name, DateOnly? Date, object? Number);

    private static readonly SheetColumn<Item>[] Columns =
    [
        new("Họ và tên", CellKind.Text, i => i.Name, 24),
        new("Ngày sinh", CellKind.Date, i => i.Date, 12),
        new("Số lượng", CellKind.Number, i => i.Number, 10),
    ];

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>An output like an HTTP response: written to, never sought nor read; synchronous writes refused (as Kestrel does).</summary>
    private sealed class ResponseLikeStream : Stream
    {
        public MemoryStream Received { get; } = new();
        public int AsyncWrites { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            AsyncWrites++;
            await Received.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Fact]
    public async Task Xlsx_WrittenToAResponseLikeStream_IsAValidWorkbookWithTypedCells()
    {
        var output = new ResponseLikeStream();
        using (var workbook = new XlsxWriter(output))
        {
            var count = await workbook.WriteSheetAsync("Đảng viên", Columns, Async(new[]
            {
                new Item("Nguyễn Thị Ánh", new DateOnly(1985, 3, 15), 12),
                new Item("  Lê\u0001 Văn Bảo ", new DateOnly(1899, 5, 1), 2.5),
                new Item(null, null, null),
            }), CancellationToken.None);
            Assert.Equal(3, count);
            await workbook.CompleteAsync(CancellationToken.None);
        }

        output.Received.Position = 0;
        using var document = SpreadsheetDocument.Open(output.Received, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbookPart = document.WorkbookPart!;
        Assert.Equal("Đảng viên", workbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var sheet = workbookPart.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal(24D, sheet.Descendants<Column>().First().Width!.Value);

        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        var header = rows[0].Elements<Cell>().ToList();
        Assert.Equal(["Họ và tên", "Ngày sinh", "Số lượng"], header.Select(c => c.InlineString!.InnerText));
        var headerFont = workbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)workbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header[0].StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(headerFont.Bold);

        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Nguyễn Thị Ánh", first[0].InlineString!.InnerText);
        Assert.Null(first[1].DataType); // a number…
        Assert.Equal((new DateOnly(1985, 3, 15).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), first[1].CellValue!.Text);
        var dateFormat = workbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)first[1].StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Equal("dd/mm/yyyy", workbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == dateFormat).FormatCode!.Value); // …shown as a date
        Assert.Equal("12", first[2].CellValue!.Text);
        Assert.Null(first[2].DataType);

        var second = rows[2].Elements<Cell>().ToList();
        Assert.Equal("  Lê Văn Bảo ", second[0].InlineString!.InnerText); // control character gone, spaces kept
        Assert.Equal("01/05/1899", second[1].InlineString!.InnerText); // before Excel's calendar: text
        Assert.Equal("2.5", second[2].CellValue!.Text);
        Assert.Empty(rows[3].Elements<Cell>());
        Assert.True(output.AsyncWrites > 0);
    }

    [Fact]
    public async Task Xlsx_LeavesTheOutputBeforeTheLastRowIsRead()
    {
        var output = new ResponseLikeStream();
        long bytesSeenMidway = 0;
        async IAsyncEnumerable<Item> Rows()
        {
            for (var i = 0; i < 30_000; i++)
            {
                if (i == 29_999) bytesSeenMidway = output.Received.Length;
                await Task.CompletedTask;
                yield return new Item("Trần Văn Hùng " + i, new DateOnly(1970, 1, 1).AddDays(i % 9000), i);
            }
        }

        using var workbook = new XlsxWriter(output);
        await workbook.WriteSheetAsync("Bảng", Columns, Rows(), CancellationToken.None);
        await workbook.CompleteAsync(CancellationToken.None);

        Assert.True(bytesSeenMidway > 100_000, $"only {bytesSeenMidway} bytes had left before the last row");
        Assert.True(output.Received.Length > bytesSeenMidway);
    }

    [Fact]
    public async Task Xlsx_AbandonedHalfWay_IsNotAReadableWorkbook()
    {
        var output = new ResponseLikeStream();
        async IAsyncEnumerable<Item> Failing()
        {
            yield return new Item("Một", null, 1);
            await Task.CompletedTask;
            throw new InvalidOperationException("database gone");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var workbook = new XlsxWriter(output);
            await workbook.WriteSheetAsync("Bảng", Columns, Failing(), CancellationToken.None);
            await workbook.CompleteAsync(CancellationToken.None);
        });

        output.Received.Position = 0;
        Assert.ThrowsAny<Exception>(() => SpreadsheetDocument.Open(output.Received, false).WorkbookPart!.Workbook.ToString());
    }

    [Fact]
    public async Task Xlsx_WrittenThenRead_GivesTheSameText()
    {
        var output = new MemoryStream();
        using (var workbook = new XlsxWriter(output))
        {
            await workbook.WriteSheetAsync("Đảng viên", Columns, [new Item("Phạm Thị Dung", new DateOnly(2001, 12, 31), 7)], CancellationToken.None);
            await workbook.WriteSheetAsync("Khác", Columns, [new Item("không đọc", null, null)], CancellationToken.None);
            await workbook.CompleteAsync(CancellationToken.None);
        }
        output.Position = 0;

        var rows = XlsxReader.ReadFirstSheet(output, 1_000_000).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Họ và tên", "Ngày sinh", "Số lượng"], rows[0].Cells);
        Assert.Equal(["Phạm Thị Dung", "31/12/2001", "7"], rows[1].Cells);
        Assert.Equal(2, rows[1].Number);
    }

    /// <summary>A workbook as Excel writes it: shared strings, a date typed into a General cell, cells skipped, a number where a CCCD should be.</summary>
    [Fact]
    public void XlsxReader_ReadsAnExcelStyleWorkbook()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Họ và tên")),
                new SharedStringItem(new Run(new Text("Hoàng ")), new Run(new RunProperties(new Bold()), new Text("Minh Tuấn"))),
                new SharedStringItem(new Text("Ngày sinh")));
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]dd/mm/yyyy;@" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 }, new Fills(new Fill()) { Count = 1 }, new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 165 }) { Count = 3 });
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                        new Cell { CellReference = "C1", DataType = CellValues.SharedString, CellValue = new CellValue("2") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A3", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                        new Cell { CellReference = "B3", CellValue = new CellValue("1234567890") },
                        new Cell { CellReference = "C3", StyleIndex = 1, CellValue = new CellValue("31121") }) { RowIndex = 3 },
                new Row(new Cell { CellReference = "C4", StyleIndex = 2, CellValue = new CellValue("36526") }) { RowIndex = 4 }));
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }
        stream.Position = 0;

        var rows = XlsxReader.ReadFirstSheet(stream, 1_000_000).ToList();

        Assert.Equal(1, rows[0].Number);
        Assert.Equal(["Họ và tên", "", "Ngày sinh"], rows[0].Cells);
        Assert.Equal(3, rows[1].Number); // the spreadsheet's own numbering, gaps included
        Assert.Equal(["Hoàng Minh Tuấn", "1234567890", "15/03/1985"], rows[1].Cells);
        Assert.Equal("01/01/2000", rows[2][2]);
    }

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-42A]d mmmm yyyy", true)]
    [InlineData("yyyy-mm-dd;@", true)]
    [InlineData("#,##0", false)]
    [InlineData("0.00\" ngày\"", false)]
    [InlineData("[Red]0", false)]
    [InlineData("h:mm", false)]
    public void XlsxReader_RecognisesDateFormats(string code, bool isDate) => Assert.Equal(isDate, XlsxReader.IsDateCode(code));

    [Fact]
    public async Task Csv_HasAByteOrderMark_CommasAndProtectsFormulas_AndReadsBackAsWritten()
    {
        var output = new ResponseLikeStream();
        var items = new[]
        {
            new Item("Nguyễn Văn An, \"Ba\"", new DateOnly(1990, 1, 2), 1),
            new Item("=HYPERLINK(\"x\")", null, -5),
            new Item("+84 912 345 678", null, null),
        };

        var count = await CsvTable.WriteAsync(output, Columns, Async(items), CancellationToken.None);

        Assert.Equal(3, count);
        var bytes = output.Received.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n");
        Assert.Equal("Họ và tên,Ngày sinh,Số lượng", lines[0]);
        Assert.Equal("\"Nguyễn Văn An, \"\"Ba\"\"\",02/01/1990,1", lines[1]);
        Assert.StartsWith("'=HYPERLINK", lines[2].TrimStart('"'), StringComparison.Ordinal);
        Assert.EndsWith(",,-5", lines[2], StringComparison.Ordinal);

        var read = CsvTable.Read(new MemoryStream(bytes)).ToList();
        Assert.Equal(4, read.Count);
        Assert.Equal(["Nguyễn Văn An, \"Ba\"", "02/01/1990", "1"], read[1].Cells);
        Assert.Equal("=HYPERLINK(\"x\")", read[2][0]);
        Assert.Equal("+84 912 345 678", read[3][0]);
        Assert.Equal(4, read[3].Number);
    }

    [Fact]
    public void Csv_WithSemicolonsAndNoBom_IsReadToo_ButNotUtf8IsRefused()
    {
        var semicolons = Encoding.UTF8.GetBytes("Họ và tên;Ngày sinh\r\nĐỗ Thị Hà;01/02/1970\r\n");
        var rows = CsvTable.Read(new MemoryStream(semicolons)).ToList();
        Assert.Equal(["Đỗ Thị Hà", "01/02/1970"], rows[1].Cells);

        var windows1258 = new byte[] { 0x48, 0xE4, 0x2C, 0x41, 0x0D, 0x0A, 0x4C, 0xEA, 0x2C, 0x42, 0x0D, 0x0A };
        var error = Assert.Throws<DomainException>(() => CsvTable.Read(new MemoryStream(windows1258)).ToList());
        Assert.Equal(CsvTable.NotUtf8Message, error.Message);
    }

    [Fact]
    public void SpreadsheetFile_TellsWorkbooksAndCsvFromOtherFiles()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("x.txt");
        Assert.Equal(SpreadsheetFormat.Xlsx, SpreadsheetFile.Detect(zip.ToArray()));
        Assert.Equal(SpreadsheetFormat.Csv, SpreadsheetFile.Detect("Họ và tên,Ngày sinh\r\n"u8));
        Assert.Equal(SpreadsheetFormat.Csv, SpreadsheetFile.Detect([0xFF, 0xFE, 0x48, 0x00]));

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        Assert.Equal(SpreadsheetFile.NotASpreadsheetMessage, Assert.Throws<DomainException>(() => SpreadsheetFile.Detect(png)).Message);
        Assert.Equal(SpreadsheetFile.NotASpreadsheetMessage, Assert.Throws<DomainException>(() => SpreadsheetFile.Detect("%PDF-1.7\n"u8)).Message);
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];
        Assert.Equal(SpreadsheetFile.OldExcelMessage, Assert.Throws<DomainException>(() => SpreadsheetFile.Detect(xls)).Message);

        zip.Position = 0;
        var notAWorkbook = Assert.Throws<DomainException>(() => XlsxReader.ReadFirstSheet(zip, 1_000).ToList());
        Assert.Equal(XlsxReader.NotAWorkbookMessage, notAWorkbook.Message);
    }
}
