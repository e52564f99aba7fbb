using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Access;

public sealed class AccessPolicyAllows
{
    private static readonly Grant SecretaryOfCell = new(Role.CellSecretary, 45, "/1/12/45/");
    private static readonly Grant DeptAtRoot = new(Role.OrganizationDept, 1, "/1/");

    [Fact]
    public void CellSecretary_ReadsMembersOfOwnCell() =>
        Assert.True(AccessPolicy.Allows([SecretaryOfCell], Capability.ViewMembers, "/1/12/45/"));

    [Fact]
    public void CellSecretary_DoesNotReadAnotherCellWhoseIdSharesThePrefixDigits() =>
        Assert.False(AccessPolicy.Allows([SecretaryOfCell], Capability.ViewMembers, "/1/12/456/"));

    [Fact]
    public void CellSecretary_DoesNotReadTheParentCommittee() =>
        Assert.False(AccessPolicy.Allows([SecretaryOfCell], Capability.ViewMembers, "/1/12/"));

    [Fact]
    public void CellSecretary_CannotEditMemberRecords() =>
        Assert.False(AccessPolicy.Allows([SecretaryOfCell], Capability.EditMembers, "/1/12/45/"));

    [Fact]
    public void OrganizationDeptAtRoot_EditsMembersAnywhereInTheSubtree() =>
        Assert.True(AccessPolicy.Allows([DeptAtRoot], Capability.EditMembers, "/1/12/45/"));

    [Fact]
    public void Admin_ManagesUsersButReadsNoMemberContent()
    {
        Grant admin = new(Role.Admin, 1, "/1/");
        Assert.True(AccessPolicy.Allows([admin], Capability.ManageUsers, "/1/"));
        Assert.False(AccessPolicy.Allows([admin], Capability.ViewMembers, "/1/12/45/"));
    }

    [Fact]
    public void InspectionCommittee_ReadsMembersAndAuditButEditsNothing()
    {
        Grant inspector = new(Role.InspectionCommittee, 1, "/1/");
        Assert.True(AccessPolicy.Allows([inspector], Capability.ViewMembers, "/1/12/45/"));
        Assert.True(AccessPolicy.Allows([inspector], Capability.ViewAudit, "/1/"));
        Assert.False(AccessPolicy.Allows([inspector], Capability.EditMembers, "/1/12/45/"));
        Assert.False(AccessPolicy.Allows([inspector], Capability.ManageOrganizations, "/1/12/"));
    }

    [Fact]
    public void NoGrants_AllowNothing() =>
        Assert.All(Enum.GetValues<Capability>(), c => Assert.False(AccessPolicy.AllowsAnywhere([], c)));

    [Fact]
    public void SeveralRolesInSeveralOrganisations_AreCombined()
    {
        Grant other = new(Role.GrassrootsCommittee, 30, "/1/30/");
        Assert.True(AccessPolicy.Allows([SecretaryOfCell, other], Capability.EditMembers, "/1/30/31/"));
        Assert.False(AccessPolicy.Allows([SecretaryOfCell, other], Capability.EditMembers, "/1/12/45/"));
    }
}

public sealed class AccessPolicyScopePaths
{
    [Fact]
    public void NestedGrants_CollapseToTheOuterSubtree()
    {
        var paths = AccessPolicy.ScopePaths(
            [new Grant(Role.CellSecretary, 45, "/1/12/45/"), new Grant(Role.GrassrootsCommittee, 12, "/1/12/"), new Grant(Role.CellSecretary, 77, "/1/70/77/")],
            Capability.ViewMembers);
        Assert.Equal(["/1/12/", "/1/70/77/"], paths);
    }

    [Fact]
    public void GrantsWithoutTheCapability_AreLeftOut() =>
        Assert.Empty(AccessPolicy.ScopePaths([new Grant(Role.Admin, 1, "/1/")], Capability.ViewMembers));
}

public sealed class AccessPolicyCanBeGrantedFor
{
    [Theory]
    [InlineData(Role.CellSecretary, OrganizationKind.Cell, true)]
    [InlineData(Role.CellSecretary, OrganizationKind.GrassrootsCell, true)]
    [InlineData(Role.CellSecretary, OrganizationKind.GrassrootsCommittee, false)]
    [InlineData(Role.GrassrootsCommittee, OrganizationKind.GrassrootsCommittee, true)]
    [InlineData(Role.GrassrootsCommittee, OrganizationKind.SubCommittee, true)]
    [InlineData(Role.GrassrootsCommittee, OrganizationKind.Cell, false)]
    [InlineData(Role.OrganizationDept, OrganizationKind.ManagingCommittee, true)]
    [InlineData(Role.OrganizationDept, OrganizationKind.Cell, false)]
    [InlineData(Role.InspectionCommittee, OrganizationKind.ManagingCommittee, true)]
    [InlineData(Role.StandingCommittee, OrganizationKind.GrassrootsCommittee, false)]
    [InlineData(Role.Admin, OrganizationKind.ManagingCommittee, true)]
    public void RolesFitTheirLevelOfOrganisation(Role role, OrganizationKind kind, bool expected) =>
        Assert.Equal(expected, AccessPolicy.CanBeGrantedFor(role, kind));
}
