using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// Declares (or changes from a month on) a member's dues basis: what they are, the salary or pension, an
/// exemption with its ground, a reduction with its end month. Declaring again for a month that already
/// has an entry corrects that entry.
/// </summary>
[Authorize(Policy = Policies.RecordDues)]
public sealed class BasisModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : DuesMemberPage(db, access, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>First month, "MM/yyyy".</summary>
        public string? From { get; set; }
        public DuesBasisKind? Kind { get; set; }
        public string? Amount { get; set; }
        public DuesExemptionGround? Ground { get; set; }
        public int? Relief { get; set; }
        /// <summary>Last month of the relief, "MM/yyyy".</summary>
        public string? ReliefUntil { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        // Start from what applies now, from this month: a change is usually "the same, with a new salary".
        var current = Account.CurrentBasis;
        Input = new InputModel
        {
            From = DuesInput.MonthText(DuesCalendar.Of(Today)),
            Kind = current?.Kind,
            Amount = current?.BaseAmount is { } a ? Format.Number(a) : null,
            Ground = current?.ExemptionGround,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var from = DuesInput.ParseMonth(Input.From);
        if (from is null) ModelState.AddModelError("Input.From", "Tháng áp dụng không hợp lệ (mm/yyyy).");
        if (Input.Kind is null) ModelState.AddModelError("Input.Kind", "Hãy chọn đối tượng đóng đảng phí.");
        long? amount = null;
        if (Input.Kind is { } kind && kind.BaseAmountLabel() is { } label)
        {
            amount = DuesInput.ParseAmount(Input.Amount, out var error);
            if (amount is null) ModelState.AddModelError("Input.Amount", $"{label}: {error}");
        }
        DateOnly? until = null;
        if (Input.Relief is not null)
        {
            until = DuesInput.ParseMonth(Input.ReliefUntil);
            if (until is null) ModelState.AddModelError("Input.ReliefUntil", "Tháng kết thúc miễn, giảm không hợp lệ (mm/yyyy).");
        }
        if (!ModelState.IsValid) return Page();

        var terms = new DuesBasisTerms(from!.Value, Input.Kind!.Value, amount, Input.Ground, Input.Relief, until, Input.Note);
        var member = DuesMember.Of(Member);
        var existing = await Db.DuesBases.FirstOrDefaultAsync(b => b.MemberId == memberId && b.EffectiveFrom == from, ct);
        if (!ModelState.TryApply(() =>
            {
                if (existing is null) Db.DuesBases.Add(new DuesBasis(member, terms, DuesRateBook.Default, Today));
                else existing.Revise(member, terms, DuesRateBook.Default, Today);
            }))
            return Page();

        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict on the entry, or another entry for the same month saved meanwhile.
            Db.ChangeTracker.Clear();
            await LoadAsync(memberId, ct);
            ModelState.AddModelError("", "Căn cứ đóng đảng phí của đảng viên vừa được người khác cập nhật. Chưa lưu gì: hãy xem lại quá trình bên dưới và lưu lần nữa.");
            return Page();
        }
        TempData["Message"] = existing is null
            ? $"Đã khai căn cứ đóng đảng phí từ tháng {DuesText.Month(from.Value)}."
            : $"Đã sửa căn cứ đóng đảng phí từ tháng {DuesText.Month(from.Value)}.";
        return RedirectToPage("Member", new { id = memberId });
    }
}
