using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Tests.Rules;

public sealed class VoteThresholdIsMet
{
    [Theory]
    [InlineData(6, 9, true)]
    [InlineData(5, 9, false)]
    [InlineData(7, 10, true)]
    [InlineData(6, 10, false)]
    [InlineData(2, 3, true)]
    [InlineData(20, 30, true)]
    [InlineData(19, 30, false)]
    public void AtLeastTwoThirds_UsesExactIntegerArithmetic(int votes, int basis, bool met) =>
        Assert.Equal(met, VoteThreshold.AtLeastTwoThirds.IsMet(votes, basis));

    [Theory]
    [InlineData(5, 10, false)]
    [InlineData(6, 10, true)]
    [InlineData(5, 9, true)]
    [InlineData(4, 9, false)]
    public void MoreThanHalf_NeedsStrictlyMoreThanHalf(int votes, int basis, bool met) =>
        Assert.Equal(met, VoteThreshold.MoreThanHalf.IsMet(votes, basis));

    [Theory]
    [InlineData(9, 6)]
    [InlineData(10, 7)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    public void MinimumVotes_ForTwoThirds_RoundsUp(int basis, int minimum) =>
        Assert.Equal(minimum, VoteThreshold.AtLeastTwoThirds.MinimumVotes(basis));

    [Theory]
    [InlineData(10, 6)]
    [InlineData(9, 5)]
    [InlineData(11, 6)]
    public void MinimumVotes_ForMoreThanHalf_IsHalfPlusOne(int basis, int minimum) =>
        Assert.Equal(minimum, VoteThreshold.MoreThanHalf.MinimumVotes(basis));

    [Fact]
    public void MinimumVotes_AgreesWithIsMet_ForEveryBasisUpTo200()
    {
        foreach (var t in new[] { VoteThreshold.AtLeastTwoThirds, VoteThreshold.MoreThanHalf, new VoteThreshold(3, 4, true) })
        {
            for (var basis = 1; basis <= 200; basis++)
            {
                var min = t.MinimumVotes(basis);
                Assert.True(t.IsMet(min, basis));
                Assert.False(t.IsMet(min - 1, basis));
            }
        }
    }

    [Fact]
    public void ToString_ShowsTheComparison()
    {
        Assert.Equal("≥ 2/3", VoteThreshold.AtLeastTwoThirds.ToString());
        Assert.Equal("> 1/2", VoteThreshold.MoreThanHalf.ToString());
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    public void InvalidFractions_AreRefused(int numerator, int denominator) =>
        Assert.Throws<DomainException>(() => new VoteThreshold(numerator, denominator, true));
}
