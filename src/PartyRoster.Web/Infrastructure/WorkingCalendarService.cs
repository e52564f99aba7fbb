using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Calendar;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// The working-day calendar built from the Holidays table (domain.md §8), cached in memory because every
/// deadline shown needs it and the table changes a few times a year. The Admin's holiday page calls
/// <see cref="Invalidate"/> after each change. A singleton: the cache is shared by all requests of a node.
/// </summary>
/// <remarks>
/// With several web nodes each keeps its own cache, so an edit shows on the other nodes only after their
/// restart; acceptable for data that changes when the government announces a schedule.
/// </remarks>
public sealed class WorkingCalendarService(IServiceScopeFactory scopes)
{
    private WorkingDayCalendar? _calendar;
    private long _generation;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _calendar) is { } cached) return cached;

        // No lock: two requests that miss at once both read ~40 rows, and either result is right.
        var generation = Interlocked.Read(ref _generation);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var entries = await db.Holidays.AsNoTracking().ToListAsync(ct);
        var calendar = WorkingDayCalendar.From(entries.Select(h => h.ToEntry()));
        // An Invalidate() while this was loading means the rows read may be stale: serve them once, do not keep them.
        if (Interlocked.Read(ref _generation) == generation)
            Interlocked.CompareExchange(ref _calendar, calendar, null);
        return calendar;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _calendar, null);
    }

    /// <summary>
    /// Fills an empty Holidays table with <see cref="VietnameseHolidays.Seed"/>, in every environment: it is
    /// reference data the app cannot count deadlines without, not demo data. Not audited, like the schema:
    /// the audit trail records what people changed, starting from what shipped.
    /// </summary>
    public static async Task SeedIfEmptyAsync(PartyRosterDbContext db, CancellationToken ct = default)
    {
        if (await db.Holidays.AnyAsync(ct)) return;
        db.Holidays.AddRange(VietnameseHolidays.Seed.Select(Holiday.From));
        var suppress = db.SuppressAudit;
        db.SuppressAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = suppress;
        }
    }
}
