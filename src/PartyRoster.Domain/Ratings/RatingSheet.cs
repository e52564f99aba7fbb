using System.Globalization;

namespace PartyRoster.Domain.Ratings;

/// <summary>One member's line as entered on the cell's form: the score, and optionally a lower level with its reason.</summary>
public sealed record RatingEntry(int MemberId, int? Score, RatingLevel? LoweredTo, string? LoweringReason, string? Note);

/// <summary>
/// A cell's annual rating of its members for one year (đánh giá, xếp loại đảng viên cuối năm): the date the
/// cell met, whether the cell was recognised "trong sạch, vững mạnh tiêu biểu", its resolution, and one
/// <see cref="AnnualRating"/> per member rated. Saved all at once; saving again corrects it.
/// </summary>
public sealed class RatingSheet
{
    public const int ResolutionMaxLength = 100;
    public const int QuotaWarningMaxLength = 1000;

    private readonly List<AnnualRating> _ratings = [];

    private RatingSheet() { }

    public RatingSheet(int cellId, int year)
    {
        if (cellId <= 0) throw new DomainException("Chi bộ không hợp lệ.");
        if (year is < 1930 or > 9998) throw new DomainException("Năm đánh giá không hợp lệ.");
        CellId = cellId;
        Year = year;
    }

    public int CellId { get; private set; }
    public int Year { get; private set; }
    /// <summary>The day the cell met to rate its members.</summary>
    public DateOnly RatedOn { get; private set; }
    /// <summary>The cell was recognised "trong sạch, vững mạnh tiêu biểu" for the year: the larger quota applies.</summary>
    public bool OutstandingUnit { get; private set; }
    /// <summary>Number of the cell's resolution or minutes (optional).</summary>
    public string? Resolution { get; private set; }
    /// <summary>The quota warning as it stood when the cell last saved, kept with the year's record.</summary>
    public string? QuotaWarning { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyCollection<AnnualRating> Ratings => _ratings.AsReadOnly();

    public void BumpVersion() => Version++;

    /// <summary>The quota as the current lines stand.</summary>
    public QuotaCheck Quota(RatingRuleSet rules) => QuotaCheck.For(
        _ratings.Count(r => r.Level == RatingLevel.Excellent), _ratings.Count(r => r.Level == RatingLevel.Good), OutstandingUnit, rules);

    /// <summary>
    /// Records (or corrects) the ratings of every member to be rated: each of <paramref name="toRate"/> must
    /// have exactly one line with a score, and nobody else may. Everything is checked before anything changes.
    /// Lines of members rated earlier who are no longer to be rated here (moved away, left) stay as recorded.
    /// </summary>
    public void Record(DateOnly ratedOn, bool outstandingUnit, string? resolution, IEnumerable<RatingEntry> entries,
        IReadOnlySet<int> toRate, RatingRuleSet rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(toRate);
        ArgumentNullException.ThrowIfNull(rules);
        if (Year > today.Year) throw new DomainException($"Chưa thể đánh giá, xếp loại năm {Year}.");
        if (ratedOn > today) throw new DomainException("Ngày chi bộ họp đánh giá không được sau ngày hôm nay.");
        if (ratedOn.Year < Year) throw new DomainException($"Ngày chi bộ họp đánh giá phải thuộc năm {Year} trở về sau.");
        resolution = Clean(resolution);
        if (resolution is { Length: > ResolutionMaxLength }) throw new DomainException($"Số nghị quyết, biên bản dài quá {ResolutionMaxLength} ký tự.");
        if (toRate.Count == 0) throw new DomainException($"Chi bộ không có đảng viên nào thuộc diện đánh giá, xếp loại năm {Year}.");

        var list = entries.ToList();
        var outsiders = list.Count(e => !toRate.Contains(e.MemberId));
        if (outsiders > 0) throw new DomainException($"Có {outsiders} dòng đánh giá cho người không thuộc diện đánh giá của chi bộ.");
        if (list.Select(e => e.MemberId).Distinct().Count() != list.Count) throw new DomainException("Một đảng viên được đánh giá hai lần.");
        var missing = toRate.Count(id => !list.Exists(e => e.MemberId == id && e.Score is not null));
        if (missing > 0) throw new DomainException($"Còn {missing} đảng viên chưa có điểm.");
        var levels = list.ToDictionary(e => e.MemberId, e => AnnualRating.Evaluate(e.Score!.Value, e.LoweredTo, e.LoweringReason, e.Note, rules));

        RatedOn = ratedOn;
        OutstandingUnit = outstandingUnit;
        Resolution = resolution;
        foreach (var e in list)
        {
            var (level, reason, note) = levels[e.MemberId];
            var existing = _ratings.Find(r => r.MemberId == e.MemberId);
            if (existing is null) _ratings.Add(new AnnualRating(e.MemberId, Year, CellId, e.Score!.Value, level, reason, note));
            else existing.Set(e.Score!.Value, level, reason, note);
        }
        QuotaWarning = Quota(rules).Warning;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// One member's rating for one year (part of the cell's <see cref="RatingSheet"/>): the score out of 100 and the
/// level, which follows from the score unless the cell lowered it for a listed case (never raised).
/// </summary>
public sealed class AnnualRating
{
    public const int TextMaxLength = 500;

    private AnnualRating() { }

    internal AnnualRating(int memberId, int year, int cellId, int score, RatingLevel level, string? loweringReason, string? note)
    {
        MemberId = memberId;
        Year = year;
        CellId = cellId;
        Set(score, level, loweringReason, note);
    }

    public int MemberId { get; private set; }
    public int Year { get; private set; }
    /// <summary>The cell that rated the member that year (the member may have moved since).</summary>
    public int CellId { get; private set; }
    public int Score { get; private set; }
    public RatingLevel Level { get; private set; }
    /// <summary>Why the level is lower than the score earns (a listed case); null when the level follows the score.</summary>
    public string? LoweringReason { get; private set; }
    public string? Note { get; private set; }

    public bool IsLowered => LoweringReason is not null;

    /// <summary>
    /// The level a line earns, or the Vietnamese reason it is refused: the score must be a whole number on the
    /// scale; a chosen level must be below the score's level and carry a reason. Choosing the score's own level is no lowering.
    /// </summary>
    public static (RatingLevel Level, string? LoweringReason, string? Note) Evaluate(
        int score, RatingLevel? loweredTo, string? loweringReason, string? note, RatingRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var max = rules.MaximumScore.Value;
        if (score < 0 || score > max) throw new DomainException($"Điểm phải là số nguyên từ 0 đến {max.ToString(CultureInfo.InvariantCulture)}.");
        note = RatingSheet.Clean(note);
        if (note is { Length: > TextMaxLength }) throw new DomainException($"Ghi chú dài quá {TextMaxLength} ký tự.");
        var byScore = rules.LevelFor(score);
        if (loweredTo is null || loweredTo == byScore) return (byScore, null, note);
        if (!Enum.IsDefined(loweredTo.Value)) throw new DomainException("Mức xếp loại không hợp lệ.");
        if (!loweredTo.Value.IsBelow(byScore))
            throw new DomainException($"Không được xếp loại cao hơn mức theo điểm ({score.ToString(CultureInfo.InvariantCulture)} điểm: “{byScore.DisplayName()}”).");
        var reason = RatingSheet.Clean(loweringReason)
            ?? throw new DomainException($"Xếp loại “{loweredTo.Value.DisplayName()}” thấp hơn mức theo điểm thì phải ghi lý do (trường hợp theo quy định).");
        if (reason.Length > TextMaxLength) throw new DomainException($"Lý do dài quá {TextMaxLength} ký tự.");
        return (loweredTo.Value, reason, note);
    }

    internal void Set(int score, RatingLevel level, string? loweringReason, string? note)
    {
        Score = score;
        Level = level;
        LoweringReason = loweringReason;
        Note = note;
    }
}
