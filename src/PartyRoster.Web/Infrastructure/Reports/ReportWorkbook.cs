using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// Writes report tables to .xlsx through the streaming <see cref="XlsxWriter"/>: one sheet per table, the Vietnamese
/// headers as the (frozen) first row, numbers as numbers (percentages as 92.3 under a "(%)" header), the totals row,
/// then the report's heading and notes under the table so a sheet read alone still says what it counts.
/// </summary>
public static class ReportWorkbook
{
    /// <summary>The workbook as a download, written while it is produced.</summary>
    public static StreamedDownload Download(ReportHeader header, IReadOnlyList<ReportTable> tables, string fileName) =>
        new(XlsxWriter.ContentType, fileName, (stream, ct) => WriteAsync(stream, header, tables, ct));

    public static async Task WriteAsync(Stream output, ReportHeader header, IReadOnlyList<ReportTable> tables, CancellationToken ct)
    {
        using var writer = new XlsxWriter(output);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var columns = table.Columns
                .Select((c, i) => new SheetColumn<object?[]>(c.Header, c.Kind == ReportCellKind.Text ? CellKind.Text : CellKind.Number, row => row[i], c.Width))
                .ToList();
            await writer.WriteSheetAsync(SheetName(table, used), columns, Rows(header, table), ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>The table's rows as cell values, then a blank row, the heading and the notes in the first column.</summary>
    private static IEnumerable<object?[]> Rows(ReportHeader header, ReportTable table)
    {
        var width = table.Columns.Count;
        foreach (var row in table.Rows) yield return [.. row.Cells.Select(c => c.Value)];
        object?[] Line(string text)
        {
            var line = new object?[width];
            line[0] = text;
            return line;
        }
        yield return new object?[width];
        yield return Line($"{header.Title} – {table.Title}");
        yield return Line(header.Organization);
        if (header.Period is not null) yield return Line(header.Period);
        yield return Line("Ngày lập: " + Format.Date(header.Printed));
        foreach (var note in table.Notes) yield return Line(note);
    }

    /// <summary>A valid, unique sheet name: the table's short name or title, without the characters Excel forbids, at most 31 characters.</summary>
    public static string SheetName(ReportTable table, ISet<string> used)
    {
        var name = new string((table.SheetName ?? table.Title).Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        if (name.Length > XlsxWriter.MaxSheetNameLength) name = name[..XlsxWriter.MaxSheetNameLength].TrimEnd();
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = name[..Math.Min(name.Length, XlsxWriter.MaxSheetNameLength - suffix.Length)] + suffix;
        }
        return candidate;
    }
}
