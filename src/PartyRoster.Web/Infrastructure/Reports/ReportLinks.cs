using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>The lists behind the figures: every count on a report or the dashboard links to the rows it counts.</summary>
public static class ReportLinks
{
    /// <summary>The register of members who left, for the years and the reason (all removal reasons when null).</summary>
    public static string Left(int fromYear, int toYear, RemovalReason? reason, int? organizationId) => Url("/Registers/Left",
        ("FromYear", Text(fromYear)), ("ToYear", Text(toYear)),
        ("Reason", reason?.ToString() ?? LeftReasonFilter.AllRemovals), ("OrganizationId", Text(organizationId)));

    public static string Deceased(int year, int? organizationId) =>
        Url("/Registers/Deceased", ("Year", Text(year)), ("OrganizationId", Text(organizationId)));

    public static string Admitted(int year, int? organizationId) =>
        Url("/Registers/Admitted", ("Year", Text(year)), ("OrganizationId", Text(organizationId)));

    public static string Members(Standing? standing, RollState? state, int? organizationId) =>
        Url("/Members", ("OrganizationId", Text(organizationId)), ("Standing", standing?.ToString()), ("State", state?.ToString()));

    /// <summary>Education-track cases with the statuses behind a help-list outcome.</summary>
    public static string HelpCases(HelpOutcome outcome, int? organizationId) => Url("/Screening",
        ("Status", string.Join(",", ReportCategories.StatusesOf(outcome))), ("Track", nameof(ScreeningTrack.Education)),
        ("OrganizationId", Text(organizationId)));

    public static string MeetingStatistics(int year) => Url("/Meetings/Statistics", ("year", Text(year)));

    /// <summary>Members of an organisation with unpaid owed months in <paramref name="year"/> (at least <paramref name="minMonths"/> when given).</summary>
    public static string DuesArrears(int organizationId, int year, int? minMonths = null) => Url("/Dues/Arrears",
        ("orgId", Text(organizationId)), ("year", Text(year)), ("minMonths", Text(minMonths)));

    /// <summary>The dues report for one year (and organisation).</summary>
    public static string DuesReport(int year, int? organizationId) =>
        Url("/Reports/dues", ("Year", Text(year)), ("OrganizationId", Text(organizationId)));

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string Url(string path, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));
}

/// <summary>The reason filter of the register of members who left (Registers/Left?Reason=).</summary>
public static class LeftReasonFilter
{
    /// <summary>Removed, expelled or withdrew: everyone taken out of the party, not transfers out.</summary>
    public const string AllRemovals = "removals";
}
