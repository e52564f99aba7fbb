using System.Globalization;
using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Ratings;

/// <summary>
/// Every rule of the annual rating (domain.md §6) in force from <see cref="EffectiveFrom"/>: the score
/// bands of the four levels, the quota of "xuất sắc", and who is too recently admitted to be rated.
/// Pages and the demo seed read them from here; no literal of them appears anywhere else.
/// </summary>
public sealed record RatingRuleSet
{
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>A name for people, e.g. "Theo Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW".</summary>
    public required string Name { get; init; }

    /// <summary>Top of the scale (100): scores are whole numbers from 0 to this.</summary>
    public required Rule<int> MaximumScore { get; init; }

    /// <summary>Lowest score rated "Hoàn thành xuất sắc nhiệm vụ" (90).</summary>
    public required Rule<int> ExcellentMinimumScore { get; init; }

    /// <summary>Lowest score rated "Hoàn thành tốt nhiệm vụ" (70).</summary>
    public required Rule<int> GoodMinimumScore { get; init; }

    /// <summary>Lowest score rated "Hoàn thành nhiệm vụ" (50); below it the member did not complete their tasks.</summary>
    public required Rule<int> CompletedMinimumScore { get; init; }

    /// <summary>"Xuất sắc" may be at most this percentage (20) of the members rated "Hoàn thành tốt nhiệm vụ".</summary>
    public required Rule<int> ExcellentQuotaPercent { get; init; }

    /// <summary>The same quota (25) for a cell recognised "trong sạch, vững mạnh tiêu biểu" for the year.</summary>
    public required Rule<int> OutstandingUnitExcellentQuotaPercent { get; init; }

    /// <summary>Members admitted fewer than this many months (6) before the reference date are not rated.</summary>
    public required Rule<int> MinimumMonthsSinceAdmission { get; init; }

    /// <summary>The level a score earns, before any lowering for a listed case.</summary>
    public RatingLevel LevelFor(int score) =>
        score >= ExcellentMinimumScore.Value ? RatingLevel.Excellent
        : score >= GoodMinimumScore.Value ? RatingLevel.Good
        : score >= CompletedMinimumScore.Value ? RatingLevel.Completed
        : RatingLevel.NotCompleted;

    public int ExcellentQuotaPercentFor(bool outstandingUnit) =>
        outstandingUnit ? OutstandingUnitExcellentQuotaPercent.Value : ExcellentQuotaPercent.Value;

    /// <summary>Every rule of the set, with its property name, for listing and documenting.</summary>
    public IReadOnlyList<(string Key, string Description, string Value, LegalBasis Basis)> All() =>
    [
        Row(nameof(MaximumScore), MaximumScore),
        Row(nameof(ExcellentMinimumScore), ExcellentMinimumScore),
        Row(nameof(GoodMinimumScore), GoodMinimumScore),
        Row(nameof(CompletedMinimumScore), CompletedMinimumScore),
        Row(nameof(ExcellentQuotaPercent), ExcellentQuotaPercent),
        Row(nameof(OutstandingUnitExcellentQuotaPercent), OutstandingUnitExcellentQuotaPercent),
        Row(nameof(MinimumMonthsSinceAdmission), MinimumMonthsSinceAdmission),
    ];

    private static (string, string, string, LegalBasis) Row(string key, Rule<int> rule) =>
        (key, rule.Description, rule.Value.ToString(CultureInfo.InvariantCulture), rule.Basis);
}

/// <summary>
/// The rating rule sets over time. A year is judged by the set in force on its reference date
/// (<see cref="ReferenceDate"/>, 31/12 of the year): 2024 by QĐ 124-QĐ/TW, 2025 on by QĐ 366-QĐ/TW.
/// </summary>
public sealed class RatingRuleBook
{
    private readonly List<RatingRuleSet> _sets;

    public RatingRuleBook(IEnumerable<RatingRuleSet> sets)
    {
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Count == 0) throw new DomainException("Cần ít nhất một bộ quy định đánh giá, xếp loại.");
        for (var i = 1; i < _sets.Count; i++)
        {
            if (_sets[i].EffectiveFrom == _sets[i - 1].EffectiveFrom)
                throw new DomainException($"Có hai bộ quy định đánh giá cùng hiệu lực từ {Date(_sets[i].EffectiveFrom)}.");
        }
        foreach (var s in _sets)
        {
            if (!(0 < s.CompletedMinimumScore.Value && s.CompletedMinimumScore.Value < s.GoodMinimumScore.Value
                  && s.GoodMinimumScore.Value < s.ExcellentMinimumScore.Value && s.ExcellentMinimumScore.Value <= s.MaximumScore.Value))
                throw new DomainException($"Khung điểm của \"{s.Name}\" phải tăng dần: hoàn thành < tốt < xuất sắc ≤ điểm tối đa.");
            if (s.ExcellentQuotaPercent.Value is <= 0 or > 100 || s.OutstandingUnitExcellentQuotaPercent.Value is <= 0 or > 100)
                throw new DomainException($"Tỷ lệ xuất sắc của \"{s.Name}\" phải từ 1% đến 100%.");
            if (s.MinimumMonthsSinceAdmission.Value < 0)
                throw new DomainException($"Số tháng kể từ khi kết nạp của \"{s.Name}\" không được âm.");
        }
    }

    public IReadOnlyList<RatingRuleSet> Sets => _sets.AsReadOnly();

    /// <summary>The first year that can be rated: the one whose reference date the earliest set covers.</summary>
    public int FirstYear => _sets[0].EffectiveFrom.Year;

    /// <summary>
    /// The date a year's rating is judged at (who is exempt, suspended or admitted long enough, and which
    /// rules apply): the last day of the year, whatever day the cell meets (ADR-009).
    /// </summary>
    public static DateOnly ReferenceDate(int year) => new(year, 12, 31);

    /// <summary>The set that judges <paramref name="year"/>; years before the first set are refused.</summary>
    public RatingRuleSet ForYear(int year)
    {
        if (year < FirstYear || year > DateOnly.MaxValue.Year)
            throw new DomainException($"Chưa có quy định đánh giá, xếp loại cho năm {year} (sớm nhất là năm {FirstYear}).");
        var reference = ReferenceDate(year);
        return _sets.Last(s => s.EffectiveFrom <= reference);
    }

    /// <summary>
    /// The defaults of domain.md §6. The 100-point bands are QĐ 366-QĐ/TW's (Điều 11). QĐ 124-QĐ/TW (Điều 12)
    /// had the same four levels but no central point scale: for the years it governed the same bands stand for
    /// them (an Admin may set others in a new set). No change in the quota or the six months was confirmed:
    /// the sets differ in the basis each year cites.
    /// </summary>
    public static RatingRuleBook Default { get; } = new([
        Build(RatingLegalBases.QuyDinh124.IssuedOn, "Theo Quy định 124-QĐ/TW và Hướng dẫn 25-HD/BTCTW (năm 2023, 2024)",
            RatingLegalBases.QuyDinh124, RatingLegalBases.HuongDan25),
        Build(RatingLegalBases.QuyDinh366.IssuedOn, "Theo Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (từ năm 2025)",
            RatingLegalBases.QuyDinh366, RatingLegalBases.HuongDan43),
    ]);

    private static RatingRuleSet Build(DateOnly from, string name, LegalBasis scale, LegalBasis guidance) => new()
    {
        EffectiveFrom = from,
        Name = name,
        MaximumScore = new(100, "Thang điểm đánh giá (điểm tối đa)", scale),
        ExcellentMinimumScore = new(90, "Hoàn thành xuất sắc nhiệm vụ: tổng điểm từ mức này trở lên", scale),
        GoodMinimumScore = new(70, "Hoàn thành tốt nhiệm vụ: tổng điểm từ mức này đến dưới mức xuất sắc", scale),
        CompletedMinimumScore = new(50, "Hoàn thành nhiệm vụ: tổng điểm từ mức này đến dưới mức tốt; dưới mức này là không hoàn thành nhiệm vụ", scale),
        ExcellentQuotaPercent = new(20, "Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá tỷ lệ này (%) của số đảng viên hoàn thành tốt nhiệm vụ", guidance),
        OutstandingUnitExcellentQuotaPercent = new(25, "Tỷ lệ trên (%) đối với chi bộ được công nhận trong sạch, vững mạnh tiêu biểu", guidance),
        MinimumMonthsSinceAdmission = new(6, "Đảng viên kết nạp chưa đủ số tháng này (tính từ ngày lễ kết nạp đến ngày 31/12 của năm đánh giá) thì chưa đánh giá, xếp loại", guidance),
    };

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
