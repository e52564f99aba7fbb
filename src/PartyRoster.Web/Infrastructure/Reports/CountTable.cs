namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// One counted column of a <see cref="CountTable"/>: its header, the count for a row, and the list behind it. With
/// <see cref="PercentOf"/> the column shows the count as a percentage of that whole (the totals row: of the wholes' sum).
/// </summary>
public sealed record CountColumn<TKey>(string Header, Func<TKey, long> Count, Func<TKey, string?>? Href = null, double Width = 14)
{
    public Func<TKey, long>? PercentOf { get; init; }
}

/// <summary>
/// Builds the commonest report table: one row per key (a year, an organisation), counted columns, and a totals row
/// whose cells are the column sums. Reports differ only in their keys and columns.
/// </summary>
public static class CountTable
{
    /// <summary>A row key from a number (a year, an id), culture-free.</summary>
    public static string Key(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ReportTable Build<TKey>(string id, string title, string keyHeader, IEnumerable<(TKey Key, string RowKey, string Label)> rows,
        IReadOnlyList<CountColumn<TKey>> columns, string totalLabel = "Tổng cộng", double keyWidth = 30)
    {
        var table = new ReportTable(id, title,
            [new ReportColumn(keyHeader, ReportCellKind.Text, keyWidth),
             .. columns.Select(c => new ReportColumn(c.Header, c.PercentOf is null ? ReportCellKind.Number : ReportCellKind.Percent, c.Width))])
        {
            SheetName = "Theo " + keyHeader.ToLower(Format.Vietnamese),
        };
        var totals = new long[columns.Count];
        var wholes = new long[columns.Count];
        foreach (var (key, rowKey, label) in rows)
        {
            var cells = new ReportCell[columns.Count + 1];
            cells[0] = label;
            for (var i = 0; i < columns.Count; i++)
            {
                var n = columns[i].Count(key);
                totals[i] += n;
                if (columns[i].PercentOf is { } whole)
                {
                    var w = whole(key);
                    wholes[i] += w;
                    cells[i + 1] = new ReportCell(ReportTable.Percent(n, w));
                }
                else
                {
                    cells[i + 1] = new ReportCell(n, n == 0 ? null : columns[i].Href?.Invoke(key));
                }
            }
            table.AddRow(rowKey, cells);
        }
        table.AddTotal([totalLabel, .. totals.Select((t, i) => columns[i].PercentOf is null ? (ReportCell)t : new ReportCell(ReportTable.Percent(t, wholes[i])))]);
        return table;
    }
}
