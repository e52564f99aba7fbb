using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Tests.Ratings;

public class AnnualRatingTests
{
    private static readonly RatingRuleSet Rules = RatingRuleBook.Default.ForYear(2025);

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void Evaluate_ScoreOffTheScale_IsRefused(int score)
    {
        var ex = Assert.Throws<DomainException>(() => AnnualRating.Evaluate(score, null, null, null, Rules));
        Assert.Equal("Điểm phải là số nguyên từ 0 đến 100.", ex.Message);
    }

    [Fact]
    public void Evaluate_LoweredToNotCompletedWithAReason_KeepsTheScoreButNotItsLevel()
    {
        var (level, reason, _) = AnnualRating.Evaluate(95, RatingLevel.NotCompleted, "  Bị kỷ luật cảnh cáo trong năm ", null, Rules);
        Assert.Equal(RatingLevel.NotCompleted, level);
        Assert.Equal("Bị kỷ luật cảnh cáo trong năm", reason);
    }

    [Fact]
    public void Evaluate_LoweredWithoutAReason_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => AnnualRating.Evaluate(80, RatingLevel.NotCompleted, " ", null, Rules));
        Assert.Contains("phải ghi lý do", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RaisedAboveTheScore_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => AnnualRating.Evaluate(60, RatingLevel.Good, "Có thành tích", null, Rules));
        Assert.Contains("Không được xếp loại cao hơn mức theo điểm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ChoosingTheScoresOwnLevel_IsNoLowering()
    {
        var (level, reason, _) = AnnualRating.Evaluate(75, RatingLevel.Good, "không cần", null, Rules);
        Assert.Equal(RatingLevel.Good, level);
        Assert.Null(reason);
    }
}
