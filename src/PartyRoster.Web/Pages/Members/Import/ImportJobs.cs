using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>An import the user confirmed: whose, which upload, and the organisations the user may import into (read while they asked).</summary>
public sealed record ImportJob(string UserId, string UserName, string Token, IReadOnlyList<string> ScopePaths);

/// <summary>Confirmed imports waiting for <see cref="ImportWorker"/>, in order (a channel; the worker reads it).</summary>
public sealed class PendingImports
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) throw new InvalidOperationException("The import queue is closed.");
    }

    internal ChannelReader<ImportJob> Reader => _jobs.Reader;
}

/// <summary>
/// Runs confirmed imports one at a time, outside the request that confirmed them, so the page can show progress
/// (ADR-010). One at a time: each holds the audit chain and the database's write lock for its few seconds anyway.
/// </summary>
public sealed partial class ImportWorker(PendingImports queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var scope = scopes.CreateScope();
            var runner = ActivatorUtilities.CreateInstance<MemberImportRunner>(scope.ServiceProvider);
            try
            {
                await runner.RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The server is stopping: the transaction rolled back; the status goes stale and reads as interrupted.
                return;
            }
#pragma warning disable CA1031 // One failed import must not stop the imports queued after it; the runner has recorded it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ImportCrashed(logger, ex, job.Token);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "Member import {Token} failed")]
        public static partial void ImportCrashed(ILogger logger, Exception exception, string token);
    }
}

/// <summary>
/// Commits one confirmed import: reads and judges the file again (the roll may have changed since the preview),
/// then, if no row has an error, adds every new member in one transaction, in chunks so the progress shows, each
/// member audited like one added through the form, plus one summary entry for the import. Nothing is written when
/// any error remains or anything fails (ADR-010).
/// </summary>
public sealed class MemberImportRunner(PartyRosterDbContext db, AuditWriter audit, ImportUploads uploads, TimeProvider clock)
{
    /// <summary>Members saved (and audited) per save: progress is reported after each.</summary>
    public const int ChunkSize = 500;

    /// <summary>The audit trail's name for an import's summary entry.</summary>
    public const string AuditType = "MemberImport";

    public async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        var status = uploads.ReadStatus(job.UserId, job.Token) ?? ImportStatus.Queued("", clock);
        void Report(ImportStatus next) => uploads.WriteStatus(job.UserId, job.Token, status = next with { UpdatedAtUtc = clock.GetUtcNow().UtcDateTime });

        var upload = uploads.Find(job.UserId, job.Token);
        if (upload is null)
        {
            Report(status with { State = ImportState.Failed, Message = "Tệp đã hết hạn hoặc đã bị xóa: hãy tải lên lại. Không có đảng viên nào được nhập." });
            return;
        }
        audit.ActOnBehalfOf(job.UserId, job.UserName);
        Report(status with { State = ImportState.Checking });

        try
        {
            var failure = await audit.ExclusiveAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var report = await new MemberImport(db, clock).AnalyseAsync(uploads.Rows(job.UserId, upload), job.ScopePaths, ct);
                if (!report.CanCommit)
                {
                    return report.Errors.Count > 0
                        ? $"Tệp có {Format.Number(report.Errors.Count)} lỗi ở {Format.Number(report.ErrorRowCount)} dòng (danh sách đảng viên có thể đã thay đổi từ lúc xem trước). Không có đảng viên nào được nhập: hãy xem lại trang kiểm tra."
                        : "Không có đảng viên mới nào để nhập.";
                }

                Report(status with { State = ImportState.Writing, Total = report.New.Count, Skipped = report.Existing.Count });
                var ids = await AddMembersAsync(report.New, done => Report(status with { Done = done }), ct);
                await audit.AppendAsync(db, AuditType, job.Token, "Nhập danh sách", new Dictionary<string, string?>
                {
                    ["File"] = upload.FileName,
                    ["Created"] = ids.Count.ToString(CultureInfo.InvariantCulture),
                    ["Skipped"] = report.Existing.Count.ToString(CultureInfo.InvariantCulture),
                    ["MemberIds"] = Ranges(ids),
                }, ct);
                await transaction.CommitAsync(ct);
                Report(status with { State = ImportState.Succeeded, Done = ids.Count, Created = ids.Count, Message = null });
                return null;
            }, ct);

            if (failure is null) uploads.Delete(job.UserId, job.Token);
            else Report(status with { State = ImportState.Failed, Done = 0, Message = failure });
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateException)
        {
            // A row the domain refuses, or a CCCD/card number someone else saved meanwhile (a unique index): the
            // transaction rolled back as a whole.
            var reason = ex is DomainException ? ex.Message : "số CCCD hoặc số thẻ đảng viên vừa được dùng cho một đảng viên khác.";
            Report(status with { State = ImportState.Failed, Done = 0, Message = $"Không nhập được: {reason} Không có đảng viên nào được nhập." });
        }
    }

    /// <summary>Adds the members chunk by chunk inside the caller's transaction; returns their new ids.</summary>
    private async Task<List<int>> AddMembersAsync(List<NewMemberRow> rows, Action<int> progress, CancellationToken ct)
    {
        var cellIds = rows.Select(r => r.CellId).Distinct().ToList();
        var cells = await db.Organizations.Where(o => cellIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var ids = new List<int>(rows.Count);
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var members = chunk.Select(r => Create(r, cells[r.CellId])).ToList();
            db.Members.AddRange(members);
            await db.SaveChangesAsync(ct);
            ids.AddRange(members.Select(m => m.Id));
            // Saved rows need no tracking: keeping them would make every later save slower.
            db.ChangeTracker.Clear();
            db.Organizations.AttachRange(cells.Values);
            progress(ids.Count);
        }
        return ids;
    }

    private static Member Create(NewMemberRow row, Domain.Organizations.Organization cell)
    {
        try
        {
            return new Member(row.Input.ToProfile(), row.Input.ToAdmission(), cell);
        }
        catch (DomainException ex)
        {
            throw new DomainException($"dòng {row.Row}: {ex.Message}", ex);
        }
    }

    /// <summary>"101-250, 300" for ids 101…250 and 300: an import's members in a few characters.</summary>
    internal static string Ranges(IReadOnlyList<int> ids)
    {
        var parts = new List<string>();
        var sorted = ids.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
