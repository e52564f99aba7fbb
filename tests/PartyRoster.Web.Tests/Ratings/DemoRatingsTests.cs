using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Seed;

namespace PartyRoster.Web.Tests.Ratings;

/// <summary>The demo's exemptions and two years of ratings look like a real đảng bộ's (read-only over one seeded database).</summary>
public sealed class DemoRatingsTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    private static readonly int LastYear = Format.Today(TimeProvider.System).Year - 1;

    [Fact]
    public async Task EveryCellRatesTwoYears_WithARealisticDistribution()
    {
        var counts = await fx.Factory.WithDbAsync(db => db.AnnualRatings.GroupBy(r => new { r.Year, r.Level })
            .Select(g => new { g.Key.Year, g.Key.Level, Count = g.Count() }).ToListAsync());
        foreach (var year in new[] { LastYear - 1, LastYear })
        {
            var byLevel = counts.Where(c => c.Year == year).ToDictionary(c => c.Level, c => c.Count);
            double total = byLevel.Values.Sum();
            Assert.InRange(total, 7_000, 9_500);
            Assert.InRange(byLevel[RatingLevel.Excellent] / total, 0.10, 0.17);
            Assert.InRange(byLevel[RatingLevel.Good] / total, 0.62, 0.80);
            Assert.InRange(byLevel[RatingLevel.Completed] / total, 0.08, 0.16);
            Assert.InRange(byLevel[RatingLevel.NotCompleted] / total, 0.005, 0.03);
        }
        Assert.DoesNotContain(counts, c => c.Year > LastYear || c.Year < LastYear - 1);
    }

    [Fact]
    public async Task AFewCellsAreOverTheQuota_IncludingTheDemoSecretarysLastYear()
    {
        var sheets = await fx.Factory.WithDbAsync(db => db.RatingSheets.AsNoTracking().IgnoreAutoIncludes()
            .Join(db.Organizations, s => s.CellId, o => o.Id, (s, o) => new { s.Year, o.Code, Over = s.QuotaWarning != null }).ToListAsync());
        foreach (var year in new[] { LastYear - 1, LastYear })
        {
            var ofYear = sheets.Where(s => s.Year == year).ToList();
            Assert.InRange(ofYear.Count(s => s.Over), 2, 4);
            Assert.True(ofYear.Count > 200, $"{ofYear.Count} sheets in {year}");
        }
        Assert.Contains(sheets, s => s.Year == LastYear && s.Code == "DB.26" && s.Over);
    }

    [Fact]
    public async Task SomeMembersAreNotCompletedInBothYears()
    {
        var twice = await fx.Factory.WithDbAsync(db => db.AnnualRatings
            .Where(r => r.Level == RatingLevel.NotCompleted && (r.Year == LastYear || r.Year == LastYear - 1))
            .GroupBy(r => r.MemberId).CountAsync(g => g.Count() == 2));
        Assert.InRange(twice, 10, 20);
    }

    [Fact]
    public async Task ExemptMembersHaveTheirResolution_AndAreNotRated()
    {
        var (exempt, open, overdue, returned, ratedWhileExempt, onRoll) = await fx.Factory.WithDbAsync(async db =>
        {
            var today = Format.Today(TimeProvider.System);
            var reference = RatingRuleBook.ReferenceDate(LastYear);
            return (
                await db.Members.CountAsync(m => m.RollState == RollState.ExemptFromActivities),
                await db.Exemptions.CountAsync(e => e.ReturnedOn == null),
                await db.Exemptions.CountAsync(e => e.ReturnedOn == null && e.EndsOn < today),
                await db.Exemptions.CountAsync(e => e.ReturnedOn != null),
                await db.AnnualRatings.CountAsync(r => r.Year == LastYear && db.Exemptions.Any(e =>
                    e.MemberId == r.MemberId && e.StartsOn <= reference && (e.ReturnedOn == null || e.ReturnedOn > reference))),
                await db.Members.CountAsync(m => MemberEnumNames.OnRollStates.Contains(m.RollState)));
        });
        Assert.Equal(exempt, open);
        Assert.True(overdue > 0);
        Assert.True(returned > 0);
        Assert.Equal(0, ratedWhileExempt);
        Assert.InRange((double)exempt / onRoll, 0.005, 0.08);
    }
}
