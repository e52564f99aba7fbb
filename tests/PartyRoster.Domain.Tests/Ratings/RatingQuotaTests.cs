using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Tests.Ratings;

public class RatingQuotaTests
{
    private static readonly RatingRuleSet Rules = RatingRuleBook.Default.ForYear(2025);

    [Fact]
    public void TwoExcellentOfTenGood_IsWithinTwentyPercent()
    {
        var q = QuotaCheck.For(2, 10, outstandingUnit: false, Rules);
        Assert.Equal(2, q.Maximum);
        Assert.False(q.Exceeded);
        Assert.Null(q.Warning);
    }

    [Fact]
    public void ThreeExcellentOfTenGood_IsOverTheQuota_WithAVietnameseWarning()
    {
        var q = QuotaCheck.For(3, 10, outstandingUnit: false, Rules);
        Assert.True(q.Exceeded);
        Assert.Equal("Số đảng viên xếp loại “Hoàn thành xuất sắc nhiệm vụ” (3) vượt quá 20% số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” "
            + "(10 đảng viên, tối đa 2 đảng viên xuất sắc). Cấp ủy cấp trên trực tiếp xem xét, quyết định.", q.Warning);
    }

    [Fact]
    public void TheMaximumIsRoundedDown_TwoOfNineGoodIsOver() =>
        Assert.True(QuotaCheck.For(2, 9, outstandingUnit: false, Rules).Exceeded);

    [Fact]
    public void OutstandingUnit_MayHaveTwentyFivePercent()
    {
        Assert.True(QuotaCheck.For(3, 12, outstandingUnit: false, Rules).Exceeded);
        var outstanding = QuotaCheck.For(3, 12, outstandingUnit: true, Rules);
        Assert.False(outstanding.Exceeded);
        Assert.Contains("trong sạch, vững mạnh tiêu biểu", QuotaCheck.For(4, 12, outstandingUnit: true, Rules).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcellentWithoutAnyGood_IsOver() => Assert.True(QuotaCheck.For(1, 0, outstandingUnit: false, Rules).Exceeded);
}
