using System.Globalization;
using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Dues;

/// <summary>The documents the dues rules come from (domain.md §4).</summary>
public static class DuesLegalBases
{
    /// <summary>Quyết định 342-QĐ/TW (28/12/2010) of the Politburo issuing the dues regulation; replaced from 02/2026.</summary>
    public static readonly LegalBasis QuyDinh342 = new(
        "Bộ Chính trị", "342-QĐ/TW", new DateOnly(2010, 12, 28), "Quy định về chế độ đảng phí");

    /// <summary>Quy định 01-QĐ/TW (03/02/2026) of the Politburo: the dues regulation in force from 01/02/2026.</summary>
    public static readonly LegalBasis QuyDinh01 = new(
        "Bộ Chính trị", "01-QĐ/TW", new DateOnly(2026, 2, 3), "Quy định về chế độ đảng phí");
}

/// <summary>
/// Every dues rule in force from <see cref="EffectiveFrom"/> (a month). A dues month is computed with the
/// set in force for that month (<see cref="DuesRateBook.InForceFor"/>), so January 2026 follows QĐ 342 and
/// February 2026 follows QĐ 01 even when both are paid on the same day. Values not confirmed against the
/// text of the regulation say so in their description and in ADR-008.
/// </summary>
public sealed record DuesRates
{
    /// <summary>First dues month this set applies to (always the first day of a month).</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>A name for people, e.g. "Theo Quy định 01-QĐ/TW (từ tháng 02/2026)".</summary>
    public required string Name { get; init; }

    /// <summary>Share of the insured salary, in basis points (100 = 1%).</summary>
    public required Rule<int> InsuredSalaryBasisPoints { get; init; }

    /// <summary>Share of the pension, in basis points (50 = 0,5%).</summary>
    public required Rule<int> PensionBasisPoints { get; init; }

    /// <summary>Fixed monthly amount of a pupil or student, in đồng.</summary>
    public required Rule<long> StudentAmount { get; init; }

    /// <summary>Least monthly amount the cell may set for an "other" member, in đồng.</summary>
    public required Rule<long> OtherMinimum { get; init; }

    /// <summary>Most the cell may set for an "other" member (null: no ceiling; members may always pay more of their own will).</summary>
    public required Rule<long?> OtherMaximum { get; init; }

    /// <summary>Computed amounts are rounded half up to a multiple of this many đồng.</summary>
    public required Rule<long> RoundTo { get; init; }

    /// <summary>Reductions the cell may grant on application, in percent; 100 is a time-limited exemption.</summary>
    public required Rule<IReadOnlyList<int>> ReliefPercents { get; init; }

    /// <summary>Longest a reduction (or time-limited exemption) may run each time it is granted, in months.</summary>
    public required Rule<int> MaxReliefMonths { get; init; }

    /// <summary>Party age (whole years) from which a member pays no dues, without application.</summary>
    public required Rule<int> ExemptPartyAgeYears { get; init; }

    /// <summary>How many months after the month of payment a member may pay ahead.</summary>
    public required Rule<int> MaxAdvanceMonths { get; init; }

    /// <summary>Every rule of the set, for the rates page and the docs.</summary>
    public IReadOnlyList<(string Key, string Description, string Value, LegalBasis Basis)> All() =>
    [
        Row(nameof(InsuredSalaryBasisPoints), InsuredSalaryBasisPoints, Percent(InsuredSalaryBasisPoints.Value)),
        Row(nameof(PensionBasisPoints), PensionBasisPoints, Percent(PensionBasisPoints.Value)),
        Row(nameof(StudentAmount), StudentAmount, DuesText.Money(StudentAmount.Value)),
        Row(nameof(OtherMinimum), OtherMinimum, DuesText.Money(OtherMinimum.Value)),
        Row(nameof(OtherMaximum), OtherMaximum, OtherMaximum.Value is { } max ? DuesText.Money(max) : "không giới hạn"),
        Row(nameof(RoundTo), RoundTo, DuesText.Money(RoundTo.Value)),
        Row(nameof(ReliefPercents), ReliefPercents, string.Join(", ", ReliefPercents.Value.Select(DuesNames.ReliefName))),
        Row(nameof(MaxReliefMonths), MaxReliefMonths, $"{MaxReliefMonths.Value} tháng"),
        Row(nameof(ExemptPartyAgeYears), ExemptPartyAgeYears, $"{ExemptPartyAgeYears.Value} năm"),
        Row(nameof(MaxAdvanceMonths), MaxAdvanceMonths, $"{MaxAdvanceMonths.Value} tháng"),
    ];

    /// <summary>100 basis points → "1%", 50 → "0,5%".</summary>
    public static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%";

    private static (string, string, string, LegalBasis) Row<T>(string key, Rule<T> rule, string value) =>
        (key, rule.Description, value, rule.Basis);
}

/// <summary>The dues rule sets over time; a month is computed with the set in force for it.</summary>
public sealed class DuesRateBook
{
    private readonly List<DuesRates> _sets;

    public DuesRateBook(IEnumerable<DuesRates> sets)
    {
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Count == 0) throw new DomainException("Cần ít nhất một bộ quy định về đảng phí.");
        foreach (var set in _sets)
        {
            if (!DuesCalendar.IsMonth(set.EffectiveFrom))
                throw new DomainException($"Quy định đảng phí \"{set.Name}\" phải có hiệu lực từ ngày đầu tháng.");
        }
        for (var i = 1; i < _sets.Count; i++)
        {
            if (_sets[i].EffectiveFrom == _sets[i - 1].EffectiveFrom)
                throw new DomainException($"Có hai bộ quy định đảng phí cùng hiệu lực từ tháng {DuesText.Month(_sets[i].EffectiveFrom)}.");
        }
    }

    /// <summary>Sets in order of their effective month.</summary>
    public IReadOnlyList<DuesRates> Sets => _sets.AsReadOnly();

    /// <summary>First dues month of the earliest set: no dues are computed for months before it.</summary>
    public DateOnly FirstMonth => _sets[0].EffectiveFrom;

    /// <summary>The set in force for the month <paramref name="date"/> falls in; months before the first set are refused.</summary>
    public DuesRates InForceFor(DateOnly date)
    {
        var month = DuesCalendar.Of(date);
        for (var i = _sets.Count - 1; i >= 0; i--)
        {
            if (_sets[i].EffectiveFrom <= month) return _sets[i];
        }
        throw new DomainException(
            $"Không có quy định đảng phí nào áp dụng cho tháng {DuesText.Month(month)} (sớm nhất từ tháng {DuesText.Month(FirstMonth)}).");
    }

    /// <summary>First dues month under Quy định 01-QĐ/TW (it took effect on 01/02/2026).</summary>
    public static readonly DateOnly Change2026 = new(2026, 2, 1);

    /// <summary>
    /// QĐ 342-QĐ/TW for dues months 01/2011–01/2026 and QĐ 01-QĐ/TW from 02/2026 (ADR-008 gives the sources
    /// and what is not confirmed).
    /// </summary>
    public static DuesRateBook Default { get; } = new([Qd342(), Qd01()]);

    private static DuesRates Qd342()
    {
        var b = DuesLegalBases.QuyDinh342;
        return new DuesRates
        {
            // Unconfirmed: the regulation is dated 28/12/2010; dues months from 01/2011 are taken to follow it.
            EffectiveFrom = new DateOnly(2011, 1, 1),
            Name = "Theo Quy định 342-QĐ/TW (tháng 01/2011 – 01/2026)",
            InsuredSalaryBasisPoints = new(100, "Đảng viên hưởng lương: 1% tiền lương và các khoản phụ cấp tính đóng BHXH", b),
            PensionBasisPoints = new(50, "Đảng viên hưởng lương hưu: 0,5% mức lương hưu", b),
            StudentAmount = new(2_000, "Đảng viên là học sinh, sinh viên: mức đóng hằng tháng", b),
            OtherMinimum = new(2_000, "Đảng viên khác: mức tối thiểu (quy định cũ 2.000–5.000 đ hoặc theo chi bộ; không áp mức tối đa)", b),
            OtherMaximum = new(null, "Đảng viên khác: mức tối đa chi bộ được ấn định", b),
            RoundTo = new(1_000, "Làm tròn số tiền đảng phí (mặc định của phần mềm: thu tiền mặt, làm tròn đến 1.000 đ; chưa đối chiếu văn bản)", b),
            ReliefPercents = new([30, 50, 70, 100], "Mức giảm cho đảng viên khó khăn có đơn (chưa đối chiếu văn bản; dùng như quy định mới)", b),
            MaxReliefMonths = new(12, "Thời hạn tối đa mỗi lần xét miễn, giảm (tháng; chưa đối chiếu văn bản)", b),
            ExemptPartyAgeYears = new(50, "Miễn đóng đảng phí từ khi đủ số năm tuổi đảng (chưa đối chiếu văn bản; dùng như quy định mới)", b),
            MaxAdvanceMonths = new(12, "Đóng trước tối đa (tháng, kể từ tháng nộp; mặc định của phần mềm)", b),
        };
    }

    private static DuesRates Qd01()
    {
        var b = DuesLegalBases.QuyDinh01;
        return new DuesRates
        {
            EffectiveFrom = Change2026,
            Name = "Theo Quy định 01-QĐ/TW (từ tháng 02/2026)",
            InsuredSalaryBasisPoints = new(100, "Đảng viên tham gia BHXH bắt buộc: 1% tiền lương làm căn cứ đóng BHXH của tháng trước liền kề", b),
            PensionBasisPoints = new(50, "Đảng viên hưởng lương hưu: 0,5% mức lương hưu", b),
            StudentAmount = new(5_000, "Đảng viên là học sinh, sinh viên: mức đóng hằng tháng", b),
            // Unconfirmed derivation: others pay 0,2–0,3% of the regional minimum wage (0,3–0,5% from 2028); the
            // lowest case is 0,2% of region IV's 3.700.000 đ (Nghị định 293/2025/NĐ-CP) = 7.400 đ.
            OtherMinimum = new(7_400, "Đảng viên khác: mức tối thiểu (0,2% lương tối thiểu vùng IV; chi bộ nhập mức theo vùng và độ tuổi)", b),
            OtherMaximum = new(null, "Đảng viên khác: mức tối đa chi bộ được ấn định", b),
            RoundTo = new(100, "Làm tròn số tiền đảng phí (mặc định của phần mềm: đến 100 đ; chưa đối chiếu văn bản)", b),
            ReliefPercents = new([30, 50, 70, 100], "Mức giảm cho đảng viên khó khăn có đơn: 30%, 50%, 70% hoặc miễn", b),
            MaxReliefMonths = new(12, "Thời hạn tối đa mỗi lần xét miễn, giảm (tháng)", b),
            ExemptPartyAgeYears = new(50, "Miễn đóng đảng phí khi có từ đủ số năm tuổi đảng", b),
            MaxAdvanceMonths = new(12, "Đóng trước tối đa (tháng, kể từ tháng nộp; mặc định của phần mềm)", b),
        };
    }
}
