using System.Security.Cryptography;
using PartyRoster.Domain;

namespace PartyRoster.Web.Infrastructure;

/// <summary>A kind of file the app accepts, recognised by its first bytes (its "magic number").</summary>
public sealed record FileKind(string ContentType, string Extension, byte[] Magic);

/// <summary>What <see cref="FileSignatures.CopyCheckedAsync"/> learned while copying an upload.</summary>
public sealed record CheckedCopy(long Size, string Sha256, byte[] Header);

/// <summary>
/// The checks shared by every upload (case attachments, member photos): the kind comes from the file's first
/// bytes — the browser's content type and the extension are the uploader's claim, not evidence — and the size
/// limit is enforced while copying, so an oversized upload never lands on disk whole.
/// </summary>
public static class FileSignatures
{
    public static readonly FileKind Pdf = new("application/pdf", ".pdf", "%PDF-"u8.ToArray());
    public static readonly FileKind Jpeg = new("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]);
    public static readonly FileKind Png = new("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Enough leading bytes for every kind above.</summary>
    private const int HeaderLength = 16;

    /// <summary>The first of <paramref name="accepted"/> whose magic bytes start <paramref name="header"/>, or null.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> header, IEnumerable<FileKind> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        foreach (var kind in accepted)
        {
            if (header.StartsWith(kind.Magic)) return kind;
        }
        return null;
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a new file at <paramref name="path"/>, hashing it (SHA-256) as it goes.
    /// Throws <see cref="DomainException"/> with <paramref name="tooLargeMessage"/> past <paramref name="maxBytes"/>
    /// and with <paramref name="emptyMessage"/> for an empty file; the caller deletes <paramref name="path"/> then.
    /// </summary>
    public static async Task<CheckedCopy> CopyCheckedAsync(Stream content, string path, long maxBytes,
        string tooLargeMessage, string emptyMessage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[HeaderLength];
        var headerFilled = 0;
        long size = 0;
        var buffer = new byte[81920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                // Stop reading at the limit rather than after the whole upload has been written to disk.
                if (size > maxBytes) throw new DomainException(tooLargeMessage);
                if (headerFilled < header.Length)
                {
                    var n = Math.Min(read, header.Length - headerFilled);
                    Array.Copy(buffer, 0, header, headerFilled, n);
                    headerFilled += n;
                }
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        if (size == 0) throw new DomainException(emptyMessage);
        return new CheckedCopy(size, Convert.ToHexStringLower(hash.GetHashAndReset()), header[..headerFilled]);
    }

    /// <summary>
    /// Whether <paramref name="storedName"/> is a bare generated file name: anything else read back from a
    /// column is tampering, never a path to follow.
    /// </summary>
    public static bool IsSafeStoredName(string? storedName) =>
        !string.IsNullOrEmpty(storedName) && Path.GetFileName(storedName) == storedName && !storedName.StartsWith('.');

    public static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
