using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>Whether a report covers a range of years or one year.</summary>
public enum ReportPeriodKind
{
    Years,
    SingleYear,
    /// <summary>A picture of the roll on the day it is printed.</summary>
    Today,
}

/// <summary>What a report is computed for: the subtree, the years, today, and the database.</summary>
public sealed record ReportContext(PartyRosterDbContext Db, ReportScope Scope, int FromYear, int ToYear, DateOnly Today)
{
    public DateOnly From => new(FromYear, 1, 1);

    public DateOnly To => new(ToYear, 12, 31);

    public IEnumerable<int> Years => Enumerable.Range(FromYear, ToYear - FromYear + 1);

    /// <summary>Rows of a per-year table: the year, its row key and its label.</summary>
    public IEnumerable<(int Key, string RowKey, string Label)> YearRows =>
        Years.Select(y => (y, CountTable.Key(y), CountTable.Key(y)));

    /// <summary>Rows of a per-organisation table: the unit's id, its row key and its name.</summary>
    public IEnumerable<(int Key, string RowKey, string Label)> UnitRows =>
        Scope.Units.Select(u => (u.Id, CountTable.Key(u.Id), u.Name));

    /// <summary>"năm 2025" or "từ năm 2019 đến năm 2023".</summary>
    public string PeriodText => FromYear == ToYear ? $"Năm {ToYear}" : $"Từ năm {FromYear} đến năm {ToYear}";
}

/// <summary>
/// One statistics report under /Reports/{Key}. A new record type adds its report by adding one class that
/// implements this interface: it is registered in DI by reflection (ServiceRegistration), listed on /Reports,
/// shown (with the <see cref="PartyRoster.Domain.Access.Capability.ViewReports"/> scope), printed and exported to .xlsx by the same page, partial and workbook writer.
/// </summary>
public interface IReport
{
    /// <summary>The URL segment: lower-case ASCII, e.g. "removals".</summary>
    string Key { get; }

    string Title { get; }

    string Description { get; }

    /// <summary>Position on the index page.</summary>
    int Order { get; }

    ReportPeriodKind Period { get; }

    Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext ctx, CancellationToken ct);
}
