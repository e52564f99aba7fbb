using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Ratings;

/// <summary>
/// The members of a cell for one year's rating: who is to be rated, and who is left out and why
/// (<see cref="RatingEligibility"/> at the year's reference date, plus members another cell already rated that year).
/// </summary>
public static class RatingRoster
{
    public sealed record Candidate(int Id, string FullName, Standing Standing);

    public sealed record LeftOut(int Id, string FullName, string Reason);

    public sealed record Result(IReadOnlyList<Candidate> ToRate, IReadOnlyList<LeftOut> LeftOut);

    public static async Task<Result> LoadAsync(PartyRosterDbContext db, int cellId, int year, RatingRuleSet rules, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == cellId && MemberEnumNames.OnRollStates.Contains(m.RollState))
            .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FullName, m.Standing, m.RollState, m.AdmissionCeremonyDate })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();

        var exemptions = (await db.Exemptions.AsNoTracking().Where(e => ids.Contains(e.MemberId))
                .Select(e => new { e.MemberId, e.StartsOn, e.ReturnedOn, e.ResolutionNumber }).ToListAsync(ct))
            .ToLookup(e => e.MemberId);
        var suspensions = (await db.MemberProceedings.AsNoTracking()
                .Where(p => ids.Contains(p.MemberId) && p.Kind == ProceedingKind.Suspension)
                .Select(p => new { p.MemberId, p.OpenedOn, p.ClosedOn, p.Reference }).ToListAsync(ct))
            .ToLookup(p => p.MemberId);
        var elsewhere = await db.AnnualRatings.AsNoTracking()
            .Where(r => ids.Contains(r.MemberId) && r.Year == year && r.CellId != cellId)
            .Join(db.Organizations, r => r.CellId, o => o.Id, (r, o) => new { r.MemberId, o.Name })
            .ToDictionaryAsync(x => x.MemberId, x => x.Name, ct);

        var reference = RatingRuleBook.ReferenceDate(year);
        var toRate = new List<Candidate>();
        var leftOut = new List<LeftOut>();
        foreach (var m in members)
        {
            var candidate = new RatingCandidate(m.RollState, m.AdmissionCeremonyDate,
                [.. exemptions[m.Id].Select(e => new DatePeriod(e.StartsOn, e.ReturnedOn))],
                [.. suspensions[m.Id].Select(s => new DatePeriod(s.OpenedOn, s.ClosedOn))]);
            var reason = RatingEligibility.Check(candidate, reference, rules);
            if (reason is null && elsewhere.TryGetValue(m.Id, out var otherCell))
            {
                leftOut.Add(new LeftOut(m.Id, m.FullName, $"Đã được {otherCell} đánh giá, xếp loại năm {year}"));
                continue;
            }
            if (reason is null)
            {
                toRate.Add(new Candidate(m.Id, m.FullName, m.Standing));
                continue;
            }
            var detail = reason switch
            {
                NotRatedReason.Exempt => exemptions[m.Id].FirstOrDefault(e => new DatePeriod(e.StartsOn, e.ReturnedOn).Covers(reference)) is { } e
                    ? $"từ ngày {Format.Date(e.StartsOn)}, nghị quyết số {e.ResolutionNumber}"
                    : "chưa ghi nghị quyết miễn",
                NotRatedReason.Suspended => suspensions[m.Id].FirstOrDefault(s => new DatePeriod(s.OpenedOn, s.ClosedOn).Covers(reference)) is { } s
                    ? $"từ ngày {Format.Date(s.OpenedOn)}, văn bản số {s.Reference}"
                    : null,
                NotRatedReason.RecentlyAdmitted =>
                    $"lễ kết nạp ngày {Format.Date(m.AdmissionCeremonyDate)}, chưa đủ {rules.MinimumMonthsSinceAdmission.Value} tháng đến ngày {Format.Date(reference)}",
                _ => null,
            };
            leftOut.Add(new LeftOut(m.Id, m.FullName, detail is null ? reason.Value.DisplayName() : $"{reason.Value.DisplayName()} ({detail})"));
        }
        return new Result(toRate, leftOut);
    }
}
