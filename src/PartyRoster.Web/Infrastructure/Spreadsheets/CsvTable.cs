using System.Globalization;
using CsvHelper;
using PartyRoster.Domain;

namespace PartyRoster.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Tables as CSV with CsvHelper: written as UTF-8 <b>with a byte-order mark</b> (without it Excel shows
/// Vietnamese letters as mojibake), comma-separated, RFC 4180 quoting, header row first, dates dd/MM/yyyy,
/// numbers in plain digits; read from UTF-8 (or UTF-16 with its mark) with the separator detected, since Excel
/// saves ";" under some regional settings.
/// </summary>
/// <remarks>
/// Text that a spreadsheet would run as a formula (it starts with = @ + - tab or CR) is written behind an
/// apostrophe, which Excel shows as text (CsvHelper's injection protection, as OWASP recommends); the reader
/// removes that apostrophe again, so an exported file imports as it was.
/// </remarks>
public static class CsvTable
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string NotUtf8Message =
        "Tệp CSV phải được lưu theo bảng mã UTF-8. Trong Excel: Tệp → Lưu thành → chọn kiểu \"CSV UTF-8 (Comma delimited)\".";

    private const string FormulaStarts = "=@+-\t\r";

    private static readonly CsvWriterOptions WriteOptions = CsvWriterOptions.Default with
    {
        Separator = ',',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        HasHeader = false,
        TrimWhitespace = true,
        // An empty line is an empty row in Excel too: keeping it keeps the row numbers people see.
        SkipEmptyLines = false,
    };

    /// <summary>Writes the header row and every row of <paramref name="rows"/> as it arrives (asynchronously); returns the number of rows.</summary>
    public static async Task<int> WriteAsync<T>(Stream output, IReadOnlyList<SheetColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var count = 0;
        await using var csv = CsvWriter.Create(output, WriteOptions, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns) WriteValue(csv, column, row);
            await csv.EndRecordAsync(ct);
            count++;
        }
        await csv.FlushAsync(ct);
        return count;
    }

    /// <summary>
    /// The records of a CSV file as rows (the header is row 1). Throws <see cref="DomainException"/> with
    /// <see cref="NotUtf8Message"/> when the bytes are not UTF-8 (they decode to replacement characters).
    /// </summary>
    public static IEnumerable<SheetRow> Read(Stream stream)
    {
        using var reader = CsvReader.Create(stream, ReadOptions, leaveOpen: true);
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = reader.Current.ToArray();
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = cells[i] ?? "";
                if (cell.Contains('\uFFFD', StringComparison.Ordinal)) throw new DomainException(NotUtf8Message);
                cells[i] = cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static void WriteValue<T>(CsvWriter csv, SheetColumn<T> column, T row)
    {
        switch (column.Value(row))
        {
            case null: csv.WriteField(""); break;
            case string text: csv.WriteField(text); break;
            case DateOnly date: csv.WriteField(Format.Date(date)); break;
            // As a value, not text: numbers are never formulas, so "-5" gets no apostrophe.
            case IFormattable number: csv.WriteField((object)number); break;
            case var other: throw new ArgumentException($"Column {column.Header} gave a {other.GetType().Name}; write text, a number or a DateOnly.");
        }
    }
}
