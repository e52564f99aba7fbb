using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// How many members carry each common name token ("nguyen", "van", "thi"…), refreshed every few
/// minutes. The name search drives its query from the rarest word the user typed: a given name
/// ("an") narrows 200,000 members to a few thousand, while "van" would keep 80,000.
/// </summary>
public sealed class NameTokenStatistics(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>Tokens rarer than this are not kept: anything unknown counts as rare.</summary>
    public const int CommonThreshold = 100;

    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private IReadOnlyDictionary<string, int> _counts = new Dictionary<string, int>();
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _loadedAt < RefreshAfter) return _counts;
        await _gate.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _loadedAt < RefreshAfter) return _counts;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
            _counts = await db.MemberNameTokens.AsNoTracking()
                .GroupBy(t => t.Token)
                .Select(g => new { Token = g.Key, Count = g.Count() })
                .Where(x => x.Count >= CommonThreshold)
                .ToDictionaryAsync(x => x.Token, x => x.Count, StringComparer.Ordinal, ct);
            _loadedAt = clock.GetUtcNow();
            return _counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Estimated members matching <paramref name="word"/> (as a whole token, or as a prefix).</summary>
    public static int Estimate(IReadOnlyDictionary<string, int> counts, string word, bool prefix) => prefix
        ? counts.Where(kv => kv.Key.StartsWith(word, StringComparison.Ordinal)).Sum(kv => kv.Value)
        : counts.GetValueOrDefault(word);
}
