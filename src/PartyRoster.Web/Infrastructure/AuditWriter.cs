using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Turns the changes of one save into hash-chained audit entries written in the same transaction.
/// </summary>
/// <remarks>
/// Trade-off: added rows get their ids only from the database, so the business changes are saved
/// first and the audit entries second, inside one transaction that commits both or neither.
/// The chain is serialised by a process-wide lock; the unique index on Sequence makes a second
/// web node fail its save rather than fork the chain (ADR-004).
/// </remarks>
public sealed class AuditWriter(IHttpContextAccessor? httpContextAccessor, TimeProvider clock)
{
    private static readonly SemaphoreSlim ChainLock = new(1, 1);

    /// <summary>Whether the current flow of work already holds <see cref="ChainLock"/> (inside <see cref="ExclusiveAsync{T}"/>).</summary>
    private static readonly AsyncLocal<bool> HoldsChain = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Properties derived from others or internal to the framework: not worth an audit line.</summary>
    private static readonly HashSet<string> Ignored =
    [
        nameof(Member.SearchName), nameof(Member.SortKey), nameof(Member.Version),
        nameof(AppUser.ConcurrencyStamp), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
        nameof(AppUser.AccessFailedCount),
    ];

    /// <summary>Secrets: the audit says they changed, never their values.</summary>
    private static readonly HashSet<string> Secret = [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp)];

    /// <summary>The action of an entry for a record that was added.</summary>
    public const string CreatedAction = "Tạo mới";

    /// <summary>Actor recorded when there is no signed-in user (startup, command line).</summary>
    public string? SystemActor { get; set; }

    private (string UserId, string UserName)? _onBehalfOf;

    /// <summary>
    /// Records <paramref name="userName"/> as the actor of the saves made outside a request on that user's behalf
    /// (a background import the user started).
    /// </summary>
    public void ActOnBehalfOf(string userId, string userName) => _onBehalfOf = (userId, userName);

    /// <summary>
    /// Runs <paramref name="work"/> holding the chain: no other save can take sequence numbers until it ends, so
    /// work that writes audit entries several times inside one transaction (a bulk import in chunks) gets one
    /// unbroken run of entries and never races another writer for the next number. Saves inside it do not wait
    /// for the chain again.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (HoldsChain.Value) return await work();
        await ChainLock.WaitAsync(ct);
        HoldsChain.Value = true;
        try
        {
            return await work();
        }
        finally
        {
            HoldsChain.Value = false;
            ChainLock.Release();
        }
    }

    /// <summary>
    /// Appends one entry that is not a change of a record: an export of personal data, the summary of an import.
    /// <paramref name="details"/> are shown like changed fields (name → value). Saved at once, in the current
    /// transaction when there is one; call it with no other unsaved changes on <paramref name="db"/>.
    /// </summary>
    public Task AppendAsync(PartyRosterDbContext db, string entityType, string entityId, string action,
        IReadOnlyDictionary<string, string?> details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("Save the pending changes first: their audit entries would follow this one.");
        return ExclusiveAsync(async () =>
        {
            var (sequence, previous) = await LastAsync(db, ct);
            var (userId, userName) = Actor();
            var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var (name, value) in details) changes[name] = [null, value];
            db.AuditEntries.Add(new AuditEntry(sequence + 1, Now(), userId, userName, entityType, entityId, action,
                JsonSerializer.Serialize(changes, JsonOptions), previous));
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Appends one "Tạo mới" entry per record that a bulk writer inserted without the change tracker (a member
    /// import), with the same fields an audited save of that record lists. Call inside
    /// <see cref="ExclusiveAsync{T}"/> and the transaction of the inserts, so records and entries commit together.
    /// </summary>
    public async Task AppendCreatedAsync<T>(PartyRosterDbContext db, IReadOnlyList<(T Entity, string Key)> created, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(created);
        if (!HoldsChain.Value) throw new InvalidOperationException("Hold the audit chain (ExclusiveAsync) around the inserts and their entries.");
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        if (type.GetProperties().Any(p => p.IsShadowProperty())) throw new InvalidOperationException($"{typeof(T).Name} has values that only the change tracker holds.");
        var recorded = type.GetProperties()
            .Where(p => !p.IsPrimaryKey())
            .Select(p => (Recorded: IsRecorded(p, out var name), Name: name, Getter: p.GetGetter()))
            .Where(p => p.Recorded)
            .ToList();

        var (sequence, previous) = await LastAsync(db, ct);
        var now = Now();
        var (userId, userName) = Actor();
        var entries = new List<AuditEntry>(created.Count);
        foreach (var (entity, key) in created)
        {
            var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var (_, name, getter) in recorded)
            {
                if (Format(getter.GetClrValue(entity)) is { } after) changes[name] = [null, Secret.Contains(name) ? "*** (đã thay đổi)" : after];
            }
            var entry = new AuditEntry(++sequence, now, userId, userName, type.ClrType.Name, key, CreatedAction,
                JsonSerializer.Serialize(changes, JsonOptions), previous);
            previous = entry.Hash;
            entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached; // written once, never read back here
    }

    public async Task<int> SaveWithAuditAsync(PartyRosterDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .Select(Capture)
            .Where(p => p.Changes.Count > 0 || p.Action != "Cập nhật")
            .ToList();
        if (pending.Count == 0) return await save();

        return await ExclusiveAsync(async () =>
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            var result = await save();

            var (sequence, previous) = await LastAsync(db, ct);
            var now = Now();
            var (userId, userName) = Actor();
            foreach (var p in pending)
            {
                var entry = new AuditEntry(++sequence, now, userId, userName, p.Entry.Metadata.ClrType.Name,
                    KeyOf(p.Entry), p.Action, JsonSerializer.Serialize(p.Changes, JsonOptions), previous);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            result += await save();
            if (tx is not null) await tx.CommitAsync(ct);
            return result;
        }, ct);
    }

    private static async Task<(long Sequence, string Hash)> LastAsync(PartyRosterDbContext db, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return (last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis);
    }

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // PostgreSQL keeps microseconds: hash what the database will give back, not the extra ticks.
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    // Screening steps are audited as they are added (they are never changed): the step carries the actor,
    // document and tally, and the hash chain then covers the case's legal history, not only its state.
    // Every record of our own is audited unless listed in NotAudited; Identity's internal rows (logins,
    // tokens) are not ours, and their effects show on AppUser.
    private static bool IsAudited(object entity) =>
        entity.GetType().Namespace?.StartsWith("PartyRoster.", StringComparison.Ordinal) == true
            && !NotAudited.Contains(entity.GetType());

    /// <summary>
    /// The trail itself, and rows derived from others: name tokens are rebuilt from the name; signals are
    /// recomputed from the books every day (each evaluation run is audited, and so is a case opened from a signal).
    /// </summary>
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(MemberNameToken), typeof(PartyRoster.Domain.Signals.Signal)];

    private (string? UserId, string? UserName) Actor()
    {
        var user = httpContextAccessor?.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
            return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name);
        if (_onBehalfOf is { } person) return (person.UserId, person.UserName);
        return (null, SystemActor ?? "hệ thống");
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static PendingAudit Capture(EntityEntry e)
    {
        var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        var action = e.State switch { EntityState.Added => CreatedAction, EntityState.Deleted => "Xóa", _ => "Cập nhật" };
        foreach (var p in e.Properties)
        {
            if (!IsRecorded(p.Metadata, out var name)) continue;
            if (e.State == EntityState.Added && p.Metadata.IsPrimaryKey()) continue; // temporary until saved; the entry key carries it
            var before = e.State == EntityState.Added ? null : Format(p.OriginalValue);
            var after = e.State == EntityState.Deleted ? null : Format(p.CurrentValue);
            if (e.State == EntityState.Modified && (!p.IsModified || before == after)) continue;
            if (e.State == EntityState.Added && after is null) continue;
            if (Secret.Contains(name)) { before = before is null ? null : "***"; after = after is null ? null : "*** (đã thay đổi)"; }
            changes[name] = [before, after];
        }
        // Value objects stored as columns of the row (a step's actor, document, tally): "Actor.UserId".
        // Only what is added is listed: rows with complex properties (screening steps) are never changed.
        if (e.State == EntityState.Added)
        {
            foreach (var complex in e.ComplexProperties)
            {
                if (complex.CurrentValue is null) continue;
                foreach (var p in complex.Properties)
                {
                    if (Format(p.CurrentValue) is { } after) changes[$"{complex.Metadata.Name}.{p.Metadata.Name}"] = [null, after];
                }
            }
        }
        return new PendingAudit(e, action, changes);
    }

    /// <summary>Whether a property is worth an audit line, and the name it is recorded under.</summary>
    private static bool IsRecorded(IReadOnlyProperty property, out string name)
    {
        // Field-only properties ("_reasons") are named after their column ("Reasons").
        name = property.Name.StartsWith('_') ? property.GetColumnName() : property.Name;
        return !Ignored.Contains(name) && !(property.IsShadowProperty() && !property.IsForeignKey());
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string text => text,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    private sealed record PendingAudit(EntityEntry Entry, string Action, SortedDictionary<string, string?[]> Changes);
}
