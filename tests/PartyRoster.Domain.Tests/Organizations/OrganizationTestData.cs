using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Organizations;

/// <summary>Builds organisations as if saved: ids are set by reflection (the database does it in the app).</summary>
internal static class OrganizationTestData
{
    public static readonly DateOnly Established = new(2000, 1, 1);
    private static int _nextId = 1000;

    public static Organization Org(string name, OrganizationKind kind, Organization? parent)
    {
        var o = new Organization(name, kind, parent, Established);
        typeof(Organization).GetProperty(nameof(Organization.Id))!.SetValue(o, Interlocked.Increment(ref _nextId));
        o.AssignPath();
        return o;
    }

    /// <summary>Root → committee (→ sub-committee → cell2) → cell1; root → grassroots cell.</summary>
    public sealed class World
    {
        public Organization Root { get; } = Org("Đảng bộ phường", OrganizationKind.ManagingCommittee, null);
        public Organization Committee { get; }
        public Organization Sub { get; }
        public Organization CellUnderCommittee { get; }
        public Organization CellUnderSub { get; }
        public Organization GrassrootsCell { get; }
        public Organization OtherCommittee { get; }

        public World()
        {
            Committee = Org("Đảng bộ Trường", OrganizationKind.GrassrootsCommittee, Root);
            Sub = Org("Đảng bộ bộ phận Khối A", OrganizationKind.SubCommittee, Committee);
            CellUnderCommittee = Org("Chi bộ Toán", OrganizationKind.Cell, Committee);
            CellUnderSub = Org("Chi bộ Văn phòng", OrganizationKind.Cell, Sub);
            GrassrootsCell = Org("Chi bộ Khu phố 3", OrganizationKind.GrassrootsCell, Root);
            OtherCommittee = Org("Đảng bộ Công ty", OrganizationKind.GrassrootsCommittee, Root);
        }

        public IEnumerable<Organization> All => [Root, Committee, Sub, CellUnderCommittee, CellUnderSub, GrassrootsCell, OtherCommittee];

        public OrganizationTree Tree() => OrganizationTree.Build(All.Select(Row));
    }

    public static OrganizationRow Row(Organization o) => new(o.Id, o.ParentId, o.Kind, o.Name, o.Status);

}
