using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Signals;
using PartyRoster.Web.Data.Seed;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Seed;

namespace PartyRoster.Web.Tests.Signals;

/// <summary>
/// The demo shows signals (issue #4 point 8): one evaluation of the seeded books raises absences, unpaid dues,
/// two years "không hoàn thành nhiệm vụ" and late transfer letters, and each demo secretary finds some in their cell.
/// </summary>
public sealed class DemoSignalsTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    private static readonly DateOnly Today = Format.Today(TimeProvider.System);

    [Fact]
    public async Task EvaluatingTheDemo_RaisesEveryKindOfSignal_InEachDemoSecretarysCell()
    {
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<SignalEvaluation>().EvaluateAsync(null, "Toàn bộ", null, CancellationToken.None);
            Assert.True(run.MembersChecked > 500, $"{run.MembersChecked} members checked");
            Assert.Equal(run.Raised, run.OpenAfter);
        }
        var (kinds, cells) = await fx.Factory.WithDbAsync(async db =>
        {
            var open = db.Signals.AsNoTracking().Where(s => s.ResolvedOn == null);
            return (await open.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count),
                await open.Select(s => s.CellId).Distinct().ToListAsync());
        });

        Assert.InRange(kinds.GetValueOrDefault(SignalKind.MissedMeetings), 5, 200);
        Assert.InRange(kinds.GetValueOrDefault(SignalKind.NotCompletedTwoYears), 1, 100);
        Assert.InRange(kinds.GetValueOrDefault(SignalKind.TransferPapersLate), 3, 50);
        // Before April fewer than three months of the year have ended; last year's unpaid months are not seeded.
        if (Today.Month >= 4) Assert.InRange(kinds.GetValueOrDefault(SignalKind.UnpaidDues), 10, 60);

        var codes = DemoSeeder.Accounts.Where(a => a.Role == Role.CellSecretary).Select(a => a.OrganizationCode).ToList();
        var demoCells = await fx.Factory.WithDbAsync(db => db.Organizations.Where(o => codes.Contains(o.Code!)).Select(o => o.Id).ToListAsync());
        Assert.NotEmpty(demoCells);
        Assert.All(demoCells, cell => Assert.Contains(cell, cells));
    }
}
