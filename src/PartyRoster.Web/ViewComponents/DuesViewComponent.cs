using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Dues;

namespace PartyRoster.Web.ViewComponents;

/// <summary>
/// The dues section of the member profile: current basis, this month, arrears and the last twelve months at
/// a glance, with links to the member's dues page. Renders nothing for a user who may not read the member's dues.
/// </summary>
public sealed class DuesViewComponent(PartyRosterDbContext db, AccessService access, TimeProvider clock) : ViewComponent
{
    public sealed record Summary(int MemberId, DuesBasis? Basis, DuesDue ThisMonth, IReadOnlyList<DateOnly> Arrears,
        IReadOnlyList<DuesLine> Months, bool CanRecord);

    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var ct = HttpContext.RequestAborted;
        var member = await access.FindMemberAsync(memberId, Capability.ViewDues, ct);
        if (member is null) return Content(string.Empty);
        var today = Format.Today(clock);
        var account = await DuesAccount.LoadAsync(db, member, today, ct);
        var canRecord = member.IsOnRoll && await access.CanAsync(Capability.RecordDues, member.Organization!.Path, ct);
        var (from, _) = DuesLedger.ArrearsWindow(today);
        return View(new Summary(member.Id, account.CurrentBasis, account.Due(today), account.Arrears(),
            account.Statement(from, DuesCalendar.Of(today)), canRecord));
    }
}
