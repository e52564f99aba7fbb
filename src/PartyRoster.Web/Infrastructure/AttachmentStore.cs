using System.Security.Cryptography;
using PartyRoster.Domain;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// Files attached to screening cases, kept on disk under <c>&lt;Storage:DataDirectory&gt;/attachments/&lt;caseId&gt;/</c>
/// (or <c>Storage:AttachmentsDirectory</c>) with their index and SHA-256 in <see cref="CaseAttachment"/> rows (ADR-006).
/// </summary>
/// <remarks>
/// Only PDF, JPEG and PNG are accepted, recognised by their first bytes: the browser's content type and the
/// file's extension are the uploader's claim, not evidence. Stored names are generated, so nothing the
/// uploader typed ever becomes part of a path.
/// </remarks>
public sealed class AttachmentStore(PartyRosterDbContext db, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string TooLargeMessage = "Tệp quá lớn (tối đa 10 MB).";
    public const string WrongTypeMessage = "Chỉ nhận tệp PDF, JPG hoặc PNG.";

    private static readonly FileKind[] Kinds = [FileSignatures.Pdf, FileSignatures.Jpeg, FileSignatures.Png];

    /// <summary>The root folder of all attachments.</summary>
    public string Root => configuration["Storage:AttachmentsDirectory"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : Path.Combine(Storage.DataDirectory(configuration, environment), "attachments");

    /// <summary>
    /// Checks the file (size, kind), writes it to disk and saves its <see cref="CaseAttachment"/> row.
    /// Throws <see cref="DomainException"/> with a Vietnamese message when the file is refused; nothing is kept then.
    /// </summary>
    public async Task<CaseAttachment> SaveAsync(int caseId, int? stepSequence, string fileName, Stream content, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var folder = Path.Combine(Root, caseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".upload-{Guid.NewGuid():N}.tmp");
        string? stored = null;
        try
        {
            var (size, sha256, header) = await FileSignatures.CopyCheckedAsync(content, temporary, MaxBytes, TooLargeMessage, WrongTypeMessage, ct);
            var kind = FileSignatures.Detect(header, Kinds) ?? throw new DomainException(WrongTypeMessage);

            var attachment = new CaseAttachment
            {
                ScreeningCaseId = caseId,
                StepSequence = stepSequence,
                FileName = CleanFileName(fileName, kind.Extension),
                ContentType = kind.ContentType,
                SizeBytes = size,
                Sha256 = sha256,
                StoredName = $"{Guid.NewGuid():N}{kind.Extension}",
                UploadedByUserId = userId,
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            stored = Path.Combine(folder, attachment.StoredName);
            File.Move(temporary, stored);
            db.CaseAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            stored = null; // kept: the row now points at it
            return attachment;
        }
        finally
        {
            FileSignatures.TryDelete(temporary);
            if (stored is not null) FileSignatures.TryDelete(stored);
        }
    }

    /// <summary>Opens the stored file for reading (the caller disposes the stream).</summary>
    public Stream OpenRead(CaseAttachment attachment) =>
        new FileStream(PathOf(attachment), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>Whether the file on disk still has the SHA-256 recorded when it was uploaded (false when missing or changed).</summary>
    public async Task<bool> VerifyAsync(CaseAttachment attachment, CancellationToken ct = default)
    {
        var path = PathOf(attachment);
        if (!File.Exists(path)) return false;
        await using var stream = OpenRead(attachment);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return string.Equals(hash, attachment.Sha256, StringComparison.Ordinal);
    }

    public string PathOf(CaseAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        // Stored names are generated; anything else in the column is tampering, never a path to follow.
        if (!FileSignatures.IsSafeStoredName(attachment.StoredName))
            throw new InvalidOperationException($"Attachment {attachment.Id} has an invalid stored name.");
        return Path.Combine(Root, attachment.ScreeningCaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), attachment.StoredName);
    }

    /// <summary>The uploader's file name for display: no folders, no control characters, within the column, with the real extension.</summary>
    private static string CleanFileName(string? fileName, string extension)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(ch => !char.IsControl(ch))]).Trim();
        if (name.Length == 0) name = "tep-dinh-kem" + extension;
        if (name.Length > CaseAttachment.FileNameMaxLength)
        {
            var ext = Path.GetExtension(name);
            if (ext.Length > 10) ext = "";
            name = name[..(CaseAttachment.FileNameMaxLength - ext.Length)] + ext;
        }
        return name;
    }
}
