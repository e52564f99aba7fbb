namespace PartyRoster.Domain.Calendar;

/// <summary>
/// Working days for deadlines counted in working days (domain.md §8): Monday–Friday, minus public holidays
/// and substitute days off, plus any weekend day the government made a working day (làm bù).
/// Built from data the Admin edits (<see cref="VietnameseHolidays.Seed"/> is the starting point).
/// </summary>
/// <remarks>Dates outside the years the data covers are treated as ordinary weeks: keep the data a year ahead.</remarks>
public sealed class WorkingDayCalendar
{
    // A guard against a calendar that marks everything off: no real deadline spans this many days.
    private const int MaxScanDays = 366 * 20;

    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingWeekendDays;

    public WorkingDayCalendar(IEnumerable<DateOnly> nonWorkingDays, IEnumerable<DateOnly>? workingWeekendDays = null)
    {
        _daysOff = [.. nonWorkingDays];
        _workingWeekendDays = [.. workingWeekendDays ?? []];
        var clash = _daysOff.Intersect(_workingWeekendDays).Select(d => (DateOnly?)d).FirstOrDefault();
        if (clash is { } day)
            throw new DomainException($"Ngày {day:dd/MM/yyyy} không thể vừa là ngày nghỉ vừa là ngày làm bù.");
    }

    /// <summary>Builds a calendar from holiday entries (holidays and days off are non-working; <see cref="HolidayKind.WorkingDay"/> entries are working).</summary>
    public static WorkingDayCalendar From(IEnumerable<HolidayEntry> entries)
    {
        var list = entries.ToList();
        return new WorkingDayCalendar(
            list.Where(e => e.Kind != HolidayKind.WorkingDay).Select(e => e.Date),
            list.Where(e => e.Kind == HolidayKind.WorkingDay).Select(e => e.Date));
    }

    /// <summary>A calendar with weekends only, for tests and for installations without holiday data yet.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_workingWeekendDays.Contains(date)) return true;
        if (_daysOff.Contains(date)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The last day of a period of <paramref name="n"/> working days starting after <paramref name="start"/>:
    /// day 1 is the first working day AFTER <paramref name="start"/> (the day of receipt does not count).
    /// "Within 30 working days of receiving the decision" ends on <c>AddWorkingDays(received, 30)</c>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        var counted = 0;
        var scanned = 0;
        while (counted < n)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
            if (++scanned > MaxScanDays) throw new InvalidOperationException("The calendar has no working days in range.");
        }
        return day;
    }

    /// <summary>
    /// Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; negative when <paramref name="to"/>
    /// is earlier. <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }
}
