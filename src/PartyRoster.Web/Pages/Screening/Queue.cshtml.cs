using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Screening;

/// <summary>"Việc cần làm": the screening work waiting for the current user, grouped by kind.</summary>
[Authorize(Policy = Policies.ViewCases)]
public sealed class QueueModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ScreeningQueues.QueueSection> Sections { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Format.Today(clock);
        Sections = await new ScreeningQueues(db, new ScreeningAccess(db, access), clock).SectionsAsync(ct: ct);
    }
}
