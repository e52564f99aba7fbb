using PartyRoster.Domain.Dues;
using static PartyRoster.Domain.Tests.Dues.DuesWorld;

namespace PartyRoster.Domain.Tests.Dues;

/// <summary>The months the "3 months of unpaid dues in a year" signal counts (DuesLedger.UnpaidMonths).</summary>
public sealed class DuesUnpaidMonthsTests
{
    private static readonly DuesBasis[] FromJanuary = [Salary(8_000_000, Month(2026, 1))];

    private static IReadOnlyList<DateOnly> Unpaid(IReadOnlyList<DuesBasis> bases, DateOnly[] paid, DateOnly today, DuesMember? member = null, int year = 2026) =>
        DuesLedger.UnpaidMonths(member ?? Member, bases, paid, year, today);

    [Fact]
    public void CurrentMonth_IsNotUnpaidUntilItEnds()
    {
        Assert.Equal(10, Unpaid(FromJanuary, [], new DateOnly(2026, 11, 30)).Count);
        var december = Unpaid(FromJanuary, [], new DateOnly(2026, 12, 1));
        Assert.Equal(11, december.Count);
        Assert.Equal(Month(2026, 11), december[^1]);
    }

    [Fact]
    public void PaidMonths_IncludingOnesPaidLate_AreNotUnpaid()
    {
        DateOnly[] paid = [.. DuesCalendar.Range(Month(2026, 1), Month(2026, 10)).Where(m => m.Month is not (3 or 7))];
        Assert.Equal([Month(2026, 3), Month(2026, 7)], Unpaid(FromJanuary, paid, Today));
        // A payment for March recorded today (late) settles March.
        Assert.Equal([Month(2026, 7)], Unpaid(FromJanuary, [.. paid, Month(2026, 3)], Today));
    }

    [Fact]
    public void ExemptMonths_AreNotUnpaid()
    {
        DuesBasis[] bases = [.. FromJanuary, Basis(DuesBasisKind.Exempt, Month(2026, 5), ground: DuesExemptionGround.PoorHousehold)];
        Assert.Equal([Month(2026, 1), Month(2026, 2), Month(2026, 3), Month(2026, 4)], Unpaid(bases, [], Today));
        DuesBasis[] relief = [Basis(DuesBasisKind.Student, Month(2026, 1), relief: 100, reliefUntil: Month(2026, 9))];
        Assert.Equal([Month(2026, 10)], Unpaid(relief, [], Today));
    }

    [Fact]
    public void BasisStartingMidYear_CountsFromItsMonth()
    {
        Assert.Equal([Month(2026, 9), Month(2026, 10)], Unpaid([Salary(8_000_000, Month(2026, 9))], [], Today));
        Assert.Empty(Unpaid([], [], Today));
    }

    [Fact]
    public void MonthsOffTheRoll_AreNotUnpaid()
    {
        var left = Member with { LeftOn = new DateOnly(2026, 6, 10) };
        Assert.Equal(5, Unpaid(FromJanuary, [], Today, left).Count);
        var admitted = new DuesMember(5, new DateOnly(2026, 8, 20), IsOfficial: false);
        Assert.Equal([Month(2026, 8), Month(2026, 9), Month(2026, 10)], Unpaid([Salary(5_000_000, Month(2026, 8), admitted)], [], Today, admitted));
    }

    [Fact]
    public void PastYear_CountsAllItsMonths_FutureYearNone()
    {
        DuesBasis[] bases = [Salary(8_000_000, Month(2025, 1))];
        Assert.Equal(12, Unpaid(bases, [], Today, year: 2025).Count);
        Assert.Empty(Unpaid(bases, [], Today, year: 2027));
    }

    [Fact]
    public void Arrears_AreTheUnpaidMonthsOfTheLastTwelveEndedMonths()
    {
        Assert.Equal((Month(2025, 11), Month(2026, 10)), DuesLedger.ArrearsWindow(Today));
        DuesBasis[] bases = [Salary(8_000_000, Month(2025, 1))];
        var arrears = DuesLedger.Arrears(Member, bases, [.. DuesCalendar.Range(Month(2025, 11), Month(2026, 8))], Today);
        Assert.Equal([Month(2026, 9), Month(2026, 10)], arrears);
    }

    [Fact]
    public void Statement_TellsPaidLateUnpaidOpenAndExemptApart()
    {
        DuesBasis[] bases = [Salary(8_000_000, Month(2026, 7)), Basis(DuesBasisKind.Exempt, Month(2026, 12), ground: DuesExemptionGround.SocialPension)];
        DuesPaid[] payments = [new(Month(2026, 7), 80_000, new DateOnly(2026, 7, 5)), new(Month(2026, 8), 80_000, new DateOnly(2026, 9, 2))];
        var lines = DuesLedger.Statement(Member, bases, payments, Month(2026, 6), Month(2026, 12), Today);
        Assert.Equal(
            [DuesLineState.NotOwed, DuesLineState.Paid, DuesLineState.PaidLate, DuesLineState.Unpaid, DuesLineState.Unpaid, DuesLineState.Open, DuesLineState.NotOwed],
            lines.Select(l => l.State));
        Assert.Equal(DuesMonthStatus.NoBasis, lines[0].Due.Status);
        Assert.Equal(DuesMonthStatus.Exempt, lines[^1].Due.Status);
    }
}
