using System.Globalization;
using PartyRoster.Domain.Dues;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>Reads what people type into the dues forms: amounts as "75.000" or "75000 đ", months as "11/2026".</summary>
public static class DuesInput
{
    public const string AmountFormatError = "Số tiền không hợp lệ: chỉ nhập số đồng, ví dụ 75.000.";

    /// <summary>
    /// Whole đồng from "1.234.567", "1 234 567 đ" or "-5000" (a sign is kept so the domain can refuse it with
    /// its own message); null with an error for anything else, including decimals ("75,5").
    /// </summary>
    public static long? ParseAmount(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Hãy nhập số tiền.";
            return null;
        }
        var s = text.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { "đồng", "vnđ", "vnd", "đ", "d" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length].TrimEnd(); break; }
        }
        var negative = s.StartsWith('-');
        if (negative) s = s[1..].TrimStart();
        var digits = s.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length is 0 or > 15 || !digits.All(char.IsAsciiDigit))
        {
            error = AmountFormatError;
            return null;
        }
        var value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>The month of "11/2026", "1/2026" or "2026-11" (first day); null when it is not one.</summary>
    public static DateOnly? ParseMonth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), ["MM/yyyy", "M/yyyy", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? DuesCalendar.Of(d) : null;
    }

    /// <summary>"11/2026" for a month field.</summary>
    public static string MonthText(DateOnly month) => DuesText.Month(month);

    /// <summary>The month asked for by <paramref name="year"/>/<paramref name="month"/> when it is one the rules cover and not
    /// further ahead than payments may be made; otherwise the current month.</summary>
    public static DateOnly PickMonth(int? year, int? month, DateOnly today, DuesRateBook rates)
    {
        var current = DuesCalendar.Of(today);
        if (year is not (>= 1 and <= 9999) || month is not (>= 1 and <= 12)) return current;
        var asked = new DateOnly(year.Value, month.Value, 1);
        var latest = current.AddMonths(rates.InForceFor(today).MaxAdvanceMonths.Value);
        return asked >= rates.FirstMonth && asked <= latest ? asked : current;
    }
}
