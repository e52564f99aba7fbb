using PartyRoster.Domain.Dues;
using static PartyRoster.Domain.Tests.Dues.DuesWorld;

namespace PartyRoster.Domain.Tests.Dues;

public sealed class DuesRatesTests
{
    private static readonly DuesRateBook Book = DuesRateBook.Default;

    [Fact]
    public void January2026_FollowsQd342_February2026_FollowsQd01()
    {
        Assert.Equal("342-QĐ/TW", Book.InForceFor(Month(2026, 1)).InsuredSalaryBasisPoints.Basis.DocumentNumber);
        Assert.Equal("342-QĐ/TW", Book.InForceFor(new DateOnly(2026, 1, 31)).StudentAmount.Basis.DocumentNumber);
        Assert.Equal("01-QĐ/TW", Book.InForceFor(Month(2026, 2)).StudentAmount.Basis.DocumentNumber);
        Assert.Equal(2_000, Book.InForceFor(Month(2026, 1)).StudentAmount.Value);
        Assert.Equal(5_000, Book.InForceFor(Month(2026, 2)).StudentAmount.Value);
    }

    [Fact]
    public void MonthBeforeTheFirstSet_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Book.InForceFor(new DateOnly(2010, 12, 31)));
        Assert.Contains("12/2010", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySet_CitesItsDocument_AndListsEveryRule()
    {
        Assert.All(Book.Sets, set =>
        {
            Assert.True(DuesCalendar.IsMonth(set.EffectiveFrom));
            Assert.Equal(10, set.All().Count);
            Assert.All(set.All(), r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        });
        Assert.Equal("1%", DuesRates.Percent(100));
        Assert.Equal("0,5%", DuesRates.Percent(50));
    }

    [Fact]
    public void SetNotStartingOnTheFirstOfAMonth_OrTwoSetsForOneMonth_AreRefused()
    {
        var qd01 = Book.Sets[^1];
        Assert.Throws<DomainException>(() => new DuesRateBook([qd01 with { EffectiveFrom = new DateOnly(2026, 2, 3) }]));
        Assert.Throws<DomainException>(() => new DuesRateBook([qd01, qd01 with { Name = "Bản sao" }]));
    }
}
