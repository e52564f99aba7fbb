using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.ViewComponents;

/// <summary>
/// The member profile's exemption section (miễn công tác và sinh hoạt): the current exemption and the history,
/// with the grant and return actions for the secretary of the member's cell. Renders nothing for a user who
/// may not read the member, or when there is nothing to show and nothing the user may do.
/// </summary>
public sealed class MemberExemptionViewComponent(PartyRosterDbContext db, AccessService access, TimeProvider clock) : ViewComponent
{
    public sealed record Model(int MemberId, RollState RollState, Exemption? Open, IReadOnlyList<Exemption> Past, bool CanRecord, DateOnly Today)
    {
        /// <summary>Exempt by state but without a recorded resolution (kept before the record existed).</summary>
        public bool ExemptWithoutRecord => RollState == RollState.ExemptFromActivities && Open is null;

        public bool CanGrant => CanRecord && (RollState == RollState.Active || ExemptWithoutRecord);
    }

    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var ct = HttpContext.RequestAborted;
        var member = await access.FindMemberAsync(memberId, Capability.ViewMembers, ct);
        if (member is null) return Content("");

        var exemptions = await db.Exemptions.AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        var canRecord = member.IsOnRoll && await access.CanAsync(Capability.RecordExemptions, member.Organization!.Path, ct);
        var model = new Model(memberId, member.RollState, exemptions.Find(e => e.IsOpen), [.. exemptions.Where(e => !e.IsOpen)],
            canRecord, Format.Today(clock));
        var nothingToShow = exemptions.Count == 0 && !model.ExemptWithoutRecord && !model.CanGrant;
        return nothingToShow ? Content("") : View(model);
    }
}
