using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Data.Seed;
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
/// It also deletes expired uploads, at start and every hour, so no list of members stays on disk past its day.
/// </summary>
public sealed partial class ImportWorker(PendingImports queue, ImportUploads uploads, IServiceScopeFactory scopes, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var purging = PurgeAsync(stoppingToken);
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken)) await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping. An import under way rolled back; its status goes stale and reads as interrupted.
        }
        await purging;
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PurgeEvery);
        try
        {
            do
            {
                try
                {
                    uploads.Purge();
                }
                catch (IOException ex)
                {
                    Log.PurgeFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var runner = ActivatorUtilities.CreateInstance<MemberImportRunner>(scope.ServiceProvider);
        try
        {
            await runner.RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One failed import must not stop the imports queued after it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ImportCrashed(logger, ex, job.Token);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "Member import {Token} failed")]
        public static partial void ImportCrashed(ILogger logger, Exception exception, string token);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Expired member-import uploads could not all be deleted")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// Commits one confirmed import: reads and judges the file again (the roll may have changed since the preview),
/// then, if no row has an error, adds every new member in one transaction, in chunks so the progress shows, each
/// member with the same "Tạo mới" audit entry as one added through the form, plus one summary entry for the
/// import. Nothing is written when any error remains or anything fails (ADR-010).
/// </summary>
public sealed partial class MemberImportRunner(PartyRosterDbContext db, AuditWriter audit, ImportUploads uploads, TimeProvider clock,
    ILogger<MemberImportRunner> logger)
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
                await audit.AppendAsync(db, AuditType, AuditId(job.Token), "Nhập danh sách", new Dictionary<string, string?>
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
        catch (DomainException ex)
        {
            // A row the domain refuses: the transaction rolled back as a whole.
            Report(status with { State = ImportState.Failed, Done = 0, Message = $"Không nhập được: {ex.Message} Không có đảng viên nào được nhập." });
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // Most likely a CCCD or card number saved meanwhile by another server (a unique index refused it).
            Log.WriteRefused(logger, ex, job.Token);
            Report(status with
            {
                State = ImportState.Failed, Done = 0,
                Message = "Cơ sở dữ liệu từ chối ghi (có thể số CCCD hoặc số thẻ đảng viên vừa được dùng cho một đảng viên khác). Không có đảng viên nào được nhập: hãy xem lại trang kiểm tra.",
            });
        }
    }

    /// <summary>
    /// Inserts the members chunk by chunk inside the caller's transaction (prepared commands, as the demo seed
    /// does: the change tracker costs several times more at 10,000 rows), each chunk followed by its members'
    /// "Tạo mới" audit entries; returns their new ids.
    /// </summary>
    private async Task<List<int>> AddMembersAsync(List<NewMemberRow> rows, Action<int> progress, CancellationToken ct)
    {
        var cellIds = rows.Select(r => r.CellId).Distinct().ToList();
        var cells = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var ids = new List<int>(rows.Count);
        await using var writer = BulkMemberWriter.Create(db);
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var created = new List<(Member, string)>(chunk.Length);
            foreach (var row in chunk)
            {
                var member = Create(row, cells[row.CellId]);
                var id = await writer.InsertAsync(member, ct);
                ids.Add(id);
                created.Add((member, id.ToString(CultureInfo.InvariantCulture)));
            }
            await audit.AppendCreatedAsync(db, created, ct);
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

    /// <summary>How the audit trail names an import: the start of its token (short enough for the trail's table).</summary>
    public static string AuditId(string token) => token[..8];

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

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Member import {Token}: the database refused the rows")]
        public static partial void WriteRefused(ILogger logger, Exception exception, string token);
    }
}
