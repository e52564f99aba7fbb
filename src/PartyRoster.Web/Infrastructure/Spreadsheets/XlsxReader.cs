using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyRoster.Domain;

namespace PartyRoster.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook row by row (SAX style, <see cref="OpenXmlReader"/>), every cell as
/// text: shared strings, inline strings and formula results as they are; numbers in invariant digits
/// ("001" typed as a number is "1"); numbers formatted as dates, and ISO date cells, as dd/MM/yyyy. Empty cells
/// are "" and keep their column, whether the file names cell references or not.
/// </summary>
public static class XlsxReader
{
    public const string NotAWorkbookMessage = "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.";

    /// <summary>Excel's widest sheet (column XFD).</summary>
    private const int MaxColumns = 16_384;

    /// <summary>
    /// Rows of the first sheet. <paramref name="stream"/> must be seekable (a file). Throws <see cref="DomainException"/>
    /// with <see cref="NotAWorkbookMessage"/> when the file is not a readable workbook; a part longer than
    /// <paramref name="maxCharactersInPart"/> (a zip bomb) stops the reading the same way.
    /// </summary>
    public static IEnumerable<SheetRow> ReadFirstSheet(Stream stream, long maxCharactersInPart)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = maxCharactersInPart });
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new DomainException(NotAWorkbookMessage);
        }
        return Rows(document, maxCharactersInPart);
    }

    private static IEnumerable<SheetRow> Rows(SpreadsheetDocument document, long maxCharactersInPart)
    {
        using (document)
        {
            WorksheetPart sheet;
            string[] sharedStrings;
            HashSet<uint> dateStyles;
            try
            {
                var workbook = document.WorkbookPart ?? throw new DomainException(NotAWorkbookMessage);
                var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value
                    ?? throw new DomainException(NotAWorkbookMessage);
                sheet = workbook.GetPartById(first) as WorksheetPart ?? throw new DomainException(NotAWorkbookMessage);
                sharedStrings = SharedStrings(workbook.SharedStringTablePart);
                dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw new DomainException(NotAWorkbookMessage);
            }

            using var reader = OpenXmlReader.Create(sheet);
            var rowNumber = 0;
            while (true)
            {
                SheetRow? row;
                try
                {
                    row = NextRow(reader, ref rowNumber, sharedStrings, dateStyles);
                }
                catch (Exception ex) when (IsUnreadable(ex))
                {
                    throw new DomainException(NotAWorkbookMessage);
                }
                if (row is null) yield break;
                yield return row;
            }
        }
    }

    private static SheetRow? NextRow(OpenXmlReader reader, ref int rowNumber, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column < cells.Count) column = cells.Count; // a malformed reference never overwrites a cell
                if (column >= MaxColumns) throw new DomainException(NotAWorkbookMessage);
                while (cells.Count < column) cells.Add("");
                cells.Add(CellText(cell, sharedStrings, dateStyles).Trim());
            }
            return new SheetRow(rowNumber, cells);
        }
        return null;
    }

    private static string CellText(Cell cell, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Length ? sharedStrings[i] : "";
        }
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? InlineText(inline) : value;
        if (type == CellValues.Date)
        {
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                ? Format.Date(DateOnly.FromDateTime(d)) : value;
        }
        if (type is null || type == CellValues.Number)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
            if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= 1 and < 2958466)
                return Format.Date(DateOnly.FromDateTime(DateTime.FromOADate(number)));
            return number == Math.Floor(number) && Math.Abs(number) < 1e15
                ? number.ToString("0", CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture);
        }
        return value; // booleans, errors (#N/A), formula strings: as written
    }

    private static string[] SharedStrings(SharedStringTablePart? part) =>
        part?.SharedStringTable?.Elements<SharedStringItem>().Select(InlineText).ToArray() ?? [];

    /// <summary>The text of a string item: plain or rich-text runs, without phonetic hints.</summary>
    private static string InlineText(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    /// <summary>The cell styles whose number format shows a date (built-in date formats, or custom codes with day or year).</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null) return result;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58
                || custom.TryGetValue(id, out var code) && IsDateCode(code))
                result.Add(index);
            index++;
        }
        return result;
    }

    /// <summary>A number format code that shows a date: it has a day or year part outside quoted text, escapes and [colour/locale] blocks.</summary>
    internal static bool IsDateCode(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes) { inQuotes = c != '"'; continue; }
            if (inBrackets) { inBrackets = c != ']'; continue; }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case '[': inBrackets = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'd' or 'D' or 'y' or 'Y': return true;
            }
        }
        return false;
    }

    /// <summary>"A1" → 0, "AB12" → 27.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = index * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = index * 26 + (c - 'a' + 1);
            else break;
        }
        return Math.Max(index - 1, 0);
    }

    /// <summary>The exceptions a damaged, foreign or oversized package raises while being read.</summary>
    private static bool IsUnreadable(Exception ex) =>
        ex is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException
            or InvalidOperationException or NotSupportedException or ArgumentException or IOException;
}
