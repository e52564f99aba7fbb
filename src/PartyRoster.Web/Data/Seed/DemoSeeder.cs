using PartyRoster.Domain.Access;

namespace PartyRoster.Web.Data.Seed;

public sealed record DemoAccount(string Email, string DisplayName, string Description, Role Role, string OrganizationCode);

public sealed record SeedResult(int Organizations, int Members, TimeSpan Elapsed);

/// <summary>Deterministic demo data for Development (placeholder: being written).</summary>
public sealed class DemoSeeder(PartyRosterDbContext db)
{
    public const string DemoPassword = "DangVien@2026";

    public static IReadOnlyList<DemoAccount> Accounts { get; } = [];

    public Task<SeedResult?> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        _ = db;
        _ = ct;
        return Task.FromResult<SeedResult?>(null);
    }
}
