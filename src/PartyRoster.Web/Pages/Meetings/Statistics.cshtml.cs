using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Rules;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Reports;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>
/// Meeting compliance of every cell in the user's scope for one year: regular months held against months due,
/// attendance rate, members past the unexcused-absence threshold. Each figure is read with one grouped query.
/// </summary>
[Authorize(Policy = Policies.ViewMeetings)]
public sealed class StatisticsModel(PartyRosterDbContext db, AccessService access, RuleBook rules, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public int Threshold { get; private set; }
    public IReadOnlyList<MeetingCompliance.CellStats> Cells { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var today = Format.Today(clock);
        Year = year is >= 1930 and <= 2100 ? year.Value : today.Year;
        Threshold = MeetingCompliance.ThresholdFor(rules, Year, today).Value;
        var cells = await MeetingCells.InScopeAsync(access, Capability.ViewMeetings, ct);
        var scope = (await access.OrganizationsInScopeAsync(Capability.ViewMeetings, ct)).Select(o => o.Id);

        Cells = await MeetingCompliance.ForYearAsync(db, cells.Select(c => new MeetingCompliance.Cell(c.Id, c.Name, c.EstablishedOn)).ToList(),
            scope, Year, today, Threshold, ct);
    }
}
