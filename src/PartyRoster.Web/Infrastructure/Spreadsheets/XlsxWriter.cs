using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyRoster.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes an .xlsx workbook as a stream, one row at a time (SAX style, with the Open XML SDK's
/// <see cref="OpenXmlWriter"/>), so 200,000 rows never sit in memory and the output may be an HTTP response.
/// Every sheet gets a bold header row that stays in view when scrolling (frozen pane), column widths, text as
/// inline strings, numbers as numbers and dates as real Excel dates shown dd/MM/yyyy.
/// </summary>
/// <remarks>
/// The SDK's own package (<c>SpreadsheetDocument.Create</c>) insists on a stream it can seek and read back, which
/// a response is not. So the package is assembled here with <see cref="ZipArchive"/> in create mode (which
/// streams), and the SDK writes the parts' XML: worksheets through <see cref="OpenXmlWriter"/>, the workbook
/// and the styles from its typed elements. Only the content-type list and the two relationship lists are plain
/// XML. Call <see cref="CompleteAsync"/> at the end. A workbook disposed before that (its writing failed half-way)
/// is abandoned: it never gets its workbook part nor the zip's central directory, so no spreadsheet program
/// opens a cut-off file as if it were complete.
/// </remarks>
public sealed class XlsxWriter : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limits: rows per sheet, characters per cell, characters per sheet name.</summary>
    public const int MaxRows = 1_048_576;
    public const int MaxCellText = 32_767;
    public const int MaxSheetNameLength = 31;

    // Indexes into the cellXfs of styles.xml (see Styles()).
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint DateStyle = 3;
    private const uint IntegerStyle = 4;
    private const uint DecimalStyle = 5;
    private const uint DateFormatId = 164; // the first id free for custom number formats
    private const uint TextFormatId = 49;  // built-in "@"

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Excel counts 29/02/1900, which never was: serial numbers are right from 01/03/1900 on. Earlier dates are written as text.</summary>
    private static readonly DateOnly FirstExactDate = new(1900, 3, 1);

    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private readonly SpoolStream _spool;
    private readonly ZipArchive _zip;
    private readonly List<string> _sheetNames = [];
    private bool _completed;

    /// <param name="output">Where the workbook goes; written asynchronously only, never sought or read.</param>
    public XlsxWriter(Stream output)
    {
        _spool = new SpoolStream(output);
        _zip = new ZipArchive(_spool, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>Writes one sheet: the header row, then every row of <paramref name="rows"/> as it arrives. Returns the number of rows.</summary>
    public async Task<int> WriteSheetAsync<T>(string name, IReadOnlyList<SheetColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        using var sheet = BeginSheet(name, columns);
        await foreach (var row in rows.WithCancellation(ct))
        {
            sheet.Write(row);
            await _spool.DrainAsync(force: false, ct);
        }
        return sheet.Finish();
    }

    /// <summary>Writes one sheet from rows already in memory (a template, a statistics table).</summary>
    public async Task<int> WriteSheetAsync<T>(string name, IReadOnlyList<SheetColumn<T>> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        using var sheet = BeginSheet(name, columns);
        foreach (var row in rows)
        {
            sheet.Write(row);
            await _spool.DrainAsync(force: false, ct);
        }
        return sheet.Finish();
    }

    /// <summary>Writes the workbook, styles and package parts and closes the file.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_completed) return;
        if (_sheetNames.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");

        using (var stream = OpenEntry("xl/workbook.xml"))
        {
            new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(_sheetNames.Select((n, i) => new Sheet { Name = n, SheetId = (uint)(i + 1), Id = RelationshipId(i) })))
                .Save(stream);
        }
        using (var stream = OpenEntry("xl/styles.xml")) Styles().Save(stream);

        var sheetRelationships = string.Concat(_sheetNames.Select((_, i) =>
            $"<Relationship Id=\"{RelationshipId(i)}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/{SheetFile(i)}\"/>"));
        WriteText("xl/_rels/workbook.xml.rels", RelationshipsXml(sheetRelationships
            + $"<Relationship Id=\"{RelationshipId(_sheetNames.Count)}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"));
        WriteText("_rels/.rels", RelationshipsXml(
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"));
        WriteText("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + string.Concat(_sheetNames.Select((_, i) =>
                $"<Override PartName=\"/xl/worksheets/{SheetFile(i)}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "</Types>");

        _completed = true;
        _zip.Dispose(); // writes the zip's central directory into the spool
        await _spool.FlushAsync(ct);
    }

    public void Dispose()
    {
        if (!_completed) _spool.Abandon();
        _zip.Dispose();
        _spool.Dispose();
    }

    private SheetPart<T> BeginSheet<T>(string name, IReadOnlyList<SheetColumn<T>> columns)
    {
        if (_completed) throw new InvalidOperationException("The workbook is already complete.");
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxSheetNameLength || name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0)
            throw new ArgumentException($"\"{name}\" cannot name an Excel sheet.", nameof(name));
        if (_sheetNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"The workbook already has a sheet \"{name}\".", nameof(name));
        if (columns.Count == 0) throw new ArgumentException("A sheet needs at least one column.", nameof(columns));

        _sheetNames.Add(name);
        return new SheetPart<T>(OpenEntry("xl/worksheets/" + SheetFile(_sheetNames.Count - 1)), columns);
    }

    private Stream OpenEntry(string path) => _zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    private void WriteText(string path, string xml)
    {
        using var stream = OpenEntry(path);
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static string RelationshipsXml(string relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relationships + "</Relationships>";

    private static string RelationshipId(int index) => "rId" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string SheetFile(int index) => "sheet" + (index + 1).ToString(CultureInfo.InvariantCulture) + ".xml";

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
            {
                FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = TextFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },  // built-in "#,##0"
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true })  // built-in "#,##0.00"
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>Text as XML allows it: control characters (other than tab and line breaks) removed, at most <see cref="MaxCellText"/> characters.</summary>
    internal static string CleanText(string text)
    {
        if (text.Length > MaxCellText) text = text[..MaxCellText];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c)) { i++; continue; }
            var clean = new StringBuilder(text.Length);
            for (var j = 0; j < text.Length; j++)
            {
                var d = text[j];
                if (XmlConvert.IsXmlChar(d)) clean.Append(d);
                else if (j + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[j + 1], d)) clean.Append(d).Append(text[++j]);
            }
            return clean.ToString();
        }
        return text;
    }

    /// <summary>"A", "B", … "Z", "AA", … for the 0-based column index.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>One worksheet being written: the zip entry, its XML writer and the row count.</summary>
    private sealed class SheetPart<T> : IDisposable
    {
        private static readonly Cell CellElement = new();
        private static readonly Row RowElement = new();
        private static readonly InlineString InlineStringElement = new();
        private static readonly Text TextElement = new();

        private readonly Stream _entry;
        private readonly OpenXmlWriter _xml;
        private readonly IReadOnlyList<SheetColumn<T>> _columns;
        private readonly string[] _columnNames;
        private int _rowNumber;

        public SheetPart(Stream entry, IReadOnlyList<SheetColumn<T>> columns)
        {
            _entry = entry;
            _columns = columns;
            _columnNames = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();
            _xml = OpenXmlWriter.Create(entry, new UTF8Encoding(false));
            _xml.WriteStartDocument(true);
            _xml.WriteStartElement(new Worksheet());
            _xml.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U }));
            _xml.WriteElement(new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true, Style = ColumnStyle(c.Kind),
            })));
            _xml.WriteStartElement(new SheetData());

            BeginRow();
            for (var i = 0; i < columns.Count; i++) WriteText(i, columns[i].Header, HeaderStyle);
            _xml.WriteEndElement();
        }

        public void Write(T row)
        {
            if (_rowNumber >= MaxRows) throw new InvalidOperationException($"An Excel sheet holds at most {MaxRows} rows.");
            BeginRow();
            for (var i = 0; i < _columns.Count; i++) WriteCell(i, _columns[i].Kind, _columns[i].Value(row));
            _xml.WriteEndElement();
        }

        /// <summary>Closes the sheet's XML; returns the number of data rows.</summary>
        public int Finish()
        {
            _xml.WriteEndElement(); // sheetData
            _xml.WriteEndElement(); // worksheet
            _xml.Close();
            return _rowNumber - 1;
        }

        public void Dispose()
        {
            _xml.Dispose();
            _entry.Dispose();
        }

        private static uint ColumnStyle(CellKind kind) => kind switch
        {
            CellKind.Date => DateStyle,
            CellKind.Number => IntegerStyle,
            _ => TextStyle,
        };

        private void BeginRow()
        {
            _rowNumber++;
            _xml.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", _rowNumber.ToString(CultureInfo.InvariantCulture))]);
        }

        private string Reference(int column) => _columnNames[column] + _rowNumber.ToString(CultureInfo.InvariantCulture);

        private void WriteCell(int column, CellKind kind, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    WriteText(column, text, null);
                    return;
                case DateOnly date when date >= FirstExactDate:
                    WriteNumber(column, (date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), DateStyle);
                    return;
                case DateOnly date:
                    WriteText(column, Format.Date(date), null);
                    return;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    WriteNumber(column, Convert.ToString(value, CultureInfo.InvariantCulture)!, IntegerStyle);
                    return;
                case double or float or decimal:
                    var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    WriteNumber(column, number.ToString(CultureInfo.InvariantCulture), number == decimal.Truncate(number) ? IntegerStyle : DecimalStyle);
                    return;
                default:
                    throw new ArgumentException($"Column {_columns[column].Header} ({kind}) gave a {value.GetType().Name}; write text, a number or a DateOnly.");
            }
        }

        private void WriteNumber(int column, string value, uint style)
        {
            _xml.WriteStartElement(CellElement, [
                new OpenXmlAttribute("r", "", Reference(column)),
                new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
            _xml.WriteElement(new CellValue(value));
            _xml.WriteEndElement();
        }

        private void WriteText(int column, string text, uint? style)
        {
            if (text.Length == 0) return;
            text = CleanText(text);
            List<OpenXmlAttribute> attributes = [new("r", "", Reference(column)), new("t", "", "inlineStr")];
            if (style is { } s) attributes.Add(new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture)));
            _xml.WriteStartElement(CellElement, attributes);
            _xml.WriteStartElement(InlineStringElement);
            _xml.WriteStartElement(TextElement, char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? [PreserveSpace] : []);
            _xml.WriteString(text);
            _xml.WriteEndElement();
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }
    }
}
