using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>The dues rules over time, each with its document and the month it applies from.</summary>
[Authorize(Policy = Policies.ViewDues)]
public sealed class RatesModel(TimeProvider clock) : PageModel
{
    public IReadOnlyList<DuesRates> Sets { get; } = DuesRateBook.Default.Sets;
    public DuesRates Current { get; private set; } = null!;

    public void OnGet() => Current = DuesRateBook.Default.InForceFor(Format.Today(clock));
}
