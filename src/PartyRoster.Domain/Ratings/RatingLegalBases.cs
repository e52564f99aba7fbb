using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Ratings;

/// <summary>
/// The documents the annual rating rests on (domain.md §6). QĐ 366-QĐ/TW replaced QĐ 124-QĐ/TW, and
/// HD 43-HD/BTCTW replaced HD 25-HD/BTCTW (it took effect when signed); ratings of a year keep the basis of their time.
/// </summary>
public static class RatingLegalBases
{
    /// <summary>Quy định 124-QĐ/TW (04/10/2023) of the Politburo: annual self-criticism and rating until 2024.</summary>
    public static readonly LegalBasis QuyDinh124 = new(
        "Bộ Chính trị", "124-QĐ/TW", new DateOnly(2023, 10, 4),
        "Quy định về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị");

    /// <summary>Hướng dẫn 25-HD/BTCTW (10/11/2023) of the Central Organisation Commission, implementing QĐ 124.</summary>
    public static readonly LegalBasis HuongDan25 = new(
        "Ban Tổ chức Trung ương", "25-HD/BTCTW", new DateOnly(2023, 11, 10),
        "Hướng dẫn về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị");

    /// <summary>
    /// Quy định 366-QĐ/TW (30/08/2025): signed by the Standing member of the Secretariat on behalf of the
    /// Politburo (some summaries name the Central Committee); introduces the 100-point scale of Điều 11.
    /// </summary>
    public static readonly LegalBasis QuyDinh366 = new(
        "Bộ Chính trị", "366-QĐ/TW", new DateOnly(2025, 8, 30),
        "Quy định về việc kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị");

    /// <summary>Hướng dẫn 43-HD/BTCTW (31/10/2025) of the Central Organisation Commission, implementing QĐ 366.</summary>
    public static readonly LegalBasis HuongDan43 = new(
        "Ban Tổ chức Trung ương", "43-HD/BTCTW", new DateOnly(2025, 10, 31),
        "Hướng dẫn một số nội dung về kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị");
}
