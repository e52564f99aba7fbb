namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>How a report column's values are shown on screen and written to .xlsx.</summary>
public enum ReportCellKind
{
    Text,
    /// <summary>A whole number: "1.234" on screen, a number in .xlsx.</summary>
    Number,
    /// <summary>A percentage 0–100 with one decimal: "92,3%" on screen, the number 92.3 in .xlsx (the header says "%").</summary>
    Percent,
}

/// <summary>One column: its Vietnamese header, kind and width in characters (for .xlsx).</summary>
public sealed record ReportColumn(string Header, ReportCellKind Kind = ReportCellKind.Number, double Width = 14);

/// <summary>A value and, optionally, the list it counts (a link on screen).</summary>
public sealed record ReportCell(object? Value, string? Href = null)
{
    // Cast to object: with a string argument the record's copy constructor would otherwise be chosen, through this very conversion.
    public static implicit operator ReportCell(string? text) => new((object?)text);

    public static implicit operator ReportCell(long number) => new((object)number);
}

/// <summary>One row; <see cref="Key"/> identifies it for links and tests (e.g. a year or an organisation id).</summary>
public sealed record ReportRow(string? Key, IReadOnlyList<ReportCell> Cells, bool IsTotal = false);

/// <summary>
/// A statistics table as committees print it: a title, Vietnamese column headers, rows, a totals row and notes
/// (the legal basis, how a figure is counted). One partial (Shared/_ReportTable) renders any table for screen and
/// A4 print, and <see cref="ReportWorkbook"/> writes any list of tables to .xlsx, one sheet each.
/// </summary>
public sealed class ReportTable
{
    public ReportTable(string id, string title, IReadOnlyList<ReportColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (columns.Count == 0) throw new ArgumentException("A report table needs at least one column.", nameof(columns));
        Id = id;
        Title = title;
        Columns = columns;
    }

    /// <summary>HTML id of the table and (shortened) the .xlsx sheet name.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>Short name of the sheet in .xlsx (at most 31 characters); the title when not set.</summary>
    public string? SheetName { get; set; }

    public IReadOnlyList<ReportColumn> Columns { get; }

    public List<ReportRow> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Text shown instead of an empty table.</summary>
    public string EmptyText { get; init; } = "Không có số liệu.";

    public ReportTable AddRow(string? key, params ReportCell[] cells)
    {
        Check(cells);
        Rows.Add(new ReportRow(key, cells));
        return this;
    }

    public ReportTable AddTotal(params ReportCell[] cells)
    {
        Check(cells);
        Rows.Add(new ReportRow("total", cells, IsTotal: true));
        return this;
    }

    /// <summary>The value of the cell in the row with <paramref name="key"/> under <paramref name="header"/> (for tests and dashboards).</summary>
    public object? ValueAt(string key, string header)
    {
        var column = Columns.ToList().FindIndex(c => c.Header == header);
        var row = Rows.FirstOrDefault(r => r.Key == key);
        return column < 0 || row is null ? null : row.Cells[column].Value;
    }

    /// <summary>A share as a percentage with one decimal (0 when the whole is 0).</summary>
    public static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>How a cell reads on screen and in print.</summary>
    public static string Display(ReportColumn column, ReportCell cell) => cell.Value switch
    {
        null => "",
        long n when column.Kind == ReportCellKind.Number => Format.Number(n),
        int n when column.Kind == ReportCellKind.Number => Format.Number(n),
        double d when column.Kind == ReportCellKind.Percent => d.ToString("0.0", Format.Vietnamese) + "%",
        DateOnly d => Format.Date(d),
        var v => Convert.ToString(v, Format.Vietnamese) ?? "",
    };

    private void Check(ReportCell[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Table {Id} has {Columns.Count} columns, the row has {cells.Length} cells.", nameof(cells));
    }
}
