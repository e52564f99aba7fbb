namespace PartyRoster.Domain.Organizations;

/// <summary>Kinds of party organisation (domain.md §1). Stored as strings.</summary>
public enum OrganizationKind
{
    /// <summary>Đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng (formerly huyện/quận).</summary>
    ManagingCommittee = 1,
    /// <summary>Đảng bộ cơ sở.</summary>
    GrassrootsCommittee = 2,
    /// <summary>Chi bộ cơ sở.</summary>
    GrassrootsCell = 3,
    /// <summary>Đảng bộ bộ phận.</summary>
    SubCommittee = 4,
    /// <summary>Chi bộ trực thuộc.</summary>
    Cell = 5,
}

public enum OrganizationStatus
{
    Active = 1,
    Dissolved = 2,
    Merged = 3,
}

public static class OrganizationKindExtensions
{
    public static string DisplayName(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.ManagingCommittee => "Đảng bộ cấp trên trực tiếp",
        OrganizationKind.GrassrootsCommittee => "Đảng bộ cơ sở",
        OrganizationKind.GrassrootsCell => "Chi bộ cơ sở",
        OrganizationKind.SubCommittee => "Đảng bộ bộ phận",
        OrganizationKind.Cell => "Chi bộ trực thuộc",
        _ => kind.ToString(),
    };

    /// <summary>A tổ chức cơ sở đảng (TCCSĐ): the organisations directly under the managing committee.</summary>
    public static bool IsGrassroots(this OrganizationKind kind) =>
        kind is OrganizationKind.GrassrootsCommittee or OrganizationKind.GrassrootsCell;

    /// <summary>Members are kept in cells: a chi bộ trực thuộc or a chi bộ cơ sở.</summary>
    public static bool HoldsMembers(this OrganizationKind kind) =>
        kind is OrganizationKind.Cell or OrganizationKind.GrassrootsCell;

    public static string DisplayName(this OrganizationStatus status) => status switch
    {
        OrganizationStatus.Active => "Đang hoạt động",
        OrganizationStatus.Dissolved => "Đã giải thể",
        OrganizationStatus.Merged => "Đã hợp nhất",
        _ => status.ToString(),
    };
}
