using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyRoster.Domain;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members.Import;

/// <summary>
/// Uploaded import files between the preview and the commit, and the progress of their import: kept on disk in
/// <c>&lt;Storage:DataDirectory&gt;/imports/&lt;user key&gt;/</c> under a random token, never in the session
/// cookie. Each user reaches only their own folder (the key is a hash of the user id), so a token seen by
/// someone else opens nothing. A file goes once it is imported, when the user cancels, or after a day
/// (<see cref="Purge"/>, run on each upload and hourly by <see cref="ImportWorker"/>).
/// </summary>
/// <remarks>
/// Per token: <c>&lt;token&gt;.upload</c> (the bytes), <c>&lt;token&gt;.json</c> (<see cref="Upload"/>) and, once an
/// import is started, <c>&lt;token&gt;.status.json</c> (<see cref="ImportStatus"/>), which the progress page reads:
/// it lives next to the data, so it survives a restart and is the same for every web node that shares the folder.
/// </remarks>
public sealed partial class ImportUploads(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string TooLargeMessage = "Tệp quá lớn (tối đa 20 MB). Hãy chia danh sách thành nhiều tệp.";
    public const string EmptyMessage = "Tệp rỗng: hãy chọn tệp danh sách đảng viên.";

    /// <summary>How long an uploaded file (and an import's status) is kept.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
    private static readonly Lock StatusLock = new();

    public sealed record Upload(string Token, string FileName, SpreadsheetFormat Format, DateTime UploadedAtUtc);

    public string Root => Path.Combine(Storage.DataDirectory(configuration, environment), "imports");

    /// <summary>
    /// Checks the upload (size, that it is a workbook or CSV whose first row reads) and keeps it for
    /// <paramref name="userId"/>. Throws <see cref="DomainException"/> with a Vietnamese message when refused;
    /// nothing is kept then.
    /// </summary>
    public async Task<Upload> SaveAsync(string userId, string? fileName, Stream content, CancellationToken ct)
    {
        Purge();
        var folder = FolderOf(userId);
        Directory.CreateDirectory(folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var temporary = Path.Combine(folder, $".upload-{token}.tmp");
        try
        {
            await FileSignatures.CopyCheckedAsync(content, temporary, MaxBytes, TooLargeMessage, EmptyMessage, ct);
            var format = SpreadsheetFile.Detect(await SampleAsync(temporary, ct));
            if (SpreadsheetFile.Read(temporary, format).FirstOrDefault(r => !r.IsBlank) is null)
                throw new DomainException("Tệp không có dòng nào: hãy dùng tệp mẫu, dòng đầu là tiêu đề các cột.");
            var upload = new Upload(token, CleanFileName(fileName), format, clock.GetUtcNow().UtcDateTime);
            File.Move(temporary, Path.Combine(folder, token + ".upload"));
            await File.WriteAllTextAsync(Path.Combine(folder, token + ".json"), JsonSerializer.Serialize(upload, JsonOptions), ct);
            return upload;
        }
        finally
        {
            FileSignatures.TryDelete(temporary);
        }
    }

    /// <summary>The user's upload with this token, or null (unknown, another user's, imported, cancelled or expired).</summary>
    public Upload? Find(string userId, string token)
    {
        if (!IsToken(token)) return null;
        var folder = FolderOf(userId);
        var meta = Path.Combine(folder, token + ".json");
        if (!File.Exists(meta) || !File.Exists(Path.Combine(folder, token + ".upload"))) return null;
        var upload = JsonSerializer.Deserialize<Upload>(File.ReadAllText(meta), JsonOptions);
        return upload is not null && clock.GetUtcNow().UtcDateTime - upload.UploadedAtUtc < MaxAge ? upload : null;
    }

    /// <summary>The rows of an upload, read as they are enumerated.</summary>
    public IEnumerable<SheetRow> Rows(string userId, Upload upload) =>
        SpreadsheetFile.Read(Path.Combine(FolderOf(userId), upload.Token + ".upload"), upload.Format);

    /// <summary>Removes the uploaded file (imported or cancelled); the import's status stays until it expires.</summary>
    public void Delete(string userId, string token)
    {
        if (!IsToken(token)) return;
        var folder = FolderOf(userId);
        FileSignatures.TryDelete(Path.Combine(folder, token + ".upload"));
        FileSignatures.TryDelete(Path.Combine(folder, token + ".json"));
    }

    /// <summary>The import's progress, or null when none was started for this token.</summary>
    public ImportStatus? ReadStatus(string userId, string token)
    {
        if (!IsToken(token)) return null;
        var path = StatusPath(userId, token);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImportStatus>(File.ReadAllText(path), JsonOptions) : null;
        }
        catch (IOException)
        {
            return null; // being replaced this instant: the next poll reads it
        }
    }

    /// <summary>
    /// Marks the import as queued, unless one is already under way or done for this token (a second click, a
    /// second tab): returns false then. A failed or interrupted import may be started again.
    /// </summary>
    public bool TryClaim(string userId, string token, string fileName)
    {
        lock (StatusLock)
        {
            if (ReadStatus(userId, token) is { } current && !current.MayRestart(clock)) return false;
            WriteStatus(userId, token, ImportStatus.Queued(fileName, clock));
            return true;
        }
    }

    public void WriteStatus(string userId, string token, ImportStatus status)
    {
        var path = StatusPath(userId, token);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(status, JsonOptions));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes every file of every user older than <see cref="MaxAge"/>.</summary>
    public void Purge()
    {
        if (!Directory.Exists(Root)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime - MaxAge;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff) FileSignatures.TryDelete(file);
        }
    }

    private string FolderOf(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];
        return Path.Combine(Root, key);
    }

    private string StatusPath(string userId, string token) => Path.Combine(FolderOf(userId), token + ".status.json");

    private static async Task<byte[]> SampleAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var buffer = new byte[SpreadsheetFile.SampleLength];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return buffer[..read];
    }

    /// <summary>The uploader's file name for display: no folders, no control characters, at most 120 characters.</summary>
    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(ch => !char.IsControl(ch))]).Trim();
        if (name.Length == 0) name = "danh-sach.xlsx";
        return name.Length > 120 ? name[..120] : name;
    }

    private static bool IsToken(string? token) => token is not null && TokenPattern().IsMatch(token);

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}

public enum ImportState
{
    Queued,
    Checking,
    Writing,
    Succeeded,
    Failed,
}

/// <summary>Where an import stands, as the progress page shows it.</summary>
public sealed record ImportStatus(ImportState State, string FileName, int Done, int Total, int Created, int Skipped, string? Message,
    DateTime UpdatedAtUtc)
{
    /// <summary>An import that has not moved for this long died with its process: its transaction never committed.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public static ImportStatus Queued(string fileName, TimeProvider clock) =>
        new(ImportState.Queued, fileName, 0, 0, 0, 0, null, clock.GetUtcNow().UtcDateTime);

    public bool IsFinished => State is ImportState.Succeeded or ImportState.Failed;

    /// <summary>Under way but silent for longer than <see cref="StaleAfter"/> (the server stopped during the import).</summary>
    public bool IsInterrupted(TimeProvider clock) => !IsFinished && clock.GetUtcNow().UtcDateTime - UpdatedAtUtc > StaleAfter;

    public bool MayRestart(TimeProvider clock) => State == ImportState.Failed || IsInterrupted(clock);

    public int Percent => Total == 0 ? (State == ImportState.Succeeded ? 100 : 0) : (int)(100L * Done / Total);

    /// <summary>The status in words, as the progress page shows it.</summary>
    public string Describe(TimeProvider clock) => State switch
    {
        _ when IsInterrupted(clock) =>
            "Việc nhập bị gián đoạn (máy chủ đã dừng giữa chừng). Không có đảng viên nào được nhập: hãy bấm Nhập lại.",
        ImportState.Queued => "Đang chờ đến lượt…",
        ImportState.Checking => "Đang đọc và kiểm tra lại tệp…",
        ImportState.Writing => $"Đang ghi: {Format.Number(Done)}/{Format.Number(Total)} đảng viên.",
        ImportState.Succeeded => $"Đã nhập {Format.Number(Created)} đảng viên mới"
            + (Skipped > 0 ? $"; {Format.Number(Skipped)} đảng viên đã có trong danh sách được bỏ qua." : "."),
        _ => Message ?? "Không nhập được. Không có đảng viên nào được nhập.",
    };
}
