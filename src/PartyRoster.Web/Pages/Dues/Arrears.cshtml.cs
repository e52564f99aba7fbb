using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Reports;

namespace PartyRoster.Web.Pages.Dues;

/// <summary>
/// Members in arrears (nợ đảng phí) over the last twelve ended months: for a cell, the members with their
/// unpaid months; for any level above, every cell of the subtree with its totals. Set-based at any size
/// (<see cref="DuesSnapshot"/>). With <c>year</c>, the unpaid owed months of that calendar year instead (its ended
/// months, members who left during it included: the list behind the dues report), and with <c>minMonths</c> only
/// members with at least that many.
/// </summary>
[Authorize(Policy = Policies.ViewDues)]
public sealed class ArrearsModel(PartyRosterDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    /// <summary>The level above, when the user may see it too.</summary>
    public Organization? Parent { get; private set; }
    public DateOnly Today { get; private set; }
    public (DateOnly From, DateOnly To) Window { get; private set; }
    public int MemberCount { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<CellRow> CellRows { get; private set; } = [];
    /// <summary>Cells of the subtree with nobody in arrears (not listed).</summary>
    public int CellsWithoutArrears { get; private set; }
    public int InArrears { get; private set; }
    public int MonthsOwed { get; private set; }
    public long AmountOwed { get; private set; }
    /// <summary>The calendar year asked for; null for the arrears window (the last twelve ended months).</summary>
    public int? Year { get; private set; }
    /// <summary>Only members with at least this many unpaid months (null: one or more).</summary>
    public int? MinMonths { get; private set; }
    /// <summary>False when no month of the year asked for has ended yet: nothing can be unpaid.</summary>
    public bool HasMonths { get; private set; } = true;
    public IEnumerable<int> YearChoices => Enumerable.Range(0, 10).Select(i => Today.Year - i);

    /// <summary>The earliest year the filter accepts.</summary>
    public const int FirstYear = 1930;

    public sealed record MemberRow(int Id, string FullName, IReadOnlyList<DateOnly> Months, long Amount, int ThisYear);

    public sealed record CellRow(int Id, string Name, string? ParentName, int? ParentId, int Members, int InArrears, int Months, long Amount);

    public async Task<IActionResult> OnGetAsync(int? orgId, int? year, int? minMonths, CancellationToken ct)
    {
        Organization? org;
        if (orgId is { } id)
        {
            org = await access.FindOrganizationAsync(id, Capability.ViewDues, ct);
        }
        else
        {
            // The widest organisation the user may read dues of.
            var scope = await access.OrganizationsInScopeAsync(Capability.ViewDues, ct);
            org = await scope.OrderBy(o => o.Path.Length).ThenBy(o => o.Path).FirstOrDefaultAsync(ct);
        }
        if (org is null) return NotFound();
        Organization = org;
        if (org.ParentId is { } parentId) Parent = await access.FindOrganizationAsync(parentId, Capability.ViewDues, ct);
        Today = Format.Today(clock);
        Year = year is { } y && y >= FirstYear && y <= Today.Year ? y : null;
        MinMonths = minMonths is >= 1 and <= 12 ? minMonths : null;

        var inScope = await access.MembersInScopeAsync(Capability.ViewDues, org.Path, ct);
        IReadOnlyList<DuesSnapshot.MemberArrears> arrears = [];
        IReadOnlyList<DuesSnapshot.Row> counted = [];
        if (Year is { } chosen)
        {
            var months = DuesCompliance.EndedMonths(chosen, Today);
            HasMonths = months is not null;
            Window = months ?? (new DateOnly(chosen, 1, 1), new DateOnly(chosen, 1, 1));
            if (months is { } window)
            {
                var snapshot = await DuesSnapshot.LoadAsync(db, DuesCompliance.MembersOfYear(inScope, chosen), Today, window, ct);
                counted = snapshot.Members;
                arrears = snapshot.InArrears();
            }
        }
        else
        {
            var snapshot = await DuesSnapshot.LoadAsync(db, inScope.Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState)), Today, ct);
            Window = snapshot.Window;
            counted = snapshot.Members;
            arrears = snapshot.InArrears();
        }
        MemberCount = counted.Count;
        if (MinMonths is { } min) arrears = [.. arrears.Where(a => a.Months.Count >= min)];
        InArrears = arrears.Count;
        MonthsOwed = arrears.Sum(a => a.Months.Count);
        AmountOwed = arrears.Sum(a => a.Amount);

        if (org.Kind.HoldsMembers())
        {
            var ids = arrears.Select(a => a.Member.Id).ToList();
            var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.FullName, m.SortKey }).ToDictionaryAsync(m => m.Id, ct);
            Members = [.. arrears.Where(a => names.ContainsKey(a.Member.Id))
                .OrderBy(a => names[a.Member.Id].SortKey, StringComparer.Ordinal).ThenBy(a => a.Member.Id)
                .Select(a => new MemberRow(a.Member.Id, names[a.Member.Id].FullName, a.Months, a.Amount, a.Months.Count(m => m.Year == (Year ?? Today.Year))))];
        }
        else
        {
            var membersPerCell = counted.GroupBy(m => m.CellId).ToDictionary(g => g.Key, g => g.Count());
            var byCell = arrears.GroupBy(a => a.Member.CellId).ToDictionary(g => g.Key, g => g.ToList());
            var cellIds = byCell.Keys.ToList();
            var cells = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Path, o.ParentId, ParentName = o.Parent!.Name }).ToListAsync(ct);
            CellRows = [.. cells.OrderBy(c => c.Path, StringComparer.Ordinal).Select(c => new CellRow(c.Id, c.Name, c.ParentName,
                c.ParentId == org.Id ? null : c.ParentId, membersPerCell.GetValueOrDefault(c.Id), byCell[c.Id].Count,
                byCell[c.Id].Sum(a => a.Months.Count), byCell[c.Id].Sum(a => a.Amount)))];
            CellsWithoutArrears = membersPerCell.Keys.Count(id => !byCell.ContainsKey(id));
        }
        return Page();
    }
}
