using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PartyRoster.Domain.Audit;

/// <summary>
/// One append-only audit record. Each entry's <see cref="Hash"/> covers its content and the previous
/// entry's hash, so editing or deleting any entry breaks every hash after it (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int EntityTypeMaxLength = 64;
    public const int EntityIdMaxLength = 64;
    public const int ActionMaxLength = 32;
    public const int UserMaxLength = 256;
    public const int HashLength = 64;

    private AuditEntry() { EntityType = ""; EntityId = ""; Action = ""; Changes = ""; PreviousHash = ""; Hash = ""; }

    public AuditEntry(long sequence, DateTime occurredAtUtc, string? userId, string? userName, string entityType,
        string entityId, string action, string changes, string previousHash)
    {
        if (occurredAtUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("Audit times are UTC.", nameof(occurredAtUtc));
        Sequence = sequence;
        OccurredAtUtc = occurredAtUtc;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    public long Id { get; private set; }
    /// <summary>1, 2, 3… without gaps; unique in the database so two writers cannot fork the chain.</summary>
    public long Sequence { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string Action { get; private set; }
    /// <summary>JSON object: field → [before, after].</summary>
    public string Changes { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    internal string CanonicalText() => string.Join('\u001f',
        Sequence.ToString(CultureInfo.InvariantCulture),
        OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
        UserId ?? "", UserName ?? "", EntityType, EntityId, Action, Changes, PreviousHash);
}

public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.CanonicalText())));

    /// <summary>
    /// Walks entries in sequence order and returns the first one whose content, link or sequence is
    /// wrong, or null when the chain is intact.
    /// </summary>
    public static AuditBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInOrder, string previousHash, long expectedSequence)
    {
        foreach (var e in entriesInOrder)
        {
            if (e.Sequence != expectedSequence)
                return new AuditBreak(e.Sequence, $"Thiếu hoặc sai số thứ tự: mong đợi {expectedSequence}, gặp {e.Sequence}.");
            if (e.PreviousHash != previousHash)
                return new AuditBreak(e.Sequence, "Liên kết với bản ghi trước bị sai (bản ghi trước đã bị sửa hoặc xóa).");
            if (ComputeHash(e) != e.Hash)
                return new AuditBreak(e.Sequence, "Nội dung bản ghi không khớp với mã băm (bản ghi đã bị sửa).");
            previousHash = e.Hash;
            expectedSequence++;
        }
        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
