using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyRoster.Web.Tests.Infrastructure;

/// <summary>Downloaded .xlsx files re-opened with the Open XML SDK, for cell-by-cell checks.</summary>
public static class Workbooks
{
    /// <summary>Every sheet's rows as (text, is a number) per cell, in order; empty cells are left out of a row.</summary>
    public static Dictionary<string, List<List<(string Text, bool IsNumber)>>> Sheets(byte[] xlsx)
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var result = new Dictionary<string, List<List<(string, bool)>>>();
        var part = book.WorkbookPart!;
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = (WorksheetPart)part.GetPartById(sheet.Id!);
            result[sheet.Name!] = ws.Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
                    ? (c.InlineString!.InnerText, false)
                    : (c.CellValue!.Text, true)).ToList())
                .ToList();
        }
        return result;
    }
}
