using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Meetings;

/// <summary>The cells (chi bộ) a user may see or record meetings for; anything else is reported as not found.</summary>
public static class MeetingCells
{
    public sealed record CellOption(int Id, string Name, string Path, DateOnly EstablishedOn);

    public static async Task<List<CellOption>> InScopeAsync(AccessService access, Capability capability, CancellationToken ct)
    {
        var scope = await access.OrganizationsInScopeAsync(capability, ct);
        return await scope.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell)
            .OrderBy(o => o.Path)
            .Select(o => new CellOption(o.Id, o.Name, o.Path, o.EstablishedOn))
            .ToListAsync(ct);
    }

    /// <summary>The cell when it is a chi bộ in the user's scope for <paramref name="capability"/>; otherwise null (→ 404).</summary>
    public static async Task<Organization?> FindAsync(AccessService access, int cellId, Capability capability, CancellationToken ct)
    {
        var org = await access.FindOrganizationAsync(cellId, capability, ct);
        return org is not null && org.Kind.HoldsMembers() ? org : null;
    }
}
