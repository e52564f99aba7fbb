using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Audit;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Commands;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Audit;

/// <summary>Breaks the chain on purpose, so it has a world of its own (a class fixture per class).</summary>
public sealed class AuditTamperingTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    [Fact]
    public async Task TamperingWithOneEntry_IsReportedAtThatEntry_ByThePageAndTheCommand()
    {
        var command = new VerifyAuditCommand();
        Assert.Equal(0, await RunAsync(command));
        var intact = await fx.Factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync());
        Assert.True(intact.IsIntact);
        Assert.Equal(await fx.Factory.WithDbAsync(db => db.AuditEntries.LongCountAsync()), intact.Checked);

        const long tampered = 3;
        await fx.Factory.WithDbAsync(async db =>
        {
            var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
            var table = entity.GetTableName();
            var changes = entity.FindProperty(nameof(AuditEntry.Changes))!.GetColumnName();
            var sequence = entity.FindProperty(nameof(AuditEntry.Sequence))!.GetColumnName();
            // Someone with database access rewrites history behind the application's back.
#pragma warning disable EF1002 // identifiers come from the EF model, not from input
            var rows = await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{changes}\" = {{0}} WHERE \"{sequence}\" = {{1}}",
                "{\"DisplayName\":[null,\"kẻ giả mạo\"]}", tampered);
#pragma warning restore EF1002
            Assert.Equal(1, rows);
        });

        var client = await fx.ClientForAsync("admin");
        var response = await Forms.PostFormAsync(client, "/Audit", new Dictionary<string, string?>(), "form#verify-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await Forms.ParseAsync(response)).QuerySelector("#verify-result")!;
        Assert.Contains("alert-danger", result.ClassName, StringComparison.Ordinal);
        Assert.Equal(tampered.ToString(System.Globalization.CultureInfo.InvariantCulture), result.QuerySelector("#broken-sequence")!.TextContent);
        Assert.Contains("không khớp với mã băm", result.TextContent, StringComparison.Ordinal);

        var broken = await fx.Factory.WithDbAsync(db => new AuditVerifier(db).VerifyAsync());
        Assert.Equal(tampered, broken.FirstBreak!.Sequence);
        Assert.Equal(tampered - 1, broken.Checked);
        Assert.Equal(1, await RunAsync(command));
    }

    private async Task<int> RunAsync(VerifyAuditCommand command)
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await command.RunAsync(scope.ServiceProvider, new Dictionary<string, string>());
    }
}
