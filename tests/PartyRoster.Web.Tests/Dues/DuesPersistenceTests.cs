using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Dues;

/// <summary>The set-based dues reads and the one-payment-per-month rule, on both databases.</summary>
public sealed class DuesPersistenceTests
{
    private static readonly DateOnly Today = Format.Today(TimeProvider.System);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Snapshot_ReadsPaidMonthsOfTheWindow_AndFindsTheUnpaidOnes(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var members = world.MembersByCell[world.CellA1.Id];
        var (from, to) = DuesLedger.ArrearsWindow(Today);
        DateOnly[] skipped = [from, from.AddMonths(5), to];
        await factory.WithDbAsync(async db =>
        {
            foreach (var m in members)
            {
                var dues = new DuesMember(m.Id, m.AdmissionDecisionDate, true);
                var basis = new DuesBasis(dues, new DuesBasisTerms(from.AddMonths(-3), DuesBasisKind.Student), DuesRateBook.Default, Today);
                db.DuesBases.Add(basis);
                // The first member skips three months of the window; the others pay every month, and ahead.
                foreach (var month in DuesCalendar.Range(from.AddMonths(-3), DuesCalendar.Of(Today).AddMonths(1)))
                {
                    if (m == members[0] && skipped.Contains(month)) continue;
                    db.DuesPayments.Add(new DuesPayment(dues, world.CellA1.Id, [basis], month, 5_000, Today, null, DuesRateBook.Default, Today));
                }
            }
            await db.SaveChangesAsync();
        });

        var snapshot = await factory.WithDbAsync(db =>
            DuesSnapshot.LoadAsync(db, db.Members.Where(m => m.OrganizationId == world.CellA1.Id), Today, CancellationToken.None));
        Assert.Equal(members.Count, snapshot.Members.Count);
        var arrears = Assert.Single(snapshot.InArrears());
        Assert.Equal(members[0].Id, arrears.Member.Id);
        Assert.Equal(skipped, arrears.Months);
        Assert.Equal(skipped.Sum(m => DuesLedger.Due(arrears.Member.Dues, snapshot.BasesOf(members[0].Id), m).Amount), arrears.Amount);

        // A second payment for a month already paid is refused by the database itself.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            var m = members[1];
            var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == m.Id).ToListAsync();
            db.DuesPayments.Add(new DuesPayment(new DuesMember(m.Id, m.AdmissionDecisionDate, true), world.CellA1.Id, bases, to, 5_000, Today, null, DuesRateBook.Default, Today));
            await db.SaveChangesAsync();
        }));
    }
}
