using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;
using PartyRoster.Web.Tests.Infrastructure;
using static PartyRoster.Web.Tests.ImportExport.ImportKit;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>The import's bulk writes and audit entries, and the export's streamed query, on PostgreSQL too.</summary>
public sealed class ImportExportPostgresTests
{
    [Fact]
    public async Task ImportThenExport_OnPostgres()
    {
        using var factory = new PartyRosterFactory(TestDatabase.Postgres);
        var world = await TestWorld.CreateAsync(factory);
        var client = factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, world.Emails["dept"], TestWorld.Password);
        var rows = Enumerable.Range(0, 3).Select(i => Person($"Kiều Thị Phương {(char)('A' + i)}", 900 + i, world.CellB1.Name, female: true)).ToList();

        var (previewUrl, preview) = await PreviewAsync(client, Csv(rows), "pg.csv");
        Assert.Equal(3, Count(preview, "count-new"));
        var status = await WaitAsync(client, await CommitAsync(client, previewUrl, preview));

        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        var citizenIds = rows.Select(r => (string)r["Số CCCD"]!).ToList();
        Assert.Equal(3, await factory.WithDbAsync(db => db.Members.CountAsync(m => citizenIds.Contains(m.CitizenId!) && m.OrganizationId == world.CellB1.Id)));
        Assert.True((await factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync())).IsIntact);

        var csv = await client.GetByteArrayAsync($"/Members?handler=Export&format=csv&OrganizationId={world.CellB1.Id}");
        var exported = CsvTable.Read(new MemoryStream(csv)).Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(5 + 3, exported.Count);
        Assert.Contains("Kiều Thị Phương A", exported);
    }
}
