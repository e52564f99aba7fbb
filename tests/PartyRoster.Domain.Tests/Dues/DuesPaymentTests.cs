using PartyRoster.Domain.Dues;
using static PartyRoster.Domain.Tests.Dues.DuesWorld;

namespace PartyRoster.Domain.Tests.Dues;

public sealed class DuesPaymentTests
{
    private static readonly DuesBasis[] Bases = [Salary(8_000_000, Month(2026, 1))];

    private static DuesPayment Pay(DateOnly month, long amount = 80_000, DateOnly? paidOn = null, DuesMember? member = null, IReadOnlyList<DuesBasis>? bases = null) =>
        new(member ?? Member, 7, bases ?? Bases, month, amount, paidOn ?? Today, null, DuesRateBook.Default, Today);

    [Theory]
    [InlineData(0L)]
    [InlineData(-80_000L)]
    public void ZeroOrNegativeAmount_IsRefused(long amount)
    {
        var ex = Assert.Throws<DomainException>(() => Pay(Month(2026, 11), amount));
        Assert.Equal("Số tiền đảng phí phải lớn hơn 0 đồng.", ex.Message);
    }

    [Fact]
    public void TwelveMonthsAhead_IsAccepted_ThirteenRefused()
    {
        Assert.True(Pay(Month(2027, 11)).IsAhead);
        var ex = Assert.Throws<DomainException>(() => Pay(Month(2027, 12)));
        Assert.Contains("trước tối đa 12 tháng", ex.Message, StringComparison.Ordinal);
        Assert.Contains("12/2027", ex.Message, StringComparison.Ordinal);
        // The limit runs from the date of payment.
        Assert.Throws<DomainException>(() => Pay(Month(2027, 6), paidOn: new DateOnly(2026, 5, 31)));
    }

    [Fact]
    public void PaymentDatedAfterToday_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Pay(Month(2026, 11), paidOn: Today.AddDays(1)));
        Assert.Contains("sau ngày hôm nay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthBeforeAdmission_OrBeforeTheFirstBasis_IsRefused()
    {
        var recent = new DuesMember(4, new DateOnly(2026, 4, 20), IsOfficial: false);
        Assert.Contains("trước tháng kết nạp", Assert.Throws<DomainException>(() => Pay(Month(2026, 3), member: recent)).Message, StringComparison.Ordinal);
        Assert.Contains("Chưa có căn cứ", Assert.Throws<DomainException>(() => Pay(Month(2025, 12))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PaidAfterTheMonthEnded_IsLate_OnItsLastDayIsNot()
    {
        var onTime = Pay(Month(2026, 10), paidOn: new DateOnly(2026, 10, 31));
        var late = Pay(Month(2026, 10), paidOn: new DateOnly(2026, 11, 1));
        Assert.False(onTime.IsLate);
        Assert.False(onTime.IsAhead);
        Assert.True(late.IsLate);
        Assert.Equal(Month(2026, 10), late.DuesMonth);
    }

    [Fact]
    public void AmountDifferentFromTheDue_IsAccepted_AndShownShortOrOver()
    {
        var payments = new[] { Pay(Month(2026, 9), 70_000), Pay(Month(2026, 10), 100_000), Pay(Month(2026, 11), 80_000) }.Select(DuesPaid.Of);
        var lines = DuesLedger.Statement(Member, Bases, payments, Month(2026, 9), Month(2026, 11), Today);
        Assert.Equal([-10_000L, 20_000L, null], lines.Select(l => l.Difference));
    }
}
