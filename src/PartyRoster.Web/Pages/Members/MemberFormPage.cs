using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>What the shared <c>_MemberForm</c> partial needs from Create and Edit.</summary>
public interface IMemberFormPage
{
    MemberInput Input { get; }

    /// <summary>Cells the member may be placed in (Create); empty on Edit.</summary>
    IReadOnlyList<SelectListItem> CellItems { get; }

    /// <summary>The member's current cell, shown read-only on Edit; null on Create.</summary>
    string? CellName { get; }
}

public static class MemberForm
{
    public static IReadOnlyList<SelectListItem> EthnicityItems(string? selected) =>
        Options(Ethnicities.All, selected, "— Chọn dân tộc —");

    public static IReadOnlyList<SelectListItem> ReligionItems(string? selected) =>
        Options(Religions.All, selected, "— Chọn tôn giáo —");

    public static IReadOnlyList<SelectListItem> PoliticalTheoryItems(PoliticalTheoryLevel? selected) =>
        Enum.GetValues<PoliticalTheoryLevel>()
            .Select(l => new SelectListItem(l.DisplayName(), l.ToString(), l == (selected ?? PoliticalTheoryLevel.None)))
            .ToList();

    /// <summary>Runs the validator and copies every error into ModelState under "Input.&lt;Property&gt;".</summary>
    public static async Task ValidateIntoAsync(IValidator<MemberInput> validator, MemberInput input, ModelStateDictionary modelState, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        foreach (var e in result.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(e.PropertyName) ? "" : "Input." + e.PropertyName, e.ErrorMessage);
    }

    /// <summary>
    /// The chosen cell (tracked) when it is an active chi bộ in the user's scope for <paramref name="capability"/>;
    /// otherwise null, with the error on <paramref name="key"/>. A missing choice is the caller's to report.
    /// </summary>
    public static async Task<Organization?> FindCellAsync(AccessService access, int? cellId, Capability capability,
        ModelStateDictionary modelState, CancellationToken ct, string key = "Input.CellId")
    {
        if (cellId is not { } id) return null;
        var cell = await access.FindOrganizationAsync(id, capability, ct);
        if (cell is not null && cell.IsActive && cell.Kind.HoldsMembers()) return cell;
        modelState.AddModelError(key, "Chi bộ không hợp lệ hoặc ngoài phạm vi quản lý.");
        return null;
    }

    /// <summary>The message when a unique index refused a CCCD or card number saved by someone else since the check.</summary>
    public const string UniqueClashMessage = "Số CCCD hoặc số thẻ đảng viên vừa được dùng cho một đảng viên khác. Hãy kiểm tra lại.";

    private static List<SelectListItem> Options(IEnumerable<string> values, string? selected, string placeholder)
    {
        var items = new List<SelectListItem> { new(placeholder, "", string.IsNullOrEmpty(selected)) };
        items.AddRange(values.Select(v => new SelectListItem(v, v, v == selected)));
        // A stored value that is not in the pick-list (free text from an import) stays selectable.
        if (!string.IsNullOrEmpty(selected) && !values.Contains(selected))
            items.Add(new SelectListItem(selected, selected, true));
        return items;
    }
}
