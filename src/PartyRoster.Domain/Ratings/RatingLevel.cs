namespace PartyRoster.Domain.Ratings;

/// <summary>
/// The four quality levels of a member's annual rating (domain.md §6). The numeric order runs from the
/// best to the worst, so "lower" means a greater value.
/// </summary>
public enum RatingLevel
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent = 1,
    /// <summary>Hoàn thành tốt nhiệm vụ.</summary>
    Good = 2,
    /// <summary>Hoàn thành nhiệm vụ.</summary>
    Completed = 3,
    /// <summary>Không hoàn thành nhiệm vụ.</summary>
    NotCompleted = 4,
}

public static class RatingLevelNames
{
    /// <summary>Every level, best first.</summary>
    public static readonly RatingLevel[] All = [RatingLevel.Excellent, RatingLevel.Good, RatingLevel.Completed, RatingLevel.NotCompleted];

    public static string DisplayName(this RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        RatingLevel.Good => "Hoàn thành tốt nhiệm vụ",
        RatingLevel.Completed => "Hoàn thành nhiệm vụ",
        RatingLevel.NotCompleted => "Không hoàn thành nhiệm vụ",
        _ => level.ToString(),
    };

    /// <summary>The short form used in table headers and badges.</summary>
    public static string ShortName(this RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "Xuất sắc",
        RatingLevel.Good => "Tốt",
        RatingLevel.Completed => "Hoàn thành",
        RatingLevel.NotCompleted => "Không hoàn thành",
        _ => level.ToString(),
    };

    /// <summary>True when <paramref name="level"/> is a worse level than <paramref name="other"/>.</summary>
    public static bool IsBelow(this RatingLevel level, RatingLevel other) => level > other;
}
