using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Signals;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Reads the books (attendance, dues, ratings, transfers) in bulk, asks <see cref="SignalRules"/> per member, and
/// brings the Signals table in line: new findings are raised, findings seen again are refreshed, signals whose facts
/// no longer hold are resolved. Nothing else changes: a signal never touches a member's status (domain.md §4).
/// </summary>
/// <remarks>
/// Built for 200,000 members: every source is read with one streaming query (no per-member queries), only the
/// facts that matter are kept (unexcused absences, unpaid months, KHTNV ratings, late letters), and the signal rows
/// are written in batches with the change tracker cleared between them. Figures: tests/bench/signals.sh.
/// </remarks>
public sealed class SignalEvaluation(PartyRosterDbContext db, RuleBook rules, TimeProvider clock)
{
    private const int SaveBatch = 2000;

    /// <summary>Evaluates the members of <paramref name="cellIds"/> (null: the whole database) and logs the run.</summary>
    public async Task<SignalRun> EvaluateAsync(IReadOnlyCollection<int>? cellIds, string scopeName, string? userId, CancellationToken ct)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var today = Format.Today(clock);
        var years = new[] { today.Year - 1, today.Year };

        var members = await MembersAsync(cellIds, ct);
        var findings = new List<SignalFinding>();
        findings.AddRange(await MissedMeetingsAsync(members, years, today, ct));
        findings.AddRange(await UnpaidDuesAsync(cellIds, members, years, today, ct));
        findings.AddRange(await NotCompletedAsync(members, today, ct));
        findings.AddRange(await LateTransfersAsync(members, today, ct));

        var (raised, resolved, open) = await ApplyAsync(findings, members, cellIds, years, today, ct);
        var run = new SignalRun
        {
            StartedAt = started,
            FinishedAt = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Scope = scopeName.Length > SignalRun.ScopeMaxLength ? scopeName[..SignalRun.ScopeMaxLength] : scopeName,
            MembersChecked = members.Count(m => m.Value.OnRoll),
            Raised = raised,
            Resolved = resolved,
            OpenAfter = open,
        };
        db.SignalRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private readonly record struct MemberFacts(int CellId, bool OnRoll);

    /// <summary>Members the evaluation speaks about: on the roll, or transferred out (their letter may be late).</summary>
    private async Task<Dictionary<int, MemberFacts>> MembersAsync(IReadOnlyCollection<int>? cellIds, CancellationToken ct)
    {
        var query = db.Members.AsNoTracking()
            .Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState) || m.RollState == RollState.TransferredOut);
        if (cellIds is not null) query = query.Where(m => cellIds.Contains(m.OrganizationId));
        var result = new Dictionary<int, MemberFacts>();
        await foreach (var m in query.Select(m => new { m.Id, m.OrganizationId, m.RollState }).AsAsyncEnumerable().WithCancellation(ct))
        {
            result[m.Id] = new MemberFacts(m.OrganizationId, m.RollState != RollState.TransferredOut);
        }
        return result;
    }

    private async Task<List<SignalFinding>> MissedMeetingsAsync(Dictionary<int, MemberFacts> members, int[] years, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(years[0], 1, 1);
        // Only the unexcused absences are read: a few per cent of all attendance lines.
        var rows = db.Meetings.AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.HeldOn >= from && m.HeldOn <= today)
            .SelectMany(m => m.AttendanceList.Where(a => a.Status == AttendanceStatus.AbsentWithoutReason),
                (m, a) => new { a.MemberId, m.HeldOn });
        var byMember = new Dictionary<int, List<DateOnly>>();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!members.TryGetValue(r.MemberId, out var facts) || !facts.OnRoll) continue;
            if (!byMember.TryGetValue(r.MemberId, out var list)) byMember[r.MemberId] = list = [];
            list.Add(r.HeldOn);
        }
        var findings = new List<SignalFinding>();
        foreach (var (memberId, dates) in byMember)
        {
            foreach (var year in years)
            {
                if (SignalRules.MissedMeetings(memberId, year, dates, rules.ForYear(year, today).MissedMeetingMonthsInYear.Value) is { } f)
                    findings.Add(f);
            }
        }
        return findings;
    }

    /// <summary>
    /// Unpaid owed months of last year and this year, read through <see cref="DuesSnapshot"/> (bases and one paid-month
    /// mask per member) and judged by <see cref="DuesLedger"/>: exemptions, reliefs, admission and party age included.
    /// </summary>
    private async Task<List<SignalFinding>> UnpaidDuesAsync(IReadOnlyCollection<int>? cellIds, Dictionary<int, MemberFacts> members,
        int[] years, DateOnly today, CancellationToken ct)
    {
        var findings = new List<SignalFinding>();
        var lastEnded = DuesCalendar.Of(today).AddMonths(-1);
        var first = new DateOnly(years[0], 1, 1);
        if (lastEnded < first) return findings;
        var onRoll = db.Members.Where(m => MemberEnumNames.OnRollStates.Contains(m.RollState));
        if (cellIds is not null) onRoll = onRoll.Where(m => cellIds.Contains(m.OrganizationId));
        var snapshot = await DuesSnapshot.LoadAsync(db, onRoll, today, (first, lastEnded), ct);
        foreach (var member in snapshot.Members)
        {
            if (!members.ContainsKey(member.Id)) continue;
            foreach (var year in years)
            {
                if (SignalRules.UnpaidDues(member.Id, year, snapshot.UnpaidIn(member, year), rules.ForYear(year, today).UnpaidDuesMonthsInYear.Value) is { } f)
                    findings.Add(f);
            }
        }
        return findings;
    }

    /// <summary>Years looked back for "không hoàn thành nhiệm vụ" runs: enough for runs ending last year or this year.</summary>
    private const int RatingYearsBack = 3;

    private async Task<List<SignalFinding>> NotCompletedAsync(Dictionary<int, MemberFacts> members, DateOnly today, CancellationToken ct)
    {
        var from = today.Year - RatingYearsBack;
        var rows = db.AnnualRatings.AsNoTracking()
            .Where(r => r.Level == RatingLevel.NotCompleted && r.Year >= from)
            .Select(r => new { r.MemberId, r.Year });
        var byMember = new Dictionary<int, List<int>>();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!members.TryGetValue(r.MemberId, out var facts) || !facts.OnRoll) continue;
            if (!byMember.TryGetValue(r.MemberId, out var list)) byMember[r.MemberId] = list = [];
            list.Add(r.Year);
        }
        var findings = new List<SignalFinding>();
        foreach (var (memberId, years) in byMember)
        {
            var threshold = rules.ForYear(years.Max(), today).ConsecutiveYearsNotCompleted.Value;
            findings.AddRange(SignalRules.NotCompleted(memberId, years, threshold));
        }
        return findings;
    }

    /// <summary>
    /// Official transfers out whose introduction letter is past its deadline with no slip back
    /// (<see cref="Transfer.IsPapersLate"/>); the member is usually already off the cell's roll (transferred out).
    /// </summary>
    private async Task<List<SignalFinding>> LateTransfersAsync(Dictionary<int, MemberFacts> members, DateOnly today, CancellationToken ct)
    {
        var rows = db.Transfers.AsNoTracking()
            .Where(t => t.Kind == TransferKind.OfficialOut && t.Status == TransferStatus.InProgress && t.Deadline < today && t.MemberId != null);
        var findings = new List<SignalFinding>();
        await foreach (var t in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!members.ContainsKey(t.MemberId!.Value)) continue;
            if (SignalRules.TransferPapersLate(t.MemberId.Value, t.Id, t.IsPapersLate(today), t.LetterNumber, t.StartedOn, t.Deadline!.Value,
                    t.ExternalOrganization, today) is { } f)
                findings.Add(f);
        }
        return findings;
    }

    /// <summary>Raises, refreshes and resolves signal rows so they match <paramref name="findings"/>.</summary>
    private async Task<(int Raised, int Resolved, int Open)> ApplyAsync(List<SignalFinding> findings, Dictionary<int, MemberFacts> members,
        IReadOnlyCollection<int>? cellIds, int[] years, DateOnly today, CancellationToken ct)
    {
        var existing = db.Signals.AsQueryable();
        if (cellIds is not null) existing = existing.Where(s => cellIds.Contains(s.CellId));
        var byKey = new Dictionary<(int, SignalKind, string), Signal>();
        await foreach (var s in existing.AsAsyncEnumerable().WithCancellation(ct)) byKey[(s.MemberId, s.Kind, s.PeriodKey)] = s;
        // Signals of members who moved into the scope since they were raised live under their old cell: find them too.
        if (cellIds is not null)
        {
            var missing = findings.Select(f => f.MemberId).Distinct().Where(id => !byKey.Keys.Any(k => k.Item1 == id)).ToList();
            foreach (var chunk in missing.Chunk(500))
            {
                await foreach (var s in db.Signals.Where(s => chunk.Contains(s.MemberId)).AsAsyncEnumerable().WithCancellation(ct))
                    byKey[(s.MemberId, s.Kind, s.PeriodKey)] = s;
            }
        }

        int raised = 0, resolved = 0, pending = 0;
        var seen = new HashSet<(int, SignalKind, string)>();
        foreach (var f in findings)
        {
            var key = (f.MemberId, f.Kind, f.PeriodKey);
            seen.Add(key);
            var cellId = members[f.MemberId].CellId;
            if (byKey.TryGetValue(key, out var signal))
            {
                if (signal.CaseId is not null) continue; // the case is the answer; the signal stays as its source
                signal.Confirm(f, cellId, today);
            }
            else
            {
                db.Signals.Add(new Signal(f, cellId, today));
                raised++;
            }
            if (++pending >= SaveBatch) { await db.SaveChangesAsync(ct); pending = 0; }
        }

        var evaluatedPeriods = years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var (key, signal) in byKey)
        {
            if (seen.Contains(key) || !IsEvaluated(signal, evaluatedPeriods)) continue;
            if (signal.Resolve(today)) resolved++;
            if (++pending >= SaveBatch) { await db.SaveChangesAsync(ct); pending = 0; }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var openQuery = db.Signals.Where(s => s.ResolvedOn == null && s.CaseId == null);
        if (cellIds is not null) openQuery = openQuery.Where(s => cellIds.Contains(s.CellId));
        return (raised, resolved, await openQuery.CountAsync(ct));
    }

    /// <summary>Whether this run looked at the signal's period: other years are left as they are.</summary>
    private static bool IsEvaluated(Signal signal, HashSet<string> years) => signal.Kind switch
    {
        SignalKind.MissedMeetings or SignalKind.UnpaidDues => years.Contains(signal.PeriodKey),
        // Every rating run within the years read is found again if it still holds (a rating corrected upwards ends it).
        SignalKind.NotCompletedTwoYears => int.TryParse(signal.PeriodKey.Split('-')[^1], out var last) && last > years.Select(int.Parse).Max() - RatingYearsBack,
        // Every letter still late is found again; one presented, revoked or of a member gone from the books is over.
        SignalKind.TransferPapersLate => true,
        _ => false,
    };
}
