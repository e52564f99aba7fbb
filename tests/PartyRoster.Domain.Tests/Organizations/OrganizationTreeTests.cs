using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Organizations;

public class OrganizationTreeDirectSuperior
{
    [Fact]
    public void CellUnderSubCommittee_HasTheSubCommitteeAbove()
    {
        var w = new OrganizationTestData.World();

        Assert.Equal(w.Sub.Id, w.Tree().DirectSuperior(w.CellUnderSub.Id)?.Id);
    }

    [Fact]
    public void CellUnderGrassrootsCommittee_HasTheGrassrootsCommitteeAbove()
    {
        var w = new OrganizationTestData.World();

        Assert.Equal(w.Committee.Id, w.Tree().DirectSuperior(w.CellUnderCommittee.Id)?.Id);
    }

    [Fact]
    public void GrassrootsCell_HasTheManagingCommitteeAbove()
    {
        var w = new OrganizationTestData.World();

        Assert.Equal(w.Root.Id, w.Tree().DirectSuperior(w.GrassrootsCell.Id)?.Id);
    }

    [Fact]
    public void GrassrootsCommittee_HasTheManagingCommitteeAbove_AndSubCommitteeItsGrassrootsCommittee()
    {
        var w = new OrganizationTestData.World();
        var tree = w.Tree();

        Assert.Equal(w.Root.Id, tree.DirectSuperior(w.Committee.Id)?.Id);
        Assert.Equal(w.Committee.Id, tree.DirectSuperior(w.Sub.Id)?.Id);
        Assert.Null(tree.DirectSuperior(w.Root.Id));
    }

    [Fact]
    public void IsComputedByWalkingParents_NotByDepth()
    {
        // The managing committee need not be the top of the loaded set: put a province above it.
        var rows = new List<OrganizationRow>
        {
            new(1, null, OrganizationKind.GrassrootsCommittee, "Tỉnh (giả định)", OrganizationStatus.Active),
            new(2, 1, OrganizationKind.ManagingCommittee, "Đảng bộ xã", OrganizationStatus.Active),
            new(3, 2, OrganizationKind.GrassrootsCell, "Chi bộ thôn", OrganizationStatus.Active),
        };

        Assert.Equal(2, OrganizationTree.Build(rows).DirectSuperior(3)?.Id);
    }

    [Fact]
    public void WhenTheSuperiorIsOutsideTheLoadedSet_IsNull()
    {
        var w = new OrganizationTestData.World();
        var tree = OrganizationTree.Build([OrganizationTestData.Row(w.CellUnderSub)]);

        Assert.Null(tree.DirectSuperior(w.CellUnderSub.Id));
        Assert.Equal([w.CellUnderSub.Id], tree.Roots.Select(r => r.Id));
    }
}

public class OrganizationTreeStructure
{
    [Fact]
    public void Build_NestsChildrenUnderParents_CommitteesBeforeCells()
    {
        var w = new OrganizationTestData.World();
        var tree = w.Tree();

        var root = Assert.Single(tree.Roots);
        Assert.Equal(w.Root.Id, root.Id);
        // Committees first, then by Vietnamese name ("Công ty" before "Trường"), cells last.
        Assert.Equal([w.OtherCommittee.Id, w.Committee.Id, w.GrassrootsCell.Id], root.Children.Select(c => c.Id));
        Assert.Equal([w.Sub.Id, w.CellUnderCommittee.Id], tree.Find(w.Committee.Id)!.Children.Select(c => c.Id));
    }

    [Fact]
    public void GrassrootsOf_FindsTheTccsdContainingIt()
    {
        var w = new OrganizationTestData.World();
        var tree = w.Tree();

        Assert.Equal(w.Committee.Id, tree.GrassrootsOf(w.CellUnderSub.Id)?.Id);
        Assert.Equal(w.Committee.Id, tree.GrassrootsOf(w.CellUnderCommittee.Id)?.Id);
        Assert.Equal(w.Committee.Id, tree.GrassrootsOf(w.Committee.Id)?.Id);
        Assert.Equal(w.GrassrootsCell.Id, tree.GrassrootsOf(w.GrassrootsCell.Id)?.Id);
        Assert.Null(tree.GrassrootsOf(w.Root.Id));
    }

    [Fact]
    public void Ancestors_AreListedFromTheTopDown()
    {
        var w = new OrganizationTestData.World();

        Assert.Equal([w.Root.Id, w.Committee.Id, w.Sub.Id], w.Tree().Ancestors(w.CellUnderSub.Id).Select(a => a.Id));
    }

    [Fact]
    public void SubtreeTotals_SumMembersOfCellsUpTheTree()
    {
        var w = new OrganizationTestData.World();
        var own = new Dictionary<int, int> { [w.CellUnderSub.Id] = 4, [w.CellUnderCommittee.Id] = 10, [w.GrassrootsCell.Id] = 7 };

        var totals = w.Tree().SubtreeTotals(own);

        Assert.Equal(4, totals[w.Sub.Id]);
        Assert.Equal(14, totals[w.Committee.Id]);
        Assert.Equal(21, totals[w.Root.Id]);
        Assert.Equal(0, totals[w.OtherCommittee.Id]);
    }

    [Fact]
    public void CountByKind_CountsActiveOrganisations()
    {
        var w = new OrganizationTestData.World();

        var counts = w.Tree().CountByKind();

        Assert.Equal(2, counts[OrganizationKind.GrassrootsCommittee]);
        Assert.Equal(2, counts[OrganizationKind.Cell]);
    }

    [Fact]
    public void Build_CutsCycles()
    {
        var rows = new List<OrganizationRow>
        {
            new(1, 2, OrganizationKind.GrassrootsCommittee, "A", OrganizationStatus.Active),
            new(2, 1, OrganizationKind.SubCommittee, "B", OrganizationStatus.Active),
        };

        var tree = OrganizationTree.Build(rows);

        Assert.Equal(2, tree.All().Count());
    }

    [Theory]
    [InlineData("/1/12/45/", new[] { 1, 12, 45 })]
    [InlineData("/7/", new[] { 7 })]
    [InlineData("", new int[0])]
    public void PathIds_ParsesMaterialisedPath(string path, int[] expected)
    {
        Assert.Equal(expected, OrganizationTree.PathIds(path));
    }

    [Theory]
    [InlineData(8, "chỉ có bí thư")]
    [InlineData(9, "có chi ủy")]
    public void CellComposition_LeadershipNoteFollowsOfficialCount(int official, string expected)
    {
        Assert.Contains(expected, CellComposition.LeadershipNote(official), StringComparison.Ordinal);
    }

    [Fact]
    public void CellComposition_WarnsOnlyForSmallChiBoTrucThuoc()
    {
        Assert.NotNull(CellComposition.SizeWarning(OrganizationKind.Cell, 2));
        Assert.Null(CellComposition.SizeWarning(OrganizationKind.Cell, 3));
        Assert.Null(CellComposition.SizeWarning(OrganizationKind.GrassrootsCell, 2));
    }
}
