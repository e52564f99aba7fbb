using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Meetings;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// Records one month's dues for the whole cell in one form: every member who owes and has not paid is
/// ticked with the amount owed (editable); one save records all of them or, on any error, none.
/// </summary>
[Authorize(Policy = Policies.RecordDues)]
public sealed class CollectModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Organization Cell { get; private set; } = null!;
    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public DuesSheet Sheet { get; private set; } = null!;
    /// <summary>Owed this month and not yet paid, in roll order.</summary>
    public IReadOnlyList<DuesSheet.Line> Collectable { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? PaidOn { get; set; }
        public List<RowInput> Rows { get; set; } = [];
    }

    public sealed class RowInput
    {
        public int MemberId { get; set; }
        public bool Selected { get; set; }
        public string? Amount { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int cellId, int? year, int? month, CancellationToken ct)
    {
        if (!await LoadAsync(cellId, year, month, ct)) return NotFound();
        Input = new InputModel
        {
            PaidOn = Format.Date(Today),
            Rows = [.. Collectable.Select(l => new RowInput { MemberId = l.MemberId, Selected = true, Amount = Format.Number(l.Due.Amount) })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cellId, int? year, int? month, CancellationToken ct)
    {
        if (!await LoadAsync(cellId, year, month, ct)) return NotFound();
        var paidOn = Format.ParseDate(Input.PaidOn);
        if (paidOn is null) ModelState.AddModelError("Input.PaidOn", "Ngày nộp không hợp lệ (dd/mm/yyyy).");
        var chosen = Input.Rows.Where(r => r.Selected).ToList();
        if (chosen.Count == 0) ModelState.AddModelError("", "Chưa chọn đảng viên nào để ghi nhận.");
        if (!ModelState.IsValid) return Page();

        var lines = Collectable.ToDictionary(l => l.MemberId);
        if (chosen.Any(r => !lines.ContainsKey(r.MemberId)))
        {
            ModelState.AddModelError("", "Có dòng cho người không phải nộp đảng phí tháng này ở chi bộ (hoặc đã nộp rồi). Chưa lưu gì: hãy tải lại trang.");
            return Page();
        }
        var payments = new List<DuesPayment>();
        var total = 0L;
        foreach (var row in chosen)
        {
            var line = lines[row.MemberId];
            var amount = DuesInput.ParseAmount(row.Amount, out var error);
            if (amount is null)
            {
                ModelState.AddModelError("", $"{line.FullName}: {error}");
                continue;
            }
            try
            {
                payments.Add(new DuesPayment(line.Dues, Cell.Id, line.Bases, Month, amount.Value, paidOn!.Value, null, DuesRateBook.Default, Today));
                total += amount.Value;
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError("", $"{line.FullName}: {ex.Message}");
            }
        }
        if (!ModelState.IsValid) return Page();

        db.DuesPayments.AddRange(payments);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (member, month): someone recorded one of these payments since the form was shown.
            db.ChangeTracker.Clear();
            await LoadAsync(cellId, year, month, ct);
            ModelState.AddModelError("", "Trong lúc bạn nhập, đã có khoản đảng phí tháng này được ghi nhận cho một số đảng viên. Chưa lưu gì: danh sách đã được tải lại, hãy kiểm tra và lưu lần nữa.");
            return Page();
        }
        TempData["Message"] = $"Đã ghi nhận đảng phí tháng {DuesText.Month(Month)} của {Format.Number(payments.Count)} đảng viên, tổng {Format.Number(total)} đ.";
        return RedirectToPage("Index", new { cellId = Cell.Id, year = Month.Year, month = Month.Month });
    }

    /// <summary>The posted row of a member, so a re-rendered form keeps what was typed.</summary>
    public RowInput RowFor(int memberId) =>
        Input.Rows.Find(r => r.MemberId == memberId) ?? new RowInput { MemberId = memberId };

    private async Task<bool> LoadAsync(int cellId, int? year, int? month, CancellationToken ct)
    {
        var cell = await MeetingCells.FindAsync(access, cellId, Capability.RecordDues, ct);
        if (cell is null) return false;
        Cell = cell;
        Today = Format.Today(clock);
        Month = DuesInput.PickMonth(year, month, Today, DuesRateBook.Default);
        Sheet = await DuesSheet.LoadAsync(db, cell.Id, Month, Today, ct);
        Collectable = [.. Sheet.Lines.Where(l => l.Collectable)];
        return true;
    }
}
