using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data.Seed;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Seed;

namespace PartyRoster.Web.Tests.Dues;

/// <summary>The demo dues: a basis for everyone on the roll, a year of payments, and a handful of members for the yearly signal.</summary>
public sealed class DemoDuesTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    private static readonly DateOnly Today = Format.Today(TimeProvider.System);

    [Fact]
    public async Task EveryMemberOnTheRoll_HasABasis_AndMostPaidTheYear()
    {
        var (onRoll, withoutBasis, payments, late, ahead, kinds) = await fx.Factory.WithDbAsync(async db =>
        {
            var roll = db.Members.Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState));
            return (await roll.CountAsync(),
                await roll.CountAsync(m => !db.DuesBases.Any(b => b.MemberId == m.Id)),
                await db.DuesPayments.CountAsync(),
                (await db.DuesPayments.AsNoTracking().Select(p => new { p.DuesMonth, p.PaidOn }).ToListAsync()).Count(p => DuesPayment.IsLatePayment(p.DuesMonth, p.PaidOn)),
                await db.DuesPayments.CountAsync(p => p.PaidOn < p.DuesMonth),
                await db.DuesBases.Select(b => b.Kind).Distinct().CountAsync());
        });
        Assert.Equal(0, withoutBasis);
        Assert.InRange(payments, onRoll * 10, onRoll * 14);
        Assert.True(late > 0 && ahead > 0, $"late {late}, ahead {ahead}");
        Assert.Equal(Enum.GetValues<DuesBasisKind>().Length, kinds);
    }

    [Fact]
    public async Task AHandfulOfMembers_HaveThreeOrMoreUnpaidMonthsThisYear_IncludingInTheDemoSecretariesCells()
    {
        var snapshot = await fx.Factory.WithDbAsync(db => DuesSnapshot.LoadAsync(db,
            db.Members.Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState)), Today, CancellationToken.None));
        var arrears = snapshot.InArrears();
        var signal = arrears.Where(a => a.Months.Count(m => m.Year == Today.Year) >= 3).ToList();
        var members = snapshot.Members.Count;
        Assert.InRange(arrears.Count, members / 50, members / 8);
        // Before April fewer than three months of the year have ended.
        if (Today.Month < 4) return;
        Assert.InRange(signal.Count, 10, 30);
        var codes = DemoSeeder.Accounts.Where(a => a.Role == Role.CellSecretary).Select(a => a.OrganizationCode).ToList();
        var demoCells = await fx.Factory.WithDbAsync(db => db.Organizations.Where(o => codes.Contains(o.Code!)).Select(o => o.Id).ToListAsync());
        Assert.NotEmpty(demoCells);
        Assert.All(demoCells, cell => Assert.Contains(signal, a => a.Member.CellId == cell));
    }
}
