using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Tests.Screening;

/// <summary>The level rules of domain.md §3.5 that the transition table's roles alone do not express.</summary>
public sealed class ScreeningAccessLevelTests
{
    // /1/ managing committee; /1/2/ đảng bộ cơ sở; /1/2/3/ its chi bộ trực thuộc; /1/9/ a chi bộ cơ sở.
    private static readonly ScreeningAccess.CaseCell Cell = new(3, "Chi bộ trực thuộc", "/1/2/3/", OrganizationKind.Cell);
    private static readonly ScreeningAccess.CaseCell GrassrootsCell = new(9, "Chi bộ cơ sở", "/1/9/", OrganizationKind.GrassrootsCell);

    [Theory]
    [InlineData(Role.CellSecretary, 3, "/1/2/3/", ScreeningAction.RecordListBallot, true)]
    [InlineData(Role.CellSecretary, 4, "/1/2/4/", ScreeningAction.RecordListBallot, false)]
    [InlineData(Role.CellSecretary, 3, "/1/2/3/", ScreeningAction.Forward, false)]
    [InlineData(Role.GrassrootsCommittee, 2, "/1/2/", ScreeningAction.Direct, true)]
    [InlineData(Role.GrassrootsCommittee, 2, "/1/2/", ScreeningAction.Forward, true)]
    [InlineData(Role.GrassrootsCommittee, 5, "/1/5/", ScreeningAction.Direct, false)]
    [InlineData(Role.OrganizationDept, 1, "/1/", ScreeningAction.Direct, false)]
    [InlineData(Role.OrganizationDept, 1, "/1/", ScreeningAction.Advise, true)]
    [InlineData(Role.InspectionCommittee, 1, "/1/", ScreeningAction.RecordVerification, true)]
    [InlineData(Role.Admin, 1, "/1/", ScreeningAction.Withdraw, false)]
    public void OnAChiBoTrucThuoc(Role role, int orgId, string path, ScreeningAction action, bool allowed) =>
        Assert.Equal(allowed, ScreeningAccess.LevelAllows(new Grant(role, orgId, path), action, Cell));

    [Theory]
    [InlineData(Role.CellSecretary, 9, "/1/9/", ScreeningAction.Forward, true)]
    [InlineData(Role.OrganizationDept, 1, "/1/", ScreeningAction.Direct, true)]
    [InlineData(Role.OrganizationDept, 1, "/1/", ScreeningAction.ResolveEscalation, true)]
    [InlineData(Role.GrassrootsCommittee, 2, "/1/2/", ScreeningAction.Direct, false)]
    public void OnAChiBoCoSo(Role role, int orgId, string path, ScreeningAction action, bool allowed) =>
        Assert.Equal(allowed, ScreeningAccess.LevelAllows(new Grant(role, orgId, path), action, GrassrootsCell));
}
