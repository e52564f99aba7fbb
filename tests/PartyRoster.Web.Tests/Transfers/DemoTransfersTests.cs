using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data.Seed;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;
using PartyRoster.Web.Tests.Seed;

namespace PartyRoster.Web.Tests.Transfers;

/// <summary>The demo seed's transfers and proceedings: every kind, every list filled, and the roll agreeing with the records.</summary>
public sealed class DemoTransfersTests(SeededDemoFixture fx) : IClassFixture<SeededDemoFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    private Task<List<Transfer>> TransfersAsync() => fx.Factory.WithDbAsync(db => db.Transfers.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Seed_HasAboutThirtyOfEachKindInTheLastYear_AndLettersInEveryState()
    {
        var transfers = await TransfersAsync();
        var lastYear = transfers.Where(t => t.StartedOn > Today.AddYears(-1)).ToList();

        Assert.All(Enum.GetValues<TransferKind>(), kind => Assert.InRange(lastYear.Count(t => t.Kind == kind), 25, 60));
        var letters = transfers.Where(t => t.IsAwaitingSlip).ToList();
        Assert.InRange(letters.Count(t => t.IsReportable(Today, RuleBook.Default)), 5, 8);
        Assert.InRange(letters.Count(t => t.IsPapersLate(Today) && !t.IsReportable(Today, RuleBook.Default)), 3, 8);
        Assert.Contains(letters, t => !t.IsPapersLate(Today));
        Assert.Contains(transfers, t => t.WasPresentedLate);
        Assert.Contains(transfers, t => t.Kind == TransferKind.TemporaryOut && t.IsPastPeriodEnd(Today));
        Assert.Contains(transfers, t => t.Kind == TransferKind.TemporaryIn && t.Status == TransferStatus.InProgress && !t.IsPastPeriodEnd(Today));
    }

    [Fact]
    public async Task Seed_TheRollAgreesWithTheTransfers()
    {
        var (transfers, members) = await fx.Factory.WithDbAsync(async db => (
            await db.Transfers.AsNoTracking().ToListAsync(),
            await db.Members.AsNoTracking().Select(m => new { m.Id, m.RollState, m.OrganizationId }).ToDictionaryAsync(m => m.Id)));

        // Everyone away has an open temporary transfer, and everyone transferred out has a letter from their cell.
        var away = members.Values.Where(m => m.RollState == RollState.TemporarilyAway).Select(m => m.Id).ToHashSet();
        Assert.True(away.Count >= 2);
        Assert.Equal(away, transfers.Where(t => t.Kind == TransferKind.TemporaryOut && t.Status == TransferStatus.InProgress)
            .Select(t => t.MemberId!.Value).ToHashSet());
        var transferredOut = members.Values.Where(m => m.RollState == RollState.TransferredOut).ToList();
        Assert.All(transferredOut, m => Assert.Contains(transfers, t => t.Kind == TransferKind.OfficialOut && t.MemberId == m.Id
            && t.FromCellId == m.OrganizationId && t.Status != TransferStatus.Revoked));

        // Moves and receptions put the members where the records say.
        Assert.All(transfers.Where(t => t.Kind is TransferKind.OfficialIn), t => Assert.Equal(t.ToCellId, members[t.MemberId!.Value].OrganizationId));
    }

    [Fact]
    public async Task Seed_HasOpenProceedings_OneBlockingATransferInTheDemoSecretarysCell()
    {
        var (proceedings, blockedCell) = await fx.Factory.WithDbAsync(async db =>
        {
            var list = await db.MemberProceedings.AsNoTracking().ToListAsync();
            var blocking = list.Single(p => p.IsOpen && p.Kind == ProceedingKind.Inspection);
            var cell = await db.Members.Where(m => m.Id == blocking.MemberId).Select(m => m.Organization!.Code).SingleAsync();
            return (list, cell);
        });

        Assert.True(proceedings.Count(p => p.IsOpen) >= 2);
        Assert.Contains(proceedings, p => !p.IsOpen);
        Assert.Equal("DB.01.01", blockedCell);
    }

    [Fact]
    public async Task DemoGrassrootsCommittee_FindsMembersOnItsLateList()
    {
        var account = DemoSeeder.Accounts.Single(a => a.Email == "danguy@demo.vn");
        using var client = fx.Factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, account.Email, DemoSeeder.DemoPassword);

        var report = await Forms.GetDocumentAsync(client, "/Transfers/Reportable");
        Assert.True(report.QuerySelectorAll("#reportable tbody tr").Length >= 2);
        var index = await Forms.GetDocumentAsync(client, "/Transfers");
        Assert.NotNull(index.QuerySelector("#waiting"));
    }
}
