namespace PartyRoster.Domain.Access;

/// <summary>The roles of domain.md §3.5, each granted for one organisation (and its subtree).</summary>
public enum Role
{
    CellSecretary = 1,
    GrassrootsCommittee = 2,
    OrganizationDept = 3,
    InspectionCommittee = 4,
    StandingCommittee = 5,
    Admin = 6,
}

/// <summary>What a user may try to do; <see cref="AccessPolicy"/> says which roles may do it.</summary>
public enum Capability
{
    ViewOrganizations = 1,
    ManageOrganizations,
    ViewMembers,
    EditMembers,
    RecordMemberLeaving,
    ViewRegisters,
    ManageUsers,
    ViewAudit,
    /// <summary>Read screening cases (rà soát, sàng lọc) in scope; the steps each role may take are the workflow's own rules.</summary>
    ViewCases,
    /// <summary>Record a cell's meetings and attendance (sinh hoạt chi bộ).</summary>
    RecordMeetings,
    /// <summary>Read a cell's meetings, attendance and meeting calendar.</summary>
    ViewMeetings,
}

public static class RoleNames
{
    public static string DisplayName(this Role role) => role switch
    {
        Role.CellSecretary => "Bí thư / chi ủy viên",
        Role.GrassrootsCommittee => "Đảng ủy cơ sở",
        Role.OrganizationDept => "Ban Tổ chức",
        Role.InspectionCommittee => "Ủy ban Kiểm tra",
        Role.StandingCommittee => "Ban Thường vụ",
        Role.Admin => "Quản trị hệ thống",
        _ => role.ToString(),
    };
}
