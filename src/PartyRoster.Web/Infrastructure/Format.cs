using System.Globalization;

namespace PartyRoster.Web.Infrastructure;

/// <summary>How dates, times and numbers are shown everywhere: dd/MM/yyyy, Asia/Ho_Chi_Minh, 1.234.</summary>
public static class Format
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public const string DatePattern = "dd/MM/yyyy";

    public static string Date(DateOnly? d) => d?.ToString(DatePattern, CultureInfo.InvariantCulture) ?? "";

    public static string DateTime(DateTime? utc) => utc is null
        ? ""
        : TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc), VietnamTime)
            .ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString("N0", Vietnamese);

    /// <summary>Today's date in Vietnam, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, VietnamTime));

    /// <summary>Parses dd/MM/yyyy (also d/M/yyyy) as typed by people; null when it is not a date.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }
}
