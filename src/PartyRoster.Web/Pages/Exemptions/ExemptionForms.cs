using Microsoft.AspNetCore.Mvc.ModelBinding;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Exemptions;

/// <summary>What the exemption forms share: reading a typed date, and the message when someone else saved first.</summary>
internal static class ExemptionForms
{
    public const string ConflictMessage = "Hồ sơ đảng viên vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.";

    /// <summary>The date typed in <paramref name="key"/>; a form error (and null) when it is missing but required, or not a date.</summary>
    public static DateOnly? Date(ModelStateDictionary modelState, string key, string? text, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) modelState.AddModelError(key, $"Hãy nhập {label.ToLowerInvariant()}.");
            return null;
        }
        var date = Format.ParseDate(text);
        if (date is null) modelState.AddModelError(key, $"{label} không hợp lệ (dd/mm/yyyy).");
        return date;
    }
}
