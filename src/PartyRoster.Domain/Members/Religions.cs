using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace PartyRoster.Domain.Members;

/// <summary>Common answers for the "Tôn giáo" field; the field stays free text, this is only a pick-list.</summary>
public static class Religions
{
    /// <summary>The answer for a member with no religion, which is the usual case.</summary>
    public const string None = "Không";

    /// <summary>The catch-all answer when the member's religion is not listed.</summary>
    public const string Other = "Khác";

    /// <summary>Pick-list options, most common first, with <see cref="Other"/> last.</summary>
    public static IReadOnlyList<string> All { get; } = new ReadOnlyCollection<string>(
    [
        None,
        "Phật giáo",
        "Công giáo",
        "Tin Lành",
        "Cao Đài",
        "Hòa Hảo",
        "Hồi giáo",
        Other,
    ]);

    private static readonly FrozenSet<string> Known =
        All.Select(VietnameseName.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is exactly one of <see cref="All"/> after <see cref="VietnameseName.Normalize"/>.</summary>
    public static bool IsKnown(string? name) => Known.Contains(VietnameseName.Normalize(name));
}
