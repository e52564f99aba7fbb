using PartyRoster.Domain;

namespace PartyRoster.Web.Infrastructure.Spreadsheets;

public enum SpreadsheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// An uploaded table: which format its bytes show (not its name or the browser's content type) and its rows.
/// </summary>
public static class SpreadsheetFile
{
    public const string NotASpreadsheetMessage = "Tệp không phải bảng tính: chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).";

    public const string OldExcelMessage =
        "Tệp Excel 97–2003 (.xls) chưa được hỗ trợ: hãy mở tệp bằng Excel rồi lưu thành \"Excel Workbook (.xlsx)\".";

    /// <summary>How many leading bytes <see cref="Detect"/> wants to see (fewer when the file is shorter).</summary>
    public const int SampleLength = 4096;

    /// <summary>No part of an uploaded workbook may expand beyond this many characters (a zip bomb stops here).</summary>
    public const long MaxCharactersInPart = 200_000_000;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldExcel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The format shown by the first bytes of a file: a zip package is an .xlsx; text is CSV. Throws
    /// <see cref="DomainException"/> with a Vietnamese message for anything else (an image, a PDF, an old .xls).
    /// </summary>
    public static SpreadsheetFormat Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith(Zip)) return SpreadsheetFormat.Xlsx;
        if (sample.StartsWith(OldExcel)) throw new DomainException(OldExcelMessage);
        // UTF-16 text (Excel's "Unicode Text") is full of zero bytes: its byte-order mark says it is text.
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return SpreadsheetFormat.Csv;
        // Text never holds control bytes other than tab, line feed, carriage return and (rarely) escape.
        foreach (var b in sample)
        {
            if (b is < 0x09 or (> 0x0D and < 0x20 and not 0x1B)) throw new DomainException(NotASpreadsheetMessage);
        }
        if (sample.StartsWith(FileSignatures.Pdf.Magic)) throw new DomainException(NotASpreadsheetMessage);
        return SpreadsheetFormat.Csv;
    }

    /// <summary>
    /// The rows of the file (the first sheet of a workbook), read as they are enumerated. Unreadable content
    /// surfaces as <see cref="DomainException"/> with a Vietnamese message during the enumeration.
    /// </summary>
    public static IEnumerable<SheetRow> Read(string path, SpreadsheetFormat format)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var rows = format == SpreadsheetFormat.Xlsx ? XlsxReader.ReadFirstSheet(stream, MaxCharactersInPart) : CsvTable.Read(stream);
        foreach (var row in rows) yield return row;
    }
}
