using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// Records one member's payment for any month (late or ahead), and cancels a payment entered by mistake so
/// that it can be entered again (both audited).
/// </summary>
[Authorize(Policy = Policies.RecordDues)]
public sealed class PayModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : DuesMemberPage(db, access, clock)
{
    public IReadOnlyList<DuesLine> Lines { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>The month paid for, "MM/yyyy".</summary>
        public string? Month { get; set; }
        public string? Amount { get; set; }
        public string? PaidOn { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int memberId, int? year, int? month, CancellationToken ct)
    {
        if (!await LoadPageAsync(memberId, ct)) return NotFound();
        // The month asked for, else the oldest month in arrears, else this month.
        var chosen = year is not null || month is not null
            ? DuesInput.PickMonth(year, month, Today, DuesRateBook.Default)
            : Account.Arrears().FirstOrDefault(DuesCalendar.Of(Today));
        var due = Account.Due(chosen);
        Input = new InputModel
        {
            Month = DuesInput.MonthText(chosen),
            Amount = due.IsOwed ? Format.Number(due.Amount) : null,
            PaidOn = Format.Date(Today),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadPageAsync(memberId, ct)) return NotFound();
        var month = DuesInput.ParseMonth(Input.Month);
        if (month is null) ModelState.AddModelError("Input.Month", "Tháng đóng không hợp lệ (mm/yyyy).");
        var amount = DuesInput.ParseAmount(Input.Amount, out var amountError);
        if (amount is null) ModelState.AddModelError("Input.Amount", amountError!);
        var paidOn = Format.ParseDate(Input.PaidOn);
        if (paidOn is null) ModelState.AddModelError("Input.PaidOn", "Ngày nộp không hợp lệ (dd/mm/yyyy).");
        if (!ModelState.IsValid) return Page();

        if (Account.Payments.FirstOrDefault(p => p.DuesMonth == month) is { } existing)
        {
            ModelState.AddModelError("", AlreadyPaid(existing));
            return Page();
        }
        DuesPayment? payment = null;
        if (!ModelState.TryApply(() => payment = new DuesPayment(Account.Member, Member.OrganizationId, Account.Bases, month!.Value,
                amount!.Value, paidOn!.Value, Input.Note, DuesRateBook.Default, Today)))
            return Page();

        Db.DuesPayments.Add(payment!);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (member, month): recorded by someone else since the page was shown.
            Db.ChangeTracker.Clear();
            await LoadPageAsync(memberId, ct);
            var saved = Account.Payments.FirstOrDefault(p => p.DuesMonth == month);
            ModelState.AddModelError("", saved is null ? "Không lưu được khoản nộp; hãy thử lại." : AlreadyPaid(saved));
            return Page();
        }
        TempData["Message"] = $"Đã ghi nhận {Member.FullName} nộp {Format.Number(payment!.Amount)} đ đảng phí tháng {DuesText.Month(payment.DuesMonth)}"
            + (payment.IsLate ? " (nộp muộn)." : payment.IsAhead ? " (đóng trước)." : ".");
        return RedirectToPage("Member", new { id = memberId });
    }

    public async Task<IActionResult> OnPostCancelAsync(int memberId, int paymentId, CancellationToken ct)
    {
        if (!await LoadPageAsync(memberId, ct)) return NotFound();
        var payment = await Db.DuesPayments.FirstOrDefaultAsync(p => p.Id == paymentId && p.MemberId == memberId, ct);
        if (payment is null) return NotFound();
        Db.DuesPayments.Remove(payment);
        await Db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã hủy khoản nộp {Format.Number(payment.Amount)} đ tháng {DuesText.Month(payment.DuesMonth)}; có thể ghi nhận lại.";
        return RedirectToPage("Pay", new { memberId, year = payment.DuesMonth.Year, month = payment.DuesMonth.Month });
    }

    private static string AlreadyPaid(DuesPayment p) =>
        $"Tháng {DuesText.Month(p.DuesMonth)} đã ghi nhận nộp {Format.Number(p.Amount)} đ ngày {Format.Date(p.PaidOn)}. Nếu ghi nhầm, hãy hủy khoản đó ở bảng bên dưới rồi ghi lại.";

    private async Task<bool> LoadPageAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return false;
        Lines = Account.RecentStatement();
        return true;
    }
}
