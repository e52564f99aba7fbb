using Microsoft.AspNetCore.Mvc.ModelBinding;
using PartyRoster.Domain;

namespace PartyRoster.Web.Infrastructure;

public static class DomainActions
{
    /// <summary>
    /// Runs one domain call; when a rule refuses it, its Vietnamese message becomes a form error and the
    /// caller re-renders the page (200, nothing saved).
    /// </summary>
    public static bool TryApply(this ModelStateDictionary modelState, Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (DomainException ex)
        {
            modelState.AddModelError(string.Empty, ex.Message);
            return false;
        }
    }
}
