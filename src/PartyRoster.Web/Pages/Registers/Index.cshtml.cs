using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Registers;

/// <summary>The registers the committee must be able to print (domain.md §2).</summary>
[Authorize(Policy = Policies.ViewRegisters)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
