using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// A temporary transfer (sinh hoạt đảng tạm thời) of one of our members to another organisation for a period:
/// 3 months to under a year, study up to two years. The member is "away" until their return is recorded.
/// </summary>
[Authorize(Policy = Policies.ManageTransfers)]
public sealed class AwayModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, RuleBook rules)
    : MemberTransferPage(db, access, clock)
{
    [BindProperty]
    public TemporaryInput Input { get; set; } = new();

    public RuleSet Rules => rules.InForceOn(Today);

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Input.From = Format.Date(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var (from, to) = Input.ParsePeriod(ModelState);
        if (!ModelState.IsValid) return Page();

        Transfer? transfer = null;
        if (!ModelState.TryApply(() => transfer = Transfer.SendTemporary(Member, Input.Purpose, from!.Value, to!.Value, Input.LetterNumber,
                Input.Organization, Input.Note, rules, Today)))
            return Page();
        return await SaveAsync(transfer!,
            $"Đã ghi nhận đảng viên {Member.FullName} sinh hoạt tạm thời tại {transfer!.ExternalOrganization} đến ngày {Format.Date(transfer.PeriodEnd)}.", ct);
    }
}

/// <summary>What the shared <c>_TemporaryFields</c> partial shows: the input, the period rules in force, and how to name the other organisation.</summary>
public sealed record TemporaryFields(TemporaryInput Input, RuleSet Rules, string OrganizationLabel, string OrganizationPlaceholder);

/// <summary>The fields of a temporary transfer, out (our member) or in (a guest).</summary>
public sealed class TemporaryInput
{
    public TemporaryPurpose Purpose { get; set; } = TemporaryPurpose.Work;
    public string? From { get; set; }
    public string? To { get; set; }
    public string? LetterNumber { get; set; }
    /// <summary>Where our member goes, or the guest's home organisation.</summary>
    public string? Organization { get; set; }
    public string? Note { get; set; }

    public (DateOnly? From, DateOnly? To) ParsePeriod(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState) =>
        (modelState.RequiredDate("Input.From", From, "ngày bắt đầu"), modelState.RequiredDate("Input.To", To, "ngày kết thúc"));
}
