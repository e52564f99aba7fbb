using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// Issues an official introduction letter (giấy giới thiệu sinh hoạt đảng chính thức) to a party organisation
/// outside this đảng bộ: the member leaves the roll on the letter's date and has 30 working days to present it.
/// </summary>
[Authorize(Policy = Policies.ManageTransfers)]
public sealed class OutModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, WorkingCalendarService calendars, RuleBook rules)
    : MemberTransferPage(db, access, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? LetterNumber { get; set; }
        public string? IssuedOn { get; set; }
        public string? Destination { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>The working days the member will have, from the rule in force today (for the form's hint).</summary>
    public int PresentationWorkingDays => rules.InForceOn(Today).TransferPresentationWorkingDays.Value;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        Input.IssuedOn = Format.Date(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var issuedOn = ModelState.RequiredDate("Input.IssuedOn", Input.IssuedOn, "ngày cấp giấy giới thiệu");
        if (!ModelState.IsValid) return Page();

        var calendar = await calendars.GetAsync(ct);
        Transfer? transfer = null;
        if (!ModelState.TryApply(() => transfer = Transfer.IssueOfficialOut(Member, Proceedings, Input.LetterNumber, issuedOn!.Value,
                Input.Destination, Input.Note, calendar, rules, Today)))
            return Page();
        return await SaveAsync(transfer!,
            $"Đã cấp giấy giới thiệu số {transfer!.LetterNumber} cho đảng viên {Member.FullName}. Hạn xuất trình: {Format.Date(transfer.Deadline)}.", ct);
    }
}
