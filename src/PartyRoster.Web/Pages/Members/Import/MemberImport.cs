using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>A problem found in the file: its row as the spreadsheet numbers it (0: the file as a whole), the column's header, the message.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>A row that becomes a new member: the form's input read from the row, and the cell it goes to.</summary>
public sealed record NewMemberRow(int Row, MemberInput Input, int CellId, string CellName);

/// <summary>A row whose member is already on the roll (same CCCD or card number, same name): skipped.</summary>
public sealed record ExistingMemberRow(int Row, string FullName, int MemberId);

/// <summary>What a file holds: the rows to import, the errors, the members already on the roll, the columns not used.</summary>
public sealed class ImportReport
{
    public int RowCount { get; internal set; }
    public List<NewMemberRow> New { get; } = [];
    public List<ImportIssue> Errors { get; } = [];
    public List<ExistingMemberRow> Existing { get; } = [];
    public List<string> IgnoredColumns { get; } = [];

    public int ErrorRowCount => Errors.Select(e => e.Row).Distinct().Count();

    /// <summary>All or nothing (ADR-010): an import runs only when no row has an error, and there is something to add.</summary>
    public bool CanCommit => Errors.Count == 0 && New.Count > 0;
}

/// <summary>
/// Reads a member list (rows of a workbook or CSV, first row the headers of <see cref="MemberSheet"/>) and judges
/// every row: the same rules as the member form (<see cref="MemberRecordRules"/>), the cell (by code or exact
/// name; a chi bộ in the importer's scope), and the checks across rows: a CCCD or card number twice in the file,
/// or already given to a member. A row whose member is already on the roll (same CCCD, or same card number, and
/// the same name) is "đã có" and skipped, so importing the same file twice adds nobody twice.
/// </summary>
public sealed class MemberImport(PartyRosterDbContext db, TimeProvider clock)
{
    /// <summary>The largest file taken at once; larger lists are split (the preview lists every problem).</summary>
    public const int MaxRows = 20_000;

    /// <summary>Existing CCCDs and card numbers are looked up this many at a time.</summary>
    private const int LookupChunk = 500;

    private sealed record Cell(int Id, string? Code, string Name, OrganizationKind Kind, OrganizationStatus Status);

    private sealed record Known(int Id, string FullName, string SearchName, bool OnRoll, string Path);

    private sealed record Candidate(int Row, MemberInput Input, Cell? Cell, List<ImportIssue> Issues);

    /// <summary>Judges every row; the scope is the importer's (the organisations whose members they may import).</summary>
    public async Task<ImportReport> AnalyseAsync(IEnumerable<SheetRow> rows, IReadOnlyList<string> scopePaths, CancellationToken ct)
    {
        var report = new ImportReport();
        try
        {
            await AnalyseRowsAsync(rows, scopePaths, report, ct);
        }
        catch (DomainException ex)
        {
            // The file itself could not be read to the end: nothing of it is imported.
            report.New.Clear();
            report.Errors.Add(new ImportIssue(0, "", ex.Message));
        }
        return report;
    }

    private async Task AnalyseRowsAsync(IEnumerable<SheetRow> rows, IReadOnlyList<string> scopePaths, ImportReport report, CancellationToken ct)
    {
        using var e = rows.GetEnumerator();
        SheetRow? header = null;
        while (e.MoveNext())
        {
            if (e.Current.IsBlank) continue;
            header = e.Current;
            break;
        }
        if (header is null)
        {
            report.Errors.Add(new ImportIssue(0, "", "Tệp không có dòng nào."));
            return;
        }

        var columns = ReadHeader(header, report);
        if (report.Errors.Count > 0) return;

        var cells = await CellsAsync(scopePaths, ct);
        var validator = new MemberRecordRules(clock);
        var candidates = new List<Candidate>();
        while (e.MoveNext())
        {
            var row = e.Current;
            if (row.IsBlank) continue;
            if (++report.RowCount > MaxRows)
            {
                report.Errors.Add(new ImportIssue(0, "", $"Tệp có hơn {Format.Number(MaxRows)} dòng: hãy chia danh sách thành nhiều tệp."));
                return;
            }
            candidates.Add(ReadRow(row, columns, cells, validator));
        }
        if (report.RowCount == 0)
        {
            report.Errors.Add(new ImportIssue(0, "", "Tệp chỉ có dòng tiêu đề, chưa có đảng viên nào."));
            return;
        }

        var byCitizenId = await KnownAsync(candidates.Select(c => CitizenId(c.Input)), ids => m => ids.Contains(m.CitizenId!)
            && (m.RollState == RollState.Active || m.RollState == RollState.ExemptFromActivities || m.RollState == RollState.TemporarilyAway), ct);
        var byCard = await KnownAsync(candidates.Select(c => CardNumber(c.Input)), cards => m => cards.Contains(m.PartyCardNumber!), ct);

        var firstRowOfCitizenId = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRowOfCard = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            var citizenId = CitizenId(c.Input);
            var card = CardNumber(c.Input);
            var known = (citizenId is not null ? byCitizenId.GetValueOrDefault(citizenId) : null)
                ?? (card is not null && byCard.GetValueOrDefault(card) is { OnRoll: true } k ? k : null);
            if (known is not null)
            {
                if (SameName(known, c.Input))
                {
                    // Already on the roll: skipped whatever else the row says, so a re-import adds nobody twice.
                    report.Existing.Add(new ExistingMemberRow(c.Row, VietnameseName.Normalize(c.Input.FullName), known.Id));
                    continue;
                }
                var column = Header(citizenId is not null && byCitizenId.ContainsKey(citizenId)
                    ? nameof(MemberInput.CitizenId) : nameof(MemberInput.PartyCardNumber));
                c.Issues.Add(new ImportIssue(c.Row, column,
                    $"{column} này đã là của {Who(known, scopePaths)} đang trong danh sách, nhưng họ tên trong tệp khác (\"{VietnameseName.Normalize(c.Input.FullName)}\")."));
            }
            else if (card is not null && byCard.GetValueOrDefault(card) is { } holder)
            {
                c.Issues.Add(new ImportIssue(c.Row, Header(nameof(MemberInput.PartyCardNumber)),
                    $"Số thẻ đảng viên {card} đã được cấp cho {Who(holder, scopePaths)} (đã ra khỏi danh sách)."));
            }

            if (citizenId is not null && !firstRowOfCitizenId.TryAdd(citizenId, c.Row))
                c.Issues.Add(new ImportIssue(c.Row, Header(nameof(MemberInput.CitizenId)), $"Số CCCD {citizenId} trùng với dòng {firstRowOfCitizenId[citizenId]} trong tệp."));
            if (card is not null && !firstRowOfCard.TryAdd(card, c.Row))
                c.Issues.Add(new ImportIssue(c.Row, Header(nameof(MemberInput.PartyCardNumber)), $"Số thẻ đảng viên {card} trùng với dòng {firstRowOfCard[card]} trong tệp."));

            if (c.Issues.Count > 0) report.Errors.AddRange(c.Issues);
            else report.New.Add(new NewMemberRow(c.Row, c.Input, c.Cell!.Id, c.Cell.Name));
        }
    }

    /// <summary>Which column holds which field; unknown headers are listed as not used, repeated or missing ones are errors.</summary>
    private static Dictionary<int, MemberSheet.Field> ReadHeader(SheetRow header, ImportReport report)
    {
        var columns = new Dictionary<int, MemberSheet.Field>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header[i];
            if (string.IsNullOrWhiteSpace(text)) continue;
            var field = MemberSheet.Match(text);
            if (field is null)
            {
                report.IgnoredColumns.Add(text);
                continue;
            }
            if (columns.ContainsValue(field))
            {
                report.Errors.Add(new ImportIssue(header.Number, field.Header, $"Cột \"{field.Header}\" có hai lần trong dòng tiêu đề."));
                continue;
            }
            if (field.Import is null && field != MemberSheet.CellCode && field != MemberSheet.CellName) continue; // export-only (Tình trạng…)
            columns[i] = field;
        }
        foreach (var missing in MemberSheet.Importable.Where(f => f.Required && !columns.ContainsValue(f)))
            report.Errors.Add(new ImportIssue(header.Number, missing.Header, $"Thiếu cột \"{missing.Header}\" (bắt buộc)."));
        if (!columns.ContainsValue(MemberSheet.CellCode) && !columns.ContainsValue(MemberSheet.CellName))
            report.Errors.Add(new ImportIssue(header.Number, MemberSheet.CellName.Header,
                $"Thiếu cột \"{MemberSheet.CellCode.Header}\" hoặc \"{MemberSheet.CellName.Header}\": mỗi đảng viên phải có chi bộ."));
        return columns;
    }

    private static Candidate ReadRow(SheetRow row, Dictionary<int, MemberSheet.Field> columns, IReadOnlyList<Cell> cells, MemberRecordRules validator)
    {
        var input = new MemberInput { OnRoll = true };
        var issues = new List<ImportIssue>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        string code = "", name = "";
        foreach (var (index, field) in columns)
        {
            var text = row[index].Trim();
            if (field == MemberSheet.CellCode) code = text;
            else if (field == MemberSheet.CellName) name = text;
            else if (field.Import!(input, text) is { } problem)
            {
                issues.Add(new ImportIssue(row.Number, field.Header, problem));
                unreadable.Add(field.Property!);
            }
        }

        if (CitizenId(input) == MemberSheet.ExampleCitizenId)
        {
            issues.Add(new ImportIssue(row.Number, "", "Đây là dòng ví dụ của tệp mẫu: hãy xóa dòng này trước khi nhập."));
            return new Candidate(row.Number, input, null, issues);
        }

        foreach (var failure in validator.Validate(input).Errors)
        {
            if (unreadable.Contains(failure.PropertyName)) continue; // already reported as unreadable
            issues.Add(new ImportIssue(row.Number, Header(failure.PropertyName), failure.ErrorMessage));
        }

        var (cell, cellIssue) = ResolveCell(code, name, cells);
        if (cellIssue is not null) issues.Add(new ImportIssue(row.Number, code.Length > 0 ? MemberSheet.CellCode.Header : MemberSheet.CellName.Header, cellIssue));
        return new Candidate(row.Number, input, cell, issues);
    }

    /// <summary>The cell a row names, by code (the name, when also given, must agree) or by exact name; an error otherwise.</summary>
    private static (Cell? Cell, string? Error) ResolveCell(string code, string name, IReadOnlyList<Cell> cells)
    {
        Cell cell;
        if (code.Length > 0)
        {
            var byCode = cells.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
            if (byCode is null) return (null, $"Không tìm thấy tổ chức có mã \"{code}\" trong phạm vi quản lý của bạn.");
            if (name.Length > 0 && !SameOrganizationName(byCode.Name, name))
                return (null, $"Mã \"{code}\" là của \"{byCode.Name}\", không khớp với tên chi bộ \"{name}\" ghi trong tệp.");
            cell = byCode;
        }
        else if (name.Length > 0)
        {
            var byName = cells.Where(c => SameOrganizationName(c.Name, name)).ToList();
            if (byName.Count == 0) return (null, $"Không tìm thấy chi bộ \"{name}\" trong phạm vi quản lý của bạn.");
            if (byName.Count > 1) return (null, $"Có {byName.Count} tổ chức cùng tên \"{name}\": hãy ghi mã chi bộ.");
            cell = byName[0];
        }
        else
        {
            return (null, "Hãy ghi mã chi bộ hoặc tên chi bộ.");
        }

        if (!cell.Kind.HoldsMembers())
            return (null, $"\"{cell.Name}\" là {cell.Kind.DisplayName().ToLowerInvariant()}: đảng viên chỉ sinh hoạt tại chi bộ.");
        if (cell.Status != OrganizationStatus.Active)
            return (null, $"Chi bộ \"{cell.Name}\" đã {cell.Status.DisplayName().ToLowerInvariant()}.");
        return (cell, null);
    }

    private async Task<IReadOnlyList<Cell>> CellsAsync(IReadOnlyList<string> scopePaths, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(AccessService.InAnyPath(scopePaths))
            .Select(o => new Cell(o.Id, o.Code, o.Name, o.Kind, o.Status))
            .ToListAsync(ct);

    /// <summary>Members holding any of <paramref name="values"/>, by the value, looked up a chunk at a time.</summary>
    private async Task<Dictionary<string, Known>> KnownAsync(IEnumerable<string?> values,
        Func<List<string>, System.Linq.Expressions.Expression<Func<Member, bool>>> holding, CancellationToken ct)
    {
        var result = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var chunk in values.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var list = chunk.ToList();
            var found = await db.Members.AsNoTracking().Where(holding(list))
                .Select(m => new { m.Id, m.FullName, m.SearchName, m.RollState, m.CitizenId, m.PartyCardNumber, m.Organization!.Path })
                .ToListAsync(ct);
            foreach (var m in found)
            {
                var known = new Known(m.Id, m.FullName, m.SearchName, m.RollState.IsOnRoll(), m.Path);
                foreach (var value in new[] { m.CitizenId, m.PartyCardNumber })
                {
                    // An on-roll holder wins over one who left (a CCCD may be reused after leaving).
                    if (value is not null && list.Contains(value) && (!result.TryGetValue(value, out var other) || !other.OnRoll && known.OnRoll))
                        result[value] = known;
                }
            }
        }
        return result;
    }

    /// <summary>The row's CCCD when it is well formed (only then can it match or clash).</summary>
    private static string? CitizenId(MemberInput input) =>
        MemberRecordRules.CitizenIdWellFormed(input.CitizenId) ? input.CitizenId!.Trim() : null;

    private static string? CardNumber(MemberInput input) =>
        MemberRecordRules.CardNumberWellFormed(input.PartyCardNumber) ? VietnameseName.Normalize(input.PartyCardNumber) : null;

    private static bool SameName(Known known, MemberInput input) => known.SearchName == VietnameseName.Fold(input.FullName);

    private static bool SameOrganizationName(string a, string b) =>
        string.Equals(VietnameseName.Normalize(a), VietnameseName.Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The member's name when the importer may see them; otherwise only that someone holds it.</summary>
    private static string Who(Known known, IReadOnlyList<string> scopePaths) =>
        scopePaths.Any(p => known.Path.StartsWith(p, StringComparison.Ordinal)) ? $"đảng viên {known.FullName} (mã {known.Id})" : "một đảng viên khác";

    private static string Header(string property) => MemberSheet.HeaderOf(property) ?? property;
}
