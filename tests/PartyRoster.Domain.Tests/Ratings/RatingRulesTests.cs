using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Tests.Ratings;

public class RatingRulesTests
{
    private static readonly RatingRuleSet Rules = RatingRuleBook.Default.ForYear(2025);

    [Theory]
    [InlineData(0, RatingLevel.NotCompleted)]
    [InlineData(49, RatingLevel.NotCompleted)]
    [InlineData(50, RatingLevel.Completed)]
    [InlineData(69, RatingLevel.Completed)]
    [InlineData(70, RatingLevel.Good)]
    [InlineData(89, RatingLevel.Good)]
    [InlineData(90, RatingLevel.Excellent)]
    [InlineData(100, RatingLevel.Excellent)]
    public void LevelFor_FollowsTheBandsAtTheirBoundaries(int score, RatingLevel expected) =>
        Assert.Equal(expected, Rules.LevelFor(score));

    [Fact]
    public void ForYear_JudgesEachYearByTheRulesInForceOnItsLastDay()
    {
        var book = RatingRuleBook.Default;
        Assert.Equal("124-QĐ/TW", book.ForYear(2024).ExcellentMinimumScore.Basis.DocumentNumber);
        Assert.Equal("366-QĐ/TW", book.ForYear(2025).ExcellentMinimumScore.Basis.DocumentNumber);
        Assert.Equal("43-HD/BTCTW", book.ForYear(2026).ExcellentQuotaPercent.Basis.DocumentNumber);
        Assert.Equal(new DateOnly(2025, 12, 31), RatingRuleBook.ReferenceDate(2025));
    }

    [Fact]
    public void ForYear_BeforeTheFirstRules_IsRefusedInVietnamese()
    {
        var ex = Assert.Throws<DomainException>(() => RatingRuleBook.Default.ForYear(RatingRuleBook.Default.FirstYear - 1));
        Assert.Contains("Chưa có quy định đánh giá", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRule_CarriesItsLegalBasisAndTheDefaultsOfTheDomain()
    {
        var rows = Rules.All();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Basis.Citation)));
        Assert.Equal((100, 90, 70, 50), (Rules.MaximumScore.Value, Rules.ExcellentMinimumScore.Value, Rules.GoodMinimumScore.Value, Rules.CompletedMinimumScore.Value));
        Assert.Equal((20, 25, 6), (Rules.ExcellentQuotaPercent.Value, Rules.OutstandingUnitExcellentQuotaPercent.Value, Rules.MinimumMonthsSinceAdmission.Value));
        Assert.Equal(20, Rules.ExcellentQuotaPercentFor(outstandingUnit: false));
        Assert.Equal(25, Rules.ExcellentQuotaPercentFor(outstandingUnit: true));
    }

    [Fact]
    public void Book_RefusesBandsOutOfOrder()
    {
        var broken = Rules with { GoodMinimumScore = Rules.GoodMinimumScore with { Value = 95 } };
        Assert.Throws<DomainException>(() => new RatingRuleBook([broken]));
    }
}
