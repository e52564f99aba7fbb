using PartyRoster.Domain;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Members' portrait photos (domain.md §2, "ảnh"), kept on disk as <c>&lt;Storage:DataDirectory&gt;/photos/&lt;storedName&gt;</c>;
/// the member row holds only the generated stored name (<see cref="Member.PhotoFileName"/>).
/// </summary>
/// <remarks>
/// Same approach as <see cref="AttachmentStore"/>: JPEG or PNG recognised by their first bytes, the size limit
/// enforced while copying, a generated name (nothing the uploader typed becomes part of a path). The type is
/// encoded in the stored name's extension, which this store chose from the bytes, so serving the file needs
/// no extra column. The SHA-256 goes to the log, as there is one column for the photo only.
/// </remarks>
public sealed partial class MemberPhotoStore(IConfiguration configuration, IHostEnvironment environment, ILogger<MemberPhotoStore> logger)
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const string TooLargeMessage = "Ảnh quá lớn (tối đa 2 MB).";
    public const string WrongTypeMessage = "Ảnh phải là tệp JPG hoặc PNG.";

    private static readonly FileKind[] Kinds = [FileSignatures.Jpeg, FileSignatures.Png];

    public string Root => Path.Combine(Storage.DataDirectory(configuration, environment), "photos");

    /// <summary>
    /// Checks and writes an uploaded photo; returns its stored name. Throws <see cref="DomainException"/> with a
    /// Vietnamese message when refused, and nothing is kept then. The caller records the name on the member and
    /// calls <see cref="Delete"/> for it if that save fails.
    /// </summary>
    public async Task<string> SaveAsync(int memberId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            var copy = await FileSignatures.CopyCheckedAsync(content, temporary, MaxBytes, TooLargeMessage, WrongTypeMessage, ct);
            var kind = FileSignatures.Detect(copy.Header, Kinds) ?? throw new DomainException(WrongTypeMessage);
            var storedName = $"{Guid.NewGuid():N}{kind.Extension}";
            File.Move(temporary, PathOf(storedName));
            Log.PhotoStored(logger, memberId, storedName, copy.Size, copy.Sha256);
            return storedName;
        }
        finally
        {
            FileSignatures.TryDelete(temporary);
        }
    }

    /// <summary>Opens the photo for reading, or null when the file is gone (the caller disposes the stream).</summary>
    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public static string ContentTypeOf(string storedName) =>
        Kinds.FirstOrDefault(k => storedName.EndsWith(k.Extension, StringComparison.Ordinal))?.ContentType ?? "application/octet-stream";

    /// <summary>Removes a photo no member points at any more (replaced, removed, or a save that failed).</summary>
    public void Delete(string? storedName)
    {
        if (storedName is not null) FileSignatures.TryDelete(PathOf(storedName));
    }

    public string PathOf(string storedName)
    {
        if (!FileSignatures.IsSafeStoredName(storedName))
            throw new InvalidOperationException("A member photo has an invalid stored name.");
        return Path.Combine(Root, storedName);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
            Message = "Photo of member {MemberId} stored as {StoredName} ({Size} bytes, SHA-256 {Sha256})")]
        public static partial void PhotoStored(ILogger logger, int memberId, string storedName, long size, string sha256);
    }
}
