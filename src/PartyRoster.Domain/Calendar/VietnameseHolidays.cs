namespace PartyRoster.Domain.Calendar;

/// <summary>How a calendar entry changes the working week.</summary>
public enum HolidayKind
{
    /// <summary>Ngày lễ, Tết: a public holiday (Bộ luật Lao động 2019, Điều 112).</summary>
    Holiday = 1,
    /// <summary>Ngày nghỉ bù / nghỉ hoán đổi: a weekday off because a holiday fell on a weekend or by a government swap.</summary>
    DayOff = 2,
    /// <summary>Ngày làm bù: a Saturday or Sunday worked in exchange for a swapped day off.</summary>
    WorkingDay = 3,
}

/// <summary>One dated entry of the holiday calendar, with its Vietnamese name.</summary>
public sealed record HolidayEntry(DateOnly Date, string Name, HolidayKind Kind = HolidayKind.Holiday);

/// <summary>
/// SEED DATA: the official non-working days for civil servants (cán bộ, công chức, viên chức) for 2024–2027,
/// as the starting point of the calendar the Admin edits (domain.md §8). Only weekdays need listing for
/// the deadline arithmetic, but holidays falling on weekends are listed too so the calendar reads naturally.
/// </summary>
/// <remarks>
/// Certainty, per entry group:
/// - 2024, 2025 and Tết 2026 (14/02–22/02/2026) follow the government's announced schedules.
/// - Giỗ Tổ 2026 falls on Sunday 26/04 with Monday 27/04 off (reported February 2026).
/// - 2/9/2026: the adjacent day is taken as Tuesday 01/09 — not confirmed: check the year's announcement.
/// - 2027 is an ESTIMATE from the lunar calendar (Tết on Saturday 06/02/2027; Giỗ Tổ 16/04/2027) and the usual
///   pattern (five weekdays off around Tết; the adjacent 2/9 day on Friday 03/09): replace it with the
///   government's announcement when published.
/// - Ngày Văn hóa Việt Nam (24/11) was chosen by the Politburo (NQ 80-NQ/TW, January 2026) as a paid day off,
///   but it needs an amendment of the Labour Code, not confirmed as enacted: it is NOT listed. Add it here
///   (or through the Admin page) once the law is in force.
/// </remarks>
public static class VietnameseHolidays
{
    private const string NewYear = "Tết Dương lịch";
    private const string Tet = "Tết Nguyên đán";
    private const string HungKings = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    private const string Reunification = "Ngày Chiến thắng (30/4)";
    private const string LabourDay = "Ngày Quốc tế Lao động (1/5)";
    private const string NationalDay = "Quốc khánh (2/9)";

    public static IReadOnlyList<HolidayEntry> Seed { get; } =
    [
        // 2024
        H(2024, 1, 1, NewYear),
        .. Range(2024, 2, 8, 2024, 2, 14, Tet + " Giáp Thìn"),        // Thu 08/02 – Wed 14/02 (5 weekdays + weekend)
        H(2024, 4, 18, HungKings),                                    // Thursday
        new(new DateOnly(2024, 4, 29), "Nghỉ hoán đổi dịp 30/4–1/5", HolidayKind.DayOff),
        H(2024, 4, 30, Reunification),
        H(2024, 5, 1, LabourDay),
        new(new DateOnly(2024, 5, 4), "Làm bù cho ngày 29/4", HolidayKind.WorkingDay),
        H(2024, 9, 2, NationalDay),                                   // Monday
        H(2024, 9, 3, NationalDay + " – ngày liền kề"),

        // 2025
        H(2025, 1, 1, NewYear),
        .. Range(2025, 1, 25, 2025, 2, 2, Tet + " Ất Tỵ"),             // Sat 25/01 – Sun 02/02 (9 days)
        H(2025, 4, 7, HungKings),                                     // Monday
        new(new DateOnly(2025, 4, 26), "Làm bù cho ngày 2/5", HolidayKind.WorkingDay),
        H(2025, 4, 30, Reunification),
        H(2025, 5, 1, LabourDay),
        new(new DateOnly(2025, 5, 2), "Nghỉ hoán đổi dịp 30/4–1/5", HolidayKind.DayOff),
        H(2025, 9, 1, NationalDay + " – ngày liền kề"),
        H(2025, 9, 2, NationalDay),                                   // Tuesday

        // 2026
        H(2026, 1, 1, NewYear),
        .. Range(2026, 2, 14, 2026, 2, 22, Tet + " Bính Ngọ"),         // Sat 14/02 – Sun 22/02 (9 days)
        H(2026, 4, 26, HungKings),                                    // Sunday
        new(new DateOnly(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", HolidayKind.DayOff),
        H(2026, 4, 30, Reunification),
        H(2026, 5, 1, LabourDay),
        H(2026, 9, 1, NationalDay + " – ngày liền kề"),                // not confirmed (see remarks)
        H(2026, 9, 2, NationalDay),                                   // Wednesday

        // 2027 (estimate: see remarks)
        H(2027, 1, 1, NewYear),
        .. Range(2027, 2, 4, 2027, 2, 10, Tet + " Đinh Mùi"),          // Thu 04/02 – Wed 10/02, Tết on Sat 06/02
        H(2027, 4, 16, HungKings),                                    // Friday
        H(2027, 4, 30, Reunification),                                // Friday
        H(2027, 5, 1, LabourDay),                                     // Saturday
        new(new DateOnly(2027, 5, 3), "Nghỉ bù Ngày Quốc tế Lao động", HolidayKind.DayOff),
        H(2027, 9, 2, NationalDay),                                   // Thursday
        H(2027, 9, 3, NationalDay + " – ngày liền kề"),
    ];

    /// <summary>The working-day calendar built from <see cref="Seed"/>.</summary>
    public static WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.From(Seed);

    private static HolidayEntry H(int y, int m, int d, string name) => new(new DateOnly(y, m, d), name);

    private static IEnumerable<HolidayEntry> Range(int y1, int m1, int d1, int y2, int m2, int d2, string name)
    {
        var end = new DateOnly(y2, m2, d2);
        for (var d = new DateOnly(y1, m1, d1); d <= end; d = d.AddDays(1)) yield return new HolidayEntry(d, name);
    }
}
