using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace PartyRoster.Domain.Members;

/// <summary>The 54 ethnic groups of Vietnam, for the "Dân tộc" field of a member's record.</summary>
public static class Ethnicities
{
    /// <summary>
    /// The 54 groups in the General Statistics Office's order (Kinh first), so pick-lists match
    /// the official forms. Spelled with Vietnamese diacritics, NFC.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = new ReadOnlyCollection<string>(
    [
        "Kinh",
        "Tày",
        "Thái",
        "Mường",
        "Khmer",
        "Hoa",
        "Nùng",
        "Mông",
        "Dao",
        "Gia Rai",
        "Ê Đê",
        "Ba Na",
        "Sán Chay",
        "Chăm",
        "Cơ Ho",
        "Xơ Đăng",
        "Sán Dìu",
        "Hrê",
        "Ra Glai",
        "Mnông",
        "Thổ",
        "Stiêng",
        "Khơ mú",
        "Bru - Vân Kiều",
        "Cơ Tu",
        "Giáy",
        "Tà Ôi",
        "Mạ",
        "Giẻ-Triêng",
        "Co",
        "Chơ Ro",
        "Xinh Mun",
        "Hà Nhì",
        "Chu Ru",
        "Lào",
        "La Chí",
        "Kháng",
        "Phù Lá",
        "La Hủ",
        "La Ha",
        "Pà Thẻn",
        "Lự",
        "Ngái",
        "Chứt",
        "Lô Lô",
        "Mảng",
        "Cơ Lao",
        "Bố Y",
        "Cống",
        "Si La",
        "Pu Péo",
        "Rơ Măm",
        "Brâu",
        "Ơ Đu",
    ]);

    // Normalised through the same function as the input so NFD or NFC source text both match.
    private static readonly FrozenSet<string> Known =
        All.Select(VietnameseName.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is exactly one of <see cref="All"/> after <see cref="VietnameseName.Normalize"/>.</summary>
    public static bool IsKnown(string? name) => Known.Contains(VietnameseName.Normalize(name));
}
