using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Transfers;

/// <summary>
/// What the forms that start a transfer of one member share: the member in the user's ManageTransfers scope
/// (404 otherwise, on GET and POST), their proceedings (an open inspection or complaint is shown before the
/// form is filled), and the save that leads to the new transfer's page.
/// </summary>
public abstract class MemberTransferPage(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The open proceeding that forbids an official or internal transfer, if any.</summary>
    public MemberProceeding? Blocking { get; private set; }

    protected IReadOnlyList<MemberProceeding> Proceedings { get; private set; } = [];

    protected AccessService Access => access;

    protected async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.ManageTransfers, ct);
        if (member is null) return false;
        Member = member;
        Today = Format.Today(clock);
        Proceedings = await TransferAccess.ProceedingsOfAsync(db, memberId, ct);
        Blocking = Transfer.FindBlocking(Proceedings, memberId, Today);
        return true;
    }

    /// <summary>Saves the new transfer with the member's change; a concurrent change of the member is reported, nothing saved.</summary>
    protected async Task<IActionResult> SaveAsync(Transfer transfer, string message, CancellationToken ct)
    {
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var id = Member.Id;
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError("", TransferAccess.ConflictMessage);
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage("/Transfers/Details", new { id = transfer.Id });
    }
}

public static class TransferForms
{
    /// <summary>Parses a typed date (dd/mm/yyyy); a blank or malformed one becomes a Vietnamese error on <paramref name="key"/>.</summary>
    public static DateOnly? RequiredDate(this ModelStateDictionary modelState, string key, string? text, string label)
    {
        var date = Format.ParseDate(text);
        if (date is null)
            modelState.AddModelError(key, string.IsNullOrWhiteSpace(text)
                ? $"Hãy nhập {label}."
                : $"{char.ToUpper(label[0], CultureInfo.InvariantCulture)}{label[1..]} không hợp lệ (dd/mm/yyyy).");
        return date;
    }
}
