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
    /// <summary>Record dues bases and payments of a cell (đảng phí).</summary>
    RecordDues,
    /// <summary>Read dues, arrears and collection sheets.</summary>
    ViewDues,
    /// <summary>Record the cell's annual ratings of its members (đánh giá, xếp loại).</summary>
    RecordRatings,
    /// <summary>Read annual ratings and their distribution.</summary>
    ViewRatings,
    /// <summary>Grant and end exemptions from activities by cell resolution (miễn công tác và sinh hoạt).</summary>
    RecordExemptions,
    /// <summary>Issue and receive transfer letters (chuyển sinh hoạt đảng).</summary>
    ManageTransfers,
    /// <summary>Read transfers and the late-papers list.</summary>
    ViewTransfers,
    /// <summary>Open and close inspections and complaints about a member (they block official transfers).</summary>
    RecordInspections,
    /// <summary>Read the signals raised for review and run the evaluation on demand.</summary>
    ViewSignals,
    /// <summary>Import member records from a spreadsheet.</summary>
    ImportMembers,
    /// <summary>Read statistics reports and dashboards of a subtree.</summary>
    ViewReports,
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
