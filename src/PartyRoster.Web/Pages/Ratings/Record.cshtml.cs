using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Ratings;

/// <summary>
/// The cell records a year's ratings in one form: a score for every member to be rated (the level shows as it is
/// typed), an optional lower level with its reason, and the members left out with why. Saved all or nothing;
/// opening it again corrects what was saved.
/// </summary>
[Authorize(Policy = Policies.RecordRatings)]
public sealed class RecordModel(PartyRosterDbContext db, AccessService access, RatingRuleBook book, TimeProvider clock) : PageModel
{
    private const string ConflictMessage = "Kết quả đánh giá của chi bộ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

    public Organization Cell { get; private set; } = null!;
    public int Year { get; private set; }
    public RatingRuleSet Rules { get; private set; } = null!;
    public IReadOnlyList<RatingRoster.Candidate> ToRate { get; private set; } = [];
    public IReadOnlyList<RatingRoster.LeftOut> LeftOut { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? RatedOn { get; set; }
        public bool OutstandingUnit { get; set; }
        public string? Resolution { get; set; }
        /// <summary>The sheet's version when the form was shown; null for a sheet not yet saved.</summary>
        public int? Version { get; set; }
        public List<RowInput> Rows { get; set; } = [];
    }

    public sealed class RowInput
    {
        public int MemberId { get; set; }
        public string? Score { get; set; }
        public RatingLevel? LoweredTo { get; set; }
        public string? LoweringReason { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int cellId, int? year, CancellationToken ct)
    {
        var (found, sheet) = await LoadAsync(cellId, year, tracked: false, ct);
        if (!found) return NotFound();
        Fill(sheet);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cellId, int? year, CancellationToken ct)
    {
        var (found, sheet) = await LoadAsync(cellId, year, tracked: true, ct);
        if (!found) return NotFound();
        var today = Format.Today(clock);

        var ratedOn = Format.ParseDate(Input.RatedOn);
        if (ratedOn is null) ModelState.AddModelError("Input.RatedOn", "Ngày chi bộ họp đánh giá không hợp lệ (dd/mm/yyyy).");
        var names = ToRate.ToDictionary(c => c.Id, c => c.FullName);
        var entries = new List<RatingEntry>();
        for (var i = 0; i < Input.Rows.Count; i++)
        {
            var row = Input.Rows[i];
            var name = names.GetValueOrDefault(row.MemberId, "Đảng viên");
            int? score = null;
            if (!string.IsNullOrWhiteSpace(row.Score))
            {
                if (int.TryParse(row.Score.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) score = parsed;
                else
                {
                    ModelState.AddModelError($"Input.Rows[{i}].Score", $"{name}: điểm phải là số nguyên từ 0 đến {Rules.MaximumScore.Value}.");
                    continue;
                }
                // The same rule the sheet applies, asked line by line so the message names the member.
                try { AnnualRating.Evaluate(parsed, row.LoweredTo, row.LoweringReason, row.Note, Rules); }
                catch (DomainException ex) { ModelState.AddModelError($"Input.Rows[{i}].Score", $"{name}: {ex.Message}"); }
            }
            entries.Add(new RatingEntry(row.MemberId, score, row.LoweredTo, row.LoweringReason, row.Note));
        }
        if (!ModelState.IsValid) return Page();

        // A form shown before the sheet existed, or with an older version, cannot prove it saw the latest record.
        if (sheet is not null && Input.Version is null || sheet is null && Input.Version is not null) return await ConflictAsync(cellId, ct);
        sheet ??= new RatingSheet(Cell.Id, Year);
        if (!ModelState.TryApply(() => sheet.Record(ratedOn!.Value, Input.OutstandingUnit, Input.Resolution, entries,
                ToRate.Select(c => c.Id).ToHashSet(), Rules, today)))
            return Page();

        if (Input.Version is null) db.RatingSheets.Add(sheet);
        else db.Entry(sheet).Property(s => s.Version).OriginalValue = Input.Version!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or a sheet (or a member's rating) saved by someone else since the form was shown.
            return await ConflictAsync(cellId, ct);
        }

        TempData["Message"] = $"Đã lưu kết quả đánh giá, xếp loại năm {Year} của {Cell.Name} ({Format.Number(sheet.Ratings.Count)} đảng viên).";
        return RedirectToPage("Index", new { orgId = Cell.Id, year = Year });
    }

    /// <summary>The posted row of a member, so a re-rendered form keeps what was typed.</summary>
    public RowInput RowFor(int memberId) =>
        Input.Rows.Find(r => r.MemberId == memberId) ?? new RowInput { MemberId = memberId };

    /// <summary>The level the typed score earns now, for the first render (ratings.js keeps it current).</summary>
    public RatingLevel? LevelFor(RowInput row) =>
        int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= Rules.MaximumScore.Value
            ? row.LoweredTo is { } lowered && lowered.IsBelow(Rules.LevelFor(s)) ? lowered : Rules.LevelFor(s)
            : null;

    private async Task<IActionResult> ConflictAsync(int cellId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var (_, fresh) = await LoadAsync(cellId, Year, tracked: false, ct);
        ModelState.Clear();
        Fill(fresh);
        ModelState.AddModelError("", ConflictMessage);
        return Page();
    }

    private void Fill(RatingSheet? sheet)
    {
        var lines = sheet?.Ratings.ToDictionary(r => r.MemberId) ?? [];
        Input = new InputModel
        {
            RatedOn = Format.Date(sheet?.RatedOn ?? Format.Today(clock)),
            OutstandingUnit = sheet?.OutstandingUnit ?? false,
            Resolution = sheet?.Resolution,
            Version = sheet?.Version,
            Rows = [.. ToRate.Select(c => lines.TryGetValue(c.Id, out var r)
                ? new RowInput { MemberId = c.Id, Score = r.Score.ToString(CultureInfo.InvariantCulture), LoweredTo = r.IsLowered ? r.Level : null, LoweringReason = r.LoweringReason, Note = r.Note }
                : new RowInput { MemberId = c.Id })],
        };
    }

    /// <summary>Loads the cell (not found → 404), the year's rules and roster, and the sheet if it exists.</summary>
    private async Task<(bool Found, RatingSheet? Sheet)> LoadAsync(int cellId, int? year, bool tracked, CancellationToken ct)
    {
        var today = Format.Today(clock);
        Year = year ?? RatingYears.Default(today);
        if (!RatingYears.Choices(book, today).Contains(Year)) return (false, null);
        var cell = await MeetingCells.FindAsync(access, cellId, Capability.RecordRatings, ct);
        if (cell is null) return (false, null);
        Cell = cell;
        Rules = book.ForYear(Year);
        var roster = await RatingRoster.LoadAsync(db, cellId, Year, Rules, ct);
        ToRate = roster.ToRate;
        LeftOut = roster.LeftOut;
        var query = db.RatingSheets.Where(s => s.CellId == cellId && s.Year == Year);
        return (true, await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct));
    }
}
