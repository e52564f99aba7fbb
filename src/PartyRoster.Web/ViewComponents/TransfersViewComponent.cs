using Microsoft.AspNetCore.Mvc;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Pages.Transfers;

namespace PartyRoster.Web.ViewComponents;

/// <summary>
/// The member profile's section on transfers and proceedings: the transfer history, the proceedings (for the
/// UBKT and those who issue letters; others see only that a transfer is blocked) and the buttons to start a
/// transfer or open a proceeding. Renders nothing for a user who may not read the member's transfers.
/// </summary>
public sealed class TransfersViewComponent(PartyRosterDbContext db, AccessService access, TimeProvider clock, OrganizationDirectory directory)
    : ViewComponent
{
    public sealed record SectionModel(
        Member Member,
        DateOnly Today,
        IReadOnlyList<TransferAccess.Row> History,
        IReadOnlyList<MemberProceeding> Proceedings,
        MemberProceeding? Blocking,
        bool CanSeeProceedings,
        bool CanManage,
        bool CanInspect,
        Transfer? OpenTemporary);

    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var ct = HttpContext.RequestAborted;
        var member = await access.FindMemberAsync(memberId, Capability.ViewTransfers, ct);
        if (member is null) return Content("");
        var path = member.Organization!.Path;
        var today = Format.Today(clock);

        var history = await TransferAccess.RowsAsync(db.Transfers.Where(t => t.MemberId == memberId), await TransferAccess.CellNamesAsync(directory, ct), ct);
        history = [.. history.OrderByDescending(r => r.Transfer.StartedOn).ThenByDescending(r => r.Transfer.Id)];
        var proceedings = await TransferAccess.ProceedingsOfAsync(db, memberId, ct);
        var canSee = await TransferAccess.CanSeeProceedingsAsync(access, path, ct);

        return View(new SectionModel(
            member,
            today,
            history,
            canSee ? proceedings : [],
            Transfer.FindBlocking(proceedings, memberId, today),
            canSee,
            await access.CanAsync(Capability.ManageTransfers, path, ct),
            await access.CanAsync(Capability.RecordInspections, path, ct),
            history.Select(r => r.Transfer).FirstOrDefault(t => t.Kind == TransferKind.TemporaryOut && t.Status == TransferStatus.InProgress)));
    }
}
