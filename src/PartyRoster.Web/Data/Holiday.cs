using PartyRoster.Domain.Calendar;

namespace PartyRoster.Web.Data;

/// <summary>
/// One day of the working-day calendar the Admin edits (domain.md §8): a public holiday, a substitute day
/// off, or a weekend day worked in exchange. The date is the key: a day has one meaning.
/// </summary>
public sealed class Holiday
{
    public const int NameMaxLength = 100;

    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public HolidayKind Kind { get; set; } = HolidayKind.Holiday;

    public HolidayEntry ToEntry() => new(Date, Name, Kind);

    public static Holiday From(HolidayEntry entry) => new() { Date = entry.Date, Name = entry.Name, Kind = entry.Kind };
}
