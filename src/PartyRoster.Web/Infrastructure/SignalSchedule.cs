using Microsoft.EntityFrameworkCore;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// The daily evaluation of signals (domain.md §4): once a day after 01:00 Vietnam time, or at start-up when the
/// day's run has not happened yet (the server was down at night), over the whole database. Switched off with
/// <c>Signals:DailyEvaluation=false</c> (the tests do, and run it on demand instead).
/// </summary>
public sealed class SignalSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignalSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(15);
    private const int RunAfterHour = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, the demo seed) finish before the first check.
        await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged without personal data (the exception names tables and ids, not people); the next poll retries.
                logger.LogError(ex, "Daily signal evaluation failed");
            }
            await Task.Delay(Poll, clock, stoppingToken);
        }
    }

    private async Task RunIfDueAsync(CancellationToken ct)
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Format.VietnamTime);
        if (now.Hour < RunAfterHour) return;
        var startOfDayUtc = TimeZoneInfo.ConvertTimeToUtc(now.Date, Format.VietnamTime);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        if (await db.SignalRuns.AnyAsync(r => r.UserId == null && r.StartedAt >= startOfDayUtc, ct)) return;
        var run = await scope.ServiceProvider.GetRequiredService<SignalEvaluation>().EvaluateAsync(null, "Toàn bộ (đánh giá hằng ngày)", null, ct);
        logger.LogInformation("Daily signal evaluation: {Members} members, {Raised} raised, {Resolved} resolved, {Open} open",
            run.MembersChecked, run.Raised, run.Resolved, run.OpenAfter);
    }
}
