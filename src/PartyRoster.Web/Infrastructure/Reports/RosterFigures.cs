using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Reports;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// Counts of the roll over a subtree, each read with one grouped query (by year and organisation) so that a
/// province of 200,000 members returns a few hundred rows, never the members themselves. Reports and the home
/// dashboard both read them, so a figure on the dashboard and the same figure in a report agree.
/// </summary>
public static class RosterFigures
{
    public sealed record OnRollCount(int OrganizationId, Standing Standing, RollState State, int Count);

    public sealed record YearCount(int Year, int OrganizationId, int Count);

    public sealed record RemovalCount(int Year, int OrganizationId, RemovalReason Reason, int Count);

    /// <summary>Members on the roll now, by organisation, standing and roll state.</summary>
    public static Task<List<OnRollCount>> OnRollAsync(PartyRosterDbContext db, ReportScope scope, CancellationToken ct)
    {
        var onRoll = MemberEnumNames.OnRollStates;
        return scope.Members(db).Where(m => onRoll.Contains(m.RollState))
            .GroupBy(m => new { m.OrganizationId, m.Standing, m.RollState })
            .Select(g => new OnRollCount(g.Key.OrganizationId, g.Key.Standing, g.Key.RollState, g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>Admission decisions (kết nạp) per year, by the member's current organisation.</summary>
    public static Task<List<YearCount>> AdmissionsAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct) =>
        scope.Members(db).Where(m => m.AdmissionDecisionDate >= from && m.AdmissionDecisionDate <= to)
            .GroupBy(m => new { m.AdmissionDecisionDate.Year, m.OrganizationId })
            .Select(g => new YearCount(g.Key.Year, g.Key.OrganizationId, g.Count()))
            .ToListAsync(ct);

    /// <summary>Members recognised as official (công nhận chính thức) per year.</summary>
    public static Task<List<YearCount>> RecognisedAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct) =>
        scope.Members(db).Where(m => m.OfficialDate >= from && m.OfficialDate <= to)
            .GroupBy(m => new { m.OfficialDate!.Value.Year, m.OrganizationId })
            .Select(g => new YearCount(g.Key.Year, g.Key.OrganizationId, g.Count()))
            .ToListAsync(ct);

    /// <summary>Deaths (từ trần) per year.</summary>
    public static Task<List<YearCount>> DeathsAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct) =>
        LeftIn(scope.Members(db), [RollState.Deceased], from, to)
            .GroupBy(m => new { m.LeftOn!.Value.Year, m.OrganizationId })
            .Select(g => new YearCount(g.Key.Year, g.Key.OrganizationId, g.Count()))
            .ToListAsync(ct);

    /// <summary>
    /// Members taken out of the party per year and organisation, by reason (ADR-012): the member's roll state and
    /// leaving date are the record; a removal counts as a transfer violation when the decision that removed the member
    /// rests on <see cref="DirectRemovalGround.TransferViolation"/>.
    /// </summary>
    public static async Task<List<RemovalCount>> RemovalsAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var left = await LeftIn(scope.Members(db), ReportCategories.RemovalStates, from, to)
            .GroupBy(m => new { m.LeftOn!.Value.Year, m.OrganizationId, m.RollState })
            .Select(g => new { g.Key.Year, g.Key.OrganizationId, g.Key.RollState, Count = g.Count() })
            .ToListAsync(ct);
        var transfer = await TransferRemovalsIn(db, scope, from, to)
            .GroupBy(m => new { m.LeftOn!.Value.Year, m.OrganizationId })
            .Select(g => new { g.Key.Year, g.Key.OrganizationId, Count = g.Count() })
            .ToListAsync(ct);

        var result = new List<RemovalCount>();
        foreach (var g in left)
        {
            if (g.RollState == RollState.RemovedFromRoll)
            {
                var forTransfer = transfer.Where(t => t.Year == g.Year && t.OrganizationId == g.OrganizationId).Sum(t => t.Count);
                result.Add(new RemovalCount(g.Year, g.OrganizationId, RemovalReason.TransferViolation, forTransfer));
                result.Add(new RemovalCount(g.Year, g.OrganizationId, RemovalReason.CharterViolation, g.Count - forTransfer));
            }
            else
            {
                result.Add(new RemovalCount(g.Year, g.OrganizationId, ReportCategories.ReasonFor(g.RollState, false)!.Value, g.Count));
            }
        }
        result.RemoveAll(r => r.Count == 0);
        return result;
    }

    /// <summary>Members taken out of the party in the period with no decided case in the system (recorded directly), by roll state.</summary>
    public static async Task<Dictionary<RollState, int>> RemovalsWithoutCaseAsync(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var decided = db.ScreeningCases.Where(c => c.DecidedStatus != null || c.Status == ScreeningStatus.Withdrew).Select(c => c.MemberId);
        return await LeftIn(scope.Members(db), ReportCategories.RemovalStates, from, to)
            .Where(m => !decided.Contains(m.Id))
            .GroupBy(m => m.RollState)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>Members removed from the roll (in the subtree, in the period) by a decision grounded on the transfer rules.</summary>
    public static IQueryable<Member> TransferRemovalsIn(PartyRosterDbContext db, ReportScope scope, DateOnly from, DateOnly to)
    {
        var ids = TransferRemovalMemberIds(db);
        return LeftIn(scope.Members(db), [RollState.RemovedFromRoll], from, to).Where(m => ids.Contains(m.Id));
    }

    /// <summary>
    /// Ids of members whose removal from the roll was decided on the transfer-violation ground and not overturned.
    /// The grounds are one comma-separated text column (ScreeningCaseConfiguration), so the match is a LIKE on it:
    /// no other ground's name contains "TransferViolation".
    /// </summary>
    public static IQueryable<int> TransferRemovalMemberIds(PartyRosterDbContext db)
    {
        var pattern = "%" + nameof(DirectRemovalGround.TransferViolation) + "%";
        return db.ScreeningCases
            .FromSql($"SELECT * FROM \"ScreeningCases\" WHERE \"Grounds\" LIKE {pattern}")
            .Where(c => c.DecidedStatus == ScreeningStatus.RemovedFromRoll && c.Status != ScreeningStatus.Reinstated)
            .Select(c => c.MemberId);
    }

    /// <summary>Members in one of <paramref name="states"/> whose leaving date falls in the period.</summary>
    public static IQueryable<Member> LeftIn(IQueryable<Member> members, RollState[] states, DateOnly from, DateOnly to) =>
        members.Where(m => states.Contains(m.RollState) && m.LeftOn >= from && m.LeftOn <= to);
}
