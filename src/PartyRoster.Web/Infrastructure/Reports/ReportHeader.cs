using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// The printed heading and signature block of a report or register (Shared/_ReportHeader, Shared/_ReportSignatures):
/// the committee, the title, the period, the date printed, and who signs for the committee.
/// </summary>
public sealed record ReportHeader(string Organization, string Title, string? Period, DateOnly Printed, string SignsFor)
{
    /// <summary>"T/M BAN THƯỜNG VỤ" for the managing committee, "T/M ĐẢNG ỦY" for a đảng bộ, "T/M CHI BỘ" for a cell.</summary>
    public static string SignerFor(IReadOnlyList<OrganizationDirectory.Entry> roots) =>
        roots.Count != 1 ? "T/M CẤP ỦY" : roots[0].Kind switch
        {
            OrganizationKind.ManagingCommittee => "T/M BAN THƯỜNG VỤ",
            OrganizationKind.GrassrootsCommittee or OrganizationKind.SubCommittee => "T/M ĐẢNG ỦY",
            _ => "T/M CHI BỘ",
        };

    /// <summary>"Hà Nội, ngày 05 tháng 03 năm 2026" without the place, which the committee writes by hand.</summary>
    public string PrintedText => $"ngày {Printed.Day:00} tháng {Printed.Month:00} năm {Printed.Year}";
}
