using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Access;

/// <summary>One role held for one organisation: it covers that organisation and everything under it.</summary>
public sealed record Grant(Role Role, int OrganizationId, string OrganizationPath);

/// <summary>
/// The single answer to "may this user do X in organisation Y" (domain.md §3.5). Pages never check
/// roles by hand: they ask the web layer's access service, which asks here.
/// </summary>
/// <remarks>
/// Decisions not spelled out in domain.md are recorded in docs/decisions/ADR-003-access-matrix.md:
/// Ban Tổ chức and Đảng ủy cơ sở keep member records of their subtree; cell secretaries read their
/// cell's records; the Admin manages accounts and the tree but reads no member content.
/// </remarks>
public static class AccessPolicy
{
    /// <summary>Everyone who reads a cell's records: the cell itself and every level above it.</summary>
    private static readonly Role[] Readers =
        [Role.CellSecretary, Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee];

    private static readonly Dictionary<Capability, Role[]> Matrix = new()
    {
        [Capability.ViewOrganizations] = [Role.CellSecretary, Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee, Role.Admin],
        [Capability.ManageOrganizations] = [Role.OrganizationDept, Role.Admin],
        [Capability.ViewMembers] = [Role.CellSecretary, Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee],
        [Capability.EditMembers] = [Role.GrassrootsCommittee, Role.OrganizationDept],
        [Capability.RecordMemberLeaving] = [Role.OrganizationDept],
        [Capability.ViewRegisters] = [Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee],
        [Capability.ManageUsers] = [Role.Admin],
        [Capability.ViewAudit] = [Role.Admin, Role.InspectionCommittee],
        // The Admin sees no case content by default (domain.md §3.5).
        [Capability.ViewCases] = [Role.CellSecretary, Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee],
        // Only the cell keeps its own minutes; the levels above read them.
        [Capability.RecordMeetings] = [Role.CellSecretary],
        [Capability.ViewMeetings] = Readers,
        // Dues, ratings and exemptions are the cell's own records (domain.md §3.5, §4–§6); the levels above read them.
        [Capability.RecordDues] = [Role.CellSecretary],
        [Capability.ViewDues] = Readers,
        [Capability.RecordRatings] = [Role.CellSecretary],
        [Capability.ViewRatings] = Readers,
        [Capability.RecordExemptions] = [Role.CellSecretary],
        // Transfer letters are issued and received by the grassroots committee or the Ban Tổ chức (ADR-007).
        [Capability.ManageTransfers] = [Role.GrassrootsCommittee, Role.OrganizationDept],
        [Capability.ViewTransfers] = Readers,
        [Capability.RecordInspections] = [Role.InspectionCommittee],
        [Capability.ViewSignals] = Readers,
        [Capability.ImportMembers] = [Role.OrganizationDept],
        [Capability.ViewReports] = [Role.GrassrootsCommittee, Role.OrganizationDept, Role.InspectionCommittee, Role.StandingCommittee],
    };

    public static IReadOnlyList<Role> RolesFor(Capability capability) => Matrix[capability];

    /// <summary>True when one of the grants gives <paramref name="capability"/> over the organisation at <paramref name="targetPath"/>.</summary>
    public static bool Allows(IEnumerable<Grant> grants, Capability capability, string targetPath)
    {
        var roles = Matrix[capability];
        return grants.Any(g => roles.Contains(g.Role) && targetPath.StartsWith(g.OrganizationPath, StringComparison.Ordinal));
    }

    /// <summary>True when the user may do <paramref name="capability"/> somewhere (to show a menu entry).</summary>
    public static bool AllowsAnywhere(IEnumerable<Grant> grants, Capability capability) =>
        grants.Any(g => Matrix[capability].Contains(g.Role));

    /// <summary>The subtree roots in which the user may do <paramref name="capability"/>, without nested duplicates.</summary>
    public static IReadOnlyList<string> ScopePaths(IEnumerable<Grant> grants, Capability capability)
    {
        var roles = Matrix[capability];
        var paths = grants.Where(g => roles.Contains(g.Role)).Select(g => g.OrganizationPath).Distinct().OrderBy(p => p.Length).ToList();
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (!result.Any(r => p.StartsWith(r, StringComparison.Ordinal))) result.Add(p);
        }
        return result;
    }

    /// <summary>Which kinds of organisation a role may be granted for.</summary>
    public static bool CanBeGrantedFor(Role role, OrganizationKind kind) => role switch
    {
        Role.CellSecretary => kind.HoldsMembers(),
        Role.GrassrootsCommittee => kind is OrganizationKind.GrassrootsCommittee or OrganizationKind.SubCommittee,
        Role.OrganizationDept or Role.InspectionCommittee or Role.StandingCommittee or Role.Admin => kind == OrganizationKind.ManagingCommittee,
        _ => false,
    };
}
