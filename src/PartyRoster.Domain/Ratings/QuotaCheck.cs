using System.Globalization;

namespace PartyRoster.Domain.Ratings;

/// <summary>
/// The quota of "Hoàn thành xuất sắc nhiệm vụ" for one unit and year: at most the rule's percentage of the
/// number of members rated "Hoàn thành tốt nhiệm vụ" (that level alone, not counting the excellent ones;
/// ADR-009), rounded down. Going over it is not refused: the superior committee decides, so it is a warning.
/// </summary>
public sealed record QuotaCheck(int Excellent, int Good, int Percent, bool OutstandingUnit)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The most members who may be rated excellent: floor(percent × good / 100).</summary>
    public int Maximum => (int)((long)Percent * Good / 100);

    public bool Exceeded => Excellent > Maximum;

    /// <summary>Null within the quota; otherwise what the cell and its superior read on the page and the record.</summary>
    public string? Warning => Exceeded
        ? $"Số đảng viên xếp loại “Hoàn thành xuất sắc nhiệm vụ” ({N(Excellent)}) vượt quá {Percent}% "
          + (OutstandingUnit ? "(tỷ lệ của chi bộ trong sạch, vững mạnh tiêu biểu) " : "")
          + $"số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” ({N(Good)} đảng viên, tối đa {N(Maximum)} đảng viên xuất sắc). "
          + "Cấp ủy cấp trên trực tiếp xem xét, quyết định."
        : null;

    public static QuotaCheck For(int excellent, int good, bool outstandingUnit, RatingRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (excellent < 0 || good < 0) throw new DomainException("Số đảng viên không được âm.");
        return new QuotaCheck(excellent, good, rules.ExcellentQuotaPercentFor(outstandingUnit), outstandingUnit);
    }

    private static string N(int n) => n.ToString("N0", Vietnamese);
}
