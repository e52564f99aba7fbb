using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Commands;

/// <summary>
/// <c>verify-audit</c>: re-computes the audit hash chain. Exit code 0 when intact, 1 when an entry
/// was altered or removed (the first broken entry is printed), so a cron job can alert on it.
/// </summary>
public sealed class VerifyAuditCommand : ICommand
{
    public string Name => "verify-audit";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var db = services.GetRequiredService<PartyRosterDbContext>();
        var result = await new AuditVerifier(db).VerifyAsync();
        if (result.FirstBreak is null)
        {
            Console.WriteLine($"Chuỗi nhật ký toàn vẹn: đã kiểm tra {Format.Number(result.Checked)} bản ghi.");
            return 0;
        }
        await Console.Error.WriteLineAsync(
            $"Chuỗi nhật ký bị phá vỡ tại bản ghi số {result.FirstBreak.Sequence}: {result.FirstBreak.Reason} " +
            $"({Format.Number(result.Checked)} bản ghi trước đó toàn vẹn).");
        return 1;
    }
}
