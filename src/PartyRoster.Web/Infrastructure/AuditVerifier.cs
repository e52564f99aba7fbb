using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Audit;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>The outcome of a chain check: how many entries were confirmed, and the first broken one if any.</summary>
public sealed record AuditVerification(long Checked, AuditBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// Re-computes the audit hash chain from the first entry to the last and reports the first break.
/// Used by the "Kiểm tra tính toàn vẹn" button on /Audit and by the <c>verify-audit</c> command.
/// </summary>
/// <remarks>
/// Entries are read in keyset batches without tracking so a chain of millions of entries is checked
/// in constant memory. A chain whose newest entries were deleted outright still verifies: only an
/// external copy of the last hash (e.g. printed in a report) can prove truncation.
/// </remarks>
public sealed class AuditVerifier(PartyRosterDbContext db)
{
    public const int BatchSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var previousHash = AuditChain.Genesis;
        var expectedSequence = 1L;
        long checkedCount = 0;
        // Keyset on the raw Sequence so a tampered sequence number still shows up (as a gap) in the next batch.
        long lastSequence = long.MinValue;
        while (true)
        {
            var after = lastSequence;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0) return new AuditVerification(checkedCount, null);

            var broken = AuditChain.FindFirstBreak(batch, previousHash, expectedSequence);
            if (broken is not null)
                return new AuditVerification(checkedCount + batch.TakeWhile(e => e.Sequence != broken.Sequence).Count(), broken);

            checkedCount += batch.Count;
            previousHash = batch[^1].Hash;
            expectedSequence = batch[^1].Sequence + 1;
            lastSequence = batch[^1].Sequence;
            if (batch.Count < BatchSize) return new AuditVerification(checkedCount, null);
        }
    }
}
