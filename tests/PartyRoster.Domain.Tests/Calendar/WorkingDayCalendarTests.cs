using PartyRoster.Domain.Calendar;

namespace PartyRoster.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarIsWorkingDay
{
    private static readonly WorkingDayCalendar Vn = VietnameseHolidays.Calendar;

    [Fact]
    public void Weekends_AreOff_AndWeekdays_AreWorking()
    {
        Assert.False(Vn.IsWorkingDay(new DateOnly(2026, 11, 21))); // Saturday
        Assert.False(Vn.IsWorkingDay(new DateOnly(2026, 11, 22))); // Sunday
        Assert.True(Vn.IsWorkingDay(new DateOnly(2026, 11, 23)));  // Monday
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 2, 16)]
    [InlineData(2026, 2, 20)]
    [InlineData(2026, 4, 30)]
    [InlineData(2026, 5, 1)]
    [InlineData(2026, 9, 2)]
    [InlineData(2025, 1, 27)]
    [InlineData(2025, 9, 1)]
    [InlineData(2024, 2, 14)]
    public void PublicHolidays_AreOff(int y, int m, int d) => Assert.False(Vn.IsWorkingDay(new DateOnly(y, m, d)));

    [Fact]
    public void SubstituteDay_ForGioToOnASunday_IsOff()
    {
        Assert.False(Vn.IsWorkingDay(new DateOnly(2026, 4, 26))); // Giỗ Tổ on Sunday
        Assert.False(Vn.IsWorkingDay(new DateOnly(2026, 4, 27))); // nghỉ bù Monday
        Assert.True(Vn.IsWorkingDay(new DateOnly(2026, 4, 28)));
    }

    [Fact]
    public void CompensatorySaturday_IsAWorkingDay()
    {
        Assert.True(Vn.IsWorkingDay(new DateOnly(2025, 4, 26)));  // làm bù for Friday 02/05/2025
        Assert.False(Vn.IsWorkingDay(new DateOnly(2025, 5, 2)));
    }

    [Fact]
    public void SeedEntries_HaveVietnameseNamesAndCoverFourYears()
    {
        Assert.All(VietnameseHolidays.Seed, e => Assert.False(string.IsNullOrWhiteSpace(e.Name)));
        Assert.Equal([2024, 2025, 2026, 2027], VietnameseHolidays.Seed.Select(e => e.Date.Year).Distinct().Order());
        Assert.Equal(VietnameseHolidays.Seed.Count, VietnameseHolidays.Seed.Select(e => e.Date).Distinct().Count());
    }

    [Fact]
    public void EachYear_HasElevenWeekdayHolidaysOrDaysOffNetOfMakeUpDays()
    {
        // Labour Code 2019 Art. 112: 11 paid days a year; a holiday on a weekend gives a weekday off instead,
        // and a swap adds one day off and one make-up working day. So net weekdays off = 11 every year.
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            var weekdaysOff = 0;
            for (var d = start; d <= end; d = d.AddDays(1))
            {
                var weekday = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                if (weekday && !Vn.IsWorkingDay(d)) weekdaysOff++;
                if (!weekday && Vn.IsWorkingDay(d)) weekdaysOff--;
            }
            Assert.True(weekdaysOff == 11, $"{year}: {weekdaysOff} weekdays off net");
        }
    }

    [Fact]
    public void ADayCannotBeBothOffAndAMakeUpDay() =>
        Assert.Throws<DomainException>(() => new WorkingDayCalendar([new DateOnly(2025, 4, 26)], [new DateOnly(2025, 4, 26)]));
}

public sealed class WorkingDayCalendarAddWorkingDays
{
    private static readonly WorkingDayCalendar Vn = VietnameseHolidays.Calendar;

    [Fact]
    public void DayOne_IsTheFirstWorkingDayAfterTheStart()
    {
        // Friday → next Monday; the start day itself never counts.
        Assert.Equal(new DateOnly(2026, 11, 23), Vn.AddWorkingDays(new DateOnly(2026, 11, 20), 1));
        Assert.Equal(new DateOnly(2026, 11, 24), Vn.AddWorkingDays(new DateOnly(2026, 11, 23), 1));
        Assert.Equal(new DateOnly(2026, 11, 23), Vn.AddWorkingDays(new DateOnly(2026, 11, 23), 0));
    }

    [Fact]
    public void ThirtyWorkingDays_WithoutHolidays_AreSixWeeks() =>
        Assert.Equal(new DateOnly(2026, 12, 21), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 9), 30));

    [Fact]
    public void ThirtyWorkingDays_AcrossTet2026_SkipTheTetWeek()
    {
        var received = new DateOnly(2026, 2, 2);
        Assert.Equal(new DateOnly(2026, 3, 16), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(received, 30));
        Assert.Equal(new DateOnly(2026, 3, 23), Vn.AddWorkingDays(received, 30));
    }

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var start = new DateOnly(2025, 12, 15);
        for (var n = 0; n <= 120; n += 7)
            Assert.Equal(n, Vn.WorkingDaysBetween(start, Vn.AddWorkingDays(start, n)));
        Assert.Equal(-5, Vn.WorkingDaysBetween(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void NegativeCounts_AreAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vn.AddWorkingDays(new DateOnly(2026, 1, 1), -1));
}
