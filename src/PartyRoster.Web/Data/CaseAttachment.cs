namespace PartyRoster.Web.Data;

/// <summary>
/// A file scanned or uploaded for a screening case (a signed resolution, minutes, a self-criticism). The
/// bytes live on disk (<see cref="Infrastructure.AttachmentStore"/>, ADR-006); this row is the index of
/// them, with the SHA-256 that proves the file on disk is the one uploaded.
/// </summary>
public sealed class CaseAttachment
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int Sha256Length = 64;
    public const int StoredNameMaxLength = 100;
    public const int UserIdMaxLength = 450;

    public int Id { get; set; }
    public int ScreeningCaseId { get; set; }
    /// <summary>The step this file documents (<see cref="Domain.Screening.ScreeningStep.Sequence"/>); null for the case as a whole.</summary>
    public int? StepSequence { get; set; }
    /// <summary>The name the file had on the uploader's computer, for display and download only.</summary>
    public string FileName { get; set; } = "";
    /// <summary>What the bytes were verified to be (application/pdf, image/jpeg, image/png), not what the browser said.</summary>
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>Lower-case hex SHA-256 of the bytes as uploaded.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The file's name on disk: generated, never derived from user input.</summary>
    public string StoredName { get; set; } = "";
    public string UploadedByUserId { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
}
