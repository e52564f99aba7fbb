using System.Globalization;

namespace PartyRoster.Domain.Dues;

/// <summary>
/// Dues are owed per calendar month; a month is held as its first day (01/MM/yyyy). These helpers keep
/// that convention in one place.
/// </summary>
public static class DuesCalendar
{
    /// <summary>The month <paramref name="date"/> falls in (its first day).</summary>
    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);

    public static bool IsMonth(DateOnly date) => date.Day == 1;

    /// <summary>The last day of the month.</summary>
    public static DateOnly LastDay(DateOnly month) => Of(month).AddMonths(1).AddDays(-1);

    /// <summary>A month has ended once today is in a later month; only ended months can be in arrears.</summary>
    public static bool HasEnded(DateOnly month, DateOnly today) => Of(month) < Of(today);

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/>: 01/2026 → 03/2026 is 2.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var m = Of(from); m <= to; m = m.AddMonths(1)) yield return m;
    }
}

/// <summary>How the domain's messages write months, dates and money.</summary>
public static class DuesText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"11/2026".</summary>
    public static string Month(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"22/11/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whole đồng as people write them: "1.234.567 đ".</summary>
    public static string Money(long amount) => amount.ToString("N0", Vietnamese) + " đ";
}
