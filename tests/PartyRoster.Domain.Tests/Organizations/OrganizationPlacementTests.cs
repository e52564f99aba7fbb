using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Organizations;

public class OrganizationPlacementTests
{
    private const OrganizationKind Managing = OrganizationKind.ManagingCommittee;
    private const OrganizationKind Grassroots = OrganizationKind.GrassrootsCommittee;
    private const OrganizationKind GrassrootsCell = OrganizationKind.GrassrootsCell;
    private const OrganizationKind Sub = OrganizationKind.SubCommittee;
    private const OrganizationKind Cell = OrganizationKind.Cell;

    /// <summary>Every kind under every possible parent (null = no parent): allowed or refused.</summary>
    public static TheoryData<OrganizationKind, OrganizationKind?, bool> Placements => new()
    {
        { Managing, null, true },
        { Managing, Managing, false },
        { Managing, Grassroots, false },
        { Managing, GrassrootsCell, false },
        { Managing, Sub, false },
        { Managing, Cell, false },

        { Grassroots, null, false },
        { Grassroots, Managing, true },
        { Grassroots, Grassroots, false },
        { Grassroots, GrassrootsCell, false },
        { Grassroots, Sub, false },
        { Grassroots, Cell, false },

        { GrassrootsCell, null, false },
        { GrassrootsCell, Managing, true },
        { GrassrootsCell, Grassroots, false },
        { GrassrootsCell, GrassrootsCell, false },
        { GrassrootsCell, Sub, false },
        { GrassrootsCell, Cell, false },

        { Sub, null, false },
        { Sub, Managing, false },
        { Sub, Grassroots, true },
        { Sub, GrassrootsCell, false },
        { Sub, Sub, false },
        { Sub, Cell, false },

        { Cell, null, false },
        { Cell, Managing, false },
        { Cell, Grassroots, true },
        { Cell, GrassrootsCell, false },
        { Cell, Sub, true },
        { Cell, Cell, false },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Check_AllowsOnlyThePlacementsOfTheCharter(OrganizationKind kind, OrganizationKind? parent, bool allowed)
    {
        var error = OrganizationPlacement.Check(kind, parent);

        if (allowed)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Contains(kind.DisplayName(), error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Placements_CoverEveryPairOfKinds()
    {
        var kinds = Enum.GetValues<OrganizationKind>();
        var covered = Placements.Select(row => ((OrganizationKind)row[0], (OrganizationKind?)row[1])).ToHashSet();

        foreach (var kind in kinds)
        {
            Assert.Contains((kind, (OrganizationKind?)null), covered);
            foreach (var parent in kinds) Assert.Contains((kind, (OrganizationKind?)parent), covered);
        }
    }

    [Fact]
    public void Constructor_WithCellUnderCell_ThrowsVietnameseMessage()
    {
        var w = new OrganizationTestData.World();

        var ex = Assert.Throws<DomainException>(() =>
            new Organization("Chi bộ con", OrganizationKind.Cell, w.CellUnderCommittee, OrganizationTestData.Established));

        Assert.Contains("Không thể đặt chi bộ trực thuộc trực thuộc chi bộ trực thuộc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnderDissolvedParent_Throws()
    {
        var w = new OrganizationTestData.World();
        w.CellUnderSub.Dissolve(new DateOnly(2020, 1, 1), "Sáp nhập", 0, 0);
        w.Sub.Dissolve(new DateOnly(2020, 1, 1), "Sáp nhập", 0, 0);

        var ex = Assert.Throws<DomainException>(() =>
            new Organization("Chi bộ mới", OrganizationKind.Cell, w.Sub, OrganizationTestData.Established));

        Assert.Contains("đã ngừng hoạt động", ex.Message, StringComparison.Ordinal);
    }
}
