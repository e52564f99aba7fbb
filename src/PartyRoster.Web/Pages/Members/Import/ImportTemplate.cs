using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>
/// The file people fill in: sheet "Đảng viên" with the header row of <see cref="MemberSheet.Importable"/> and one
/// made-up example row (recognised and refused if it is left in), sheet "Danh mục" with the user's cells (code,
/// name, parent) and the values the coded columns accept, and sheet "Hướng dẫn" with what each column takes.
/// </summary>
public static class ImportTemplate
{
    public const string FileName = "mau-nhap-dang-vien.xlsx";

    /// <summary>A cell the user may import into, in tree order.</summary>
    public sealed record CellEntry(string? Code, string Name, string? Parent);

    public static async Task WriteAsync(Stream output, IReadOnlyList<CellEntry> cells, DateOnly today, CancellationToken ct)
    {
        using var workbook = new XlsxWriter(output);
        var first = cells.Count > 0 ? cells[0] : new CellEntry(null, "Chi bộ …", null);
        await workbook.WriteSheetAsync("Đảng viên", MemberSheet.Importable.Select(f => f.Column(today)).ToList(),
            [MemberSheet.Example(first.Code, first.Name)], ct);

        string?[][] lists =
        [
            cells.Select(c => c.Code).ToArray(),
            cells.Select(c => (string?)c.Name).ToArray(),
            cells.Select(c => c.Parent).ToArray(),
            Enum.GetValues<Gender>().Select(g => (string?)g.DisplayName()).ToArray(),
            Ethnicities.All.ToArray<string?>(),
            Religions.All.ToArray<string?>(),
            Enum.GetValues<PoliticalTheoryLevel>().Select(l => (string?)l.DisplayName()).ToArray(),
        ];
        var rows = Enumerable.Range(0, lists.Max(l => l.Length)).Select(i => lists.Select(l => i < l.Length ? l[i] : null).ToArray());
        await workbook.WriteSheetAsync("Danh mục", new SheetColumn<string?[]>[]
        {
            new(MemberSheet.CellCode.Header, CellKind.Text, r => r[0], 12),
            new("Tên chi bộ", CellKind.Text, r => r[1], 36),
            new("Trực thuộc", CellKind.Text, r => r[2], 36),
            new("Giới tính", CellKind.Text, r => r[3], 10),
            new("Dân tộc", CellKind.Text, r => r[4], 14),
            new("Tôn giáo", CellKind.Text, r => r[5], 14),
            new("Lý luận chính trị", CellKind.Text, r => r[6], 18),
        }, rows, ct);

        await workbook.WriteSheetAsync("Hướng dẫn", new SheetColumn<MemberSheet.Field>[]
        {
            new("Cột", CellKind.Text, f => f.Header, 26),
            new("Bắt buộc", CellKind.Text, f => f.Required ? "Bắt buộc" : null, 10),
            new("Cách ghi", CellKind.Text, f => f.Note, 90),
        }, MemberSheet.Importable, ct);

        await workbook.CompleteAsync(ct);
    }
}
