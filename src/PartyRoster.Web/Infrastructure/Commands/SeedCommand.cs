using System.Globalization;
using PartyRoster.Web.Data.Seed;

namespace PartyRoster.Web.Infrastructure.Commands;

/// <summary>
/// <c>seed-demo [--members N] [--seed S]</c>: fills a fresh, empty database with the deterministic demo
/// data (by default the demo size, ≈ 8,700 members). The benchmark (tests/bench) uses it for 200,000.
/// Refuses to touch a database that already has organisations.
/// </summary>
public sealed class SeedCommand : ICommand
{
    public string Name => "seed-demo";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        if (!TryReadInt(options, "members", DemoSeeder.DemoMemberCount, out var members) || members < DemoSeeder.MinimumMemberCount)
        {
            await Console.Error.WriteLineAsync($"--members phải là số nguyên từ {DemoSeeder.MinimumMemberCount} trở lên.");
            return 2;
        }
        if (!TryReadInt(options, "seed", DemoSeeder.DefaultSeed, out var seed))
        {
            await Console.Error.WriteLineAsync("--seed phải là số nguyên.");
            return 2;
        }

        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(services);
        var result = await seeder.SeedIfEmptyAsync(new DemoSeedOptions(members, seed));
        if (result is null)
        {
            await Console.Error.WriteLineAsync("Cơ sở dữ liệu đã có tổ chức đảng: không tạo dữ liệu mẫu (chỉ dùng cho cơ sở dữ liệu mới).");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Đã tạo dữ liệu mẫu: {result.Organizations} tổ chức, {result.Members} đảng viên trong {result.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine("Tài khoản dùng thử (mật khẩu chung: " + DemoSeeder.DemoPassword + "):");
        foreach (var account in DemoSeeder.Accounts)
            Console.WriteLine($"  {account.Email,-24} {account.Description}");
        return 0;
    }

    private static bool TryReadInt(IReadOnlyDictionary<string, string> options, string name, int fallback, out int value)
    {
        value = fallback;
        return !options.TryGetValue(name, out var text) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
