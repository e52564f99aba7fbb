using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using DomainMember = PartyRoster.Domain.Members.Member;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// What the two recording pages of one member (basis, payment) share: the member in the secretary's own
/// cell and on the roll, or not found; their dues record; today.
/// </summary>
public abstract class DuesMemberPage(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    protected PartyRosterDbContext Db { get; } = db;

    public DomainMember Member { get; private set; } = null!;
    public DuesAccount Account { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>The rules in force this month, for the hints beside the fields.</summary>
    public DuesRates Rates { get; private set; } = null!;

    protected async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        var member = await access.FindMemberAsync(memberId, Capability.RecordDues, ct);
        if (member is null || !member.IsOnRoll) return false;
        Member = member;
        Today = Format.Today(clock);
        Rates = DuesRateBook.Default.InForceFor(Today);
        Account = await DuesAccount.LoadAsync(Db, member, Today, ct);
        return true;
    }
}
