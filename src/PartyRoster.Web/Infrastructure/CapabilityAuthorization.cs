using Microsoft.AspNetCore.Authorization;
using PartyRoster.Domain.Access;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Page-level gate: the user holds <see cref="Capability"/> somewhere. Object-level scope (which
/// organisation, which member) is then checked by <see cref="AccessService"/> in the handler.
/// Pages say <c>[Authorize(Policy = Policies.ManageUsers)]</c>.
/// </summary>
public sealed record CapabilityRequirement(Capability Capability) : IAuthorizationRequirement;

public sealed class CapabilityHandler(AccessService access) : AuthorizationHandler<CapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (await access.HasAnywhereAsync(requirement.Capability)) context.Succeed(requirement);
    }
}

public static class Policies
{
    public const string ViewOrganizations = nameof(Capability.ViewOrganizations);
    public const string ManageOrganizations = nameof(Capability.ManageOrganizations);
    public const string ViewMembers = nameof(Capability.ViewMembers);
    public const string EditMembers = nameof(Capability.EditMembers);
    public const string RecordMemberLeaving = nameof(Capability.RecordMemberLeaving);
    public const string ViewRegisters = nameof(Capability.ViewRegisters);
    public const string ManageUsers = nameof(Capability.ManageUsers);
    public const string ViewAudit = nameof(Capability.ViewAudit);
    public const string ViewCases = nameof(Capability.ViewCases);
    public const string RecordMeetings = nameof(Capability.RecordMeetings);
    public const string ViewMeetings = nameof(Capability.ViewMeetings);
    public const string RecordDues = nameof(Capability.RecordDues);
    public const string ViewDues = nameof(Capability.ViewDues);
    public const string RecordRatings = nameof(Capability.RecordRatings);
    public const string ViewRatings = nameof(Capability.ViewRatings);
    public const string RecordExemptions = nameof(Capability.RecordExemptions);
    public const string ManageTransfers = nameof(Capability.ManageTransfers);
    public const string ViewTransfers = nameof(Capability.ViewTransfers);
    public const string RecordInspections = nameof(Capability.RecordInspections);
    public const string ViewSignals = nameof(Capability.ViewSignals);
    public const string ImportMembers = nameof(Capability.ImportMembers);
    public const string ViewReports = nameof(Capability.ViewReports);

    public static void AddCapabilityPolicies(this AuthorizationOptions options)
    {
        foreach (var c in Enum.GetValues<Capability>())
        {
            options.AddPolicy(c.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(c)));
        }
    }
}
