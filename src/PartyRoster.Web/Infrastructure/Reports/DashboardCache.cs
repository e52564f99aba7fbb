using System.Collections.Concurrent;

namespace PartyRoster.Web.Infrastructure.Reports;

/// <summary>
/// The committee charts of the home page, kept in memory per subtree for <c>Dashboard:RefreshMinutes</c> (default 10).
/// For the whole đảng bộ of 200,000 members they take seconds to compute (the year's dues of every member, the
/// attendance of every meeting); a committee opens its home page many times a day. A view within the period is served
/// from memory; a later one is served the kept figures at once while fresh ones are computed in the background; the
/// page shows when its figures were computed and offers "Tính lại ngay". 0 minutes computes on every view.
/// </summary>
/// <remarks>
/// The entries hold counts and organisation names only, never personal data. They are keyed by the subtree (the
/// paths of its tops), so users with the same scope share them. Only the first view after the app starts waits for
/// the computation (about 10 s for 200,000 members, see README "Speed"); a new day is an old entry like any other.
/// </remarks>
public sealed class DashboardCache(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DashboardCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry(Dashboard.SubtreeCharts charts)
    {
        public Dashboard.SubtreeCharts Charts { get; } = charts;
        public int Refreshing;
    }

    /// <summary>How long figures are served without recomputing them.</summary>
    public TimeSpan RefreshAfter => TimeSpan.FromMinutes(configuration.GetValue("Dashboard:RefreshMinutes", 10.0));

    /// <summary>The charts of <paramref name="scope"/>: kept ones when there are any, otherwise <paramref name="compute"/>d now.</summary>
    public async Task<Dashboard.SubtreeCharts> GetAsync(ReportScope scope, DateOnly today, bool refresh,
        Func<CancellationToken, Task<Dashboard.SubtreeCharts>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(compute);
        var refreshAfter = RefreshAfter;
        if (refreshAfter <= TimeSpan.Zero) return Stamp(await compute(ct));

        var key = string.Join('|', scope.Paths);
        if (!refresh && _entries.TryGetValue(key, out var kept))
        {
            if (clock.GetUtcNow().UtcDateTime - kept.Charts.ComputedAtUtc >= refreshAfter && Interlocked.Exchange(ref kept.Refreshing, 1) == 0)
                _ = RefreshAsync(key, kept, scope, today);
            return kept.Charts;
        }
        var charts = Stamp(await compute(ct));
        _entries[key] = new Entry(charts);
        return charts;
    }

    private Dashboard.SubtreeCharts Stamp(Dashboard.SubtreeCharts charts) => charts with { ComputedAtUtc = clock.GetUtcNow().UtcDateTime };

    /// <summary>Recomputes an entry in its own DI scope (the request that noticed it has gone on with the kept figures).</summary>
    private async Task RefreshAsync(string key, Entry kept, ReportScope scope, DateOnly today)
    {
        try
        {
            await using var services = scopes.CreateAsyncScope();
            var charts = await services.ServiceProvider.GetRequiredService<Dashboard>().ChartsAsync(scope, today, CancellationToken.None);
            _entries[key] = new Entry(Stamp(charts));
        }
#pragma warning disable CA1031 // a failed background refresh must not take the app down; the kept figures stay and the next view retries
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Dashboard figures could not be refreshed; the kept figures stay");
            Interlocked.Exchange(ref kept.Refreshing, 0);
        }
    }
}
