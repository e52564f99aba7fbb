using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Ratings;

/// <summary>How many members are at each level, with their share of all rated (vi-VN: "12,5%").</summary>
public sealed class RatingDistribution
{
    private readonly Dictionary<RatingLevel, int> _counts;

    public RatingDistribution(IEnumerable<KeyValuePair<RatingLevel, int>> counts)
    {
        _counts = RatingLevelNames.All.ToDictionary(l => l, _ => 0);
        foreach (var (level, count) in counts) _counts[level] += count;
    }

    public static RatingDistribution Of(IEnumerable<RatingLevel> levels) =>
        new(levels.GroupBy(l => l).Select(g => new KeyValuePair<RatingLevel, int>(g.Key, g.Count())));

    public int Total => _counts.Values.Sum();

    public int Count(RatingLevel level) => _counts[level];

    public string Percent(RatingLevel level) => Total == 0 ? "0%" : (100m * _counts[level] / Total).ToString("0.#", Format.Vietnamese) + "%";

    public QuotaCheck Quota(bool outstandingUnit, RatingRuleSet rules) =>
        QuotaCheck.For(Count(RatingLevel.Excellent), Count(RatingLevel.Good), outstandingUnit, rules);
}

/// <summary>The year a page opens on: last year until the end-of-year reviews begin in December, then this year.</summary>
public static class RatingYears
{
    public static int Default(DateOnly today) => today.Month == 12 ? today.Year : today.Year - 1;

    /// <summary>The years that can be picked: from the first with rules to this one, latest first.</summary>
    public static IReadOnlyList<int> Choices(RatingRuleBook book, DateOnly today) =>
        [.. Enumerable.Range(book.FirstYear, Math.Max(0, today.Year - book.FirstYear + 1)).Reverse()];
}
