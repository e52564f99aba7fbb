using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// One transfer, printable as the record of it; here the committee closes what is open: the receiving side's
/// slip for a letter (or its revocation), a member's return, the end of a guest's period.
/// </summary>
[Authorize(Policy = Policies.ViewTransfers)]
public sealed class DetailsModel(PartyRosterDbContext db, AccessService access, TimeProvider clock, WorkingCalendarService calendars,
    RuleBook rules, OrganizationDirectory directory) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public string? MemberName { get; private set; }
    public string? FromCell { get; private set; }
    public string? ToCell { get; private set; }
    public DateOnly Today { get; private set; }
    public int? WorkingDaysLeft { get; private set; }
    public bool IsReportable { get; private set; }
    public RuleSet Rules { get; private set; } = null!;
    public bool CanManage { get; private set; }

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public sealed class CloseInput
    {
        public string? Date { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var transfer = await TransferAccess.FindAsync(db, access, id, Capability.ViewTransfers, ct);
        if (transfer is null) return NotFound();
        await LoadAsync(transfer, ct);
        Close.Date = Format.Date(Today);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct) =>
        ActAsync(id, "ngày trên phiếu báo", (t, _, date) => t.ConfirmPresented(date, Close.Note, Today),
            t => $"Đã ghi nhận phiếu báo: đảng viên đã xuất trình giấy giới thiệu số {t.LetterNumber}.", ct);

    public Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct) =>
        ActAsync(id, "ngày thu hồi", (t, m, date) => t.Revoke(m!, date, Close.Note, Today),
            t => $"Đã thu hồi giấy giới thiệu số {t.LetterNumber}; đảng viên trở lại danh sách của chi bộ.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ActAsync(id, "ngày trở về", (t, m, date) => t.RecordReturn(m!, date, Close.Note, Today),
            _ => "Đã ghi nhận đảng viên trở về sinh hoạt tại chi bộ.", ct);

    public Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct) =>
        ActAsync(id, "ngày kết thúc", (t, _, date) => t.EndGuestVisit(date, Close.Note, Today),
            t => $"Đã kết thúc sinh hoạt tạm thời của đảng viên {t.GuestName}.", ct);

    /// <summary>Loads the transfer in the user's ManageTransfers scope (404 otherwise), applies one closing step, saves, redirects.</summary>
    private async Task<IActionResult> ActAsync(int id, string dateLabel, Action<Transfer, Member?, DateOnly> step,
        Func<Transfer, string> message, CancellationToken ct)
    {
        var transfer = await TransferAccess.FindAsync(db, access, id, Capability.ManageTransfers, ct);
        if (transfer is null) return NotFound();
        await LoadAsync(transfer, ct);
        var member = transfer.MemberId is { } memberId ? await db.Members.FirstAsync(m => m.Id == memberId, ct) : null;
        var date = ModelState.RequiredDate("Close.Date", Close.Date, dateLabel);
        if (!ModelState.IsValid) return Page();
        if (!ModelState.TryApply(() => step(transfer, member, date!.Value))) return Page();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await TransferAccess.FindAsync(db, access, id, Capability.ManageTransfers, ct);
            if (fresh is null) return NotFound();
            await LoadAsync(fresh, ct);
            ModelState.AddModelError("", TransferAccess.ConflictMessage);
            return Page();
        }
        TempData["Message"] = message(transfer);
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Transfer transfer, CancellationToken ct)
    {
        Transfer = transfer;
        Today = Format.Today(clock);
        Rules = rules.InForceOn(transfer.StartedOn);
        MemberName = transfer.MemberId is { } memberId
            ? await db.Members.Where(m => m.Id == memberId).Select(m => m.FullName).FirstAsync(ct)
            : null;
        var names = await TransferAccess.CellNamesAsync(directory, ct);
        FromCell = transfer.FromCellId is { } f ? names.GetValueOrDefault(f) : null;
        ToCell = transfer.ToCellId is { } t ? names.GetValueOrDefault(t) : null;
        if (transfer.IsAwaitingSlip) WorkingDaysLeft = transfer.WorkingDaysLeft(Today, await calendars.GetAsync(ct));
        IsReportable = transfer.IsReportable(Today, rules);
        CanManage = await TransferAccess.CoversAsync(access, transfer, Capability.ManageTransfers, ct);
    }
}
