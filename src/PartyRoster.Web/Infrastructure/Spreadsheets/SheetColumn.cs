namespace PartyRoster.Web.Infrastructure.Spreadsheets;

/// <summary>How a column's values are written.</summary>
public enum CellKind
{
    /// <summary>Text (a string); in .xlsx the column is also formatted as text, so what people type later keeps its leading zeros.</summary>
    Text,
    /// <summary>A number (any integral or floating type), written as a number: Excel sums and sorts it.</summary>
    Number,
    /// <summary>A <see cref="DateOnly"/>, written as a real Excel date shown dd/MM/yyyy; in .csv as dd/MM/yyyy text.</summary>
    Date,
}

/// <summary>
/// One column of a table written to .xlsx (<see cref="XlsxWriter"/>) or .csv (<see cref="CsvTable"/>): its header, how
/// to get a row's value, its kind and (for .xlsx) its width in characters. A null value leaves the cell empty.
/// </summary>
public sealed record SheetColumn<T>(string Header, CellKind Kind, Func<T, object?> Value, double Width = 16);

/// <summary>One row read from a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The text of the cell at <paramref name="index"/> (empty past the last cell).</summary>
    public string this[int index] => index < Cells.Count ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
