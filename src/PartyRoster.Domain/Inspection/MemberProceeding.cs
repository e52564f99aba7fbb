namespace PartyRoster.Domain.Inspection;

/// <summary>What kind of proceeding is open about a member (domain.md §5, §6).</summary>
public enum ProceedingKind
{
    /// <summary>Kiểm tra đảng viên khi có dấu hiệu vi phạm.</summary>
    Inspection = 1,
    /// <summary>Giải quyết tố cáo, khiếu nại liên quan đến đảng viên.</summary>
    Complaint = 2,
    /// <summary>Đình chỉ sinh hoạt đảng (pending a discipline decision).</summary>
    Suspension = 3,
}

public static class ProceedingKindNames
{
    public static string DisplayName(this ProceedingKind kind) => kind switch
    {
        ProceedingKind.Inspection => "Kiểm tra khi có dấu hiệu vi phạm",
        ProceedingKind.Complaint => "Giải quyết tố cáo, khiếu nại",
        ProceedingKind.Suspension => "Đình chỉ sinh hoạt đảng",
        _ => kind.ToString(),
    };

    /// <summary>No official transfer while the member is under inspection or a complaint about them is open (domain.md §5).</summary>
    public static bool BlocksOfficialTransfer(this ProceedingKind kind) => kind is ProceedingKind.Inspection or ProceedingKind.Complaint;

    /// <summary>Suspended members are not rated for the year (domain.md §6).</summary>
    public static bool ExcludesFromRating(this ProceedingKind kind) => kind == ProceedingKind.Suspension;
}

/// <summary>
/// An inspection, complaint or suspension concerning one member, opened and closed by the inspection
/// commission. While open it blocks official transfers (inspection, complaint) or the annual rating
/// (suspension). Its content stays with the UBKT's own files: here only the fact, the dates and the document.
/// </summary>
public sealed class MemberProceeding
{
    public const int ReferenceMaxLength = 100;
    public const int TextMaxLength = 2000;

    private MemberProceeding() { Reference = ""; }

    /// <param name="today">Today's date in Vietnam, passed in so the rule is testable without a clock.</param>
    public MemberProceeding(int memberId, ProceedingKind kind, DateOnly openedOn, string? reference, string? summary, DateOnly today)
    {
        if (memberId <= 0) throw new DomainException("Đảng viên không hợp lệ.");
        if (!Enum.IsDefined(kind)) throw new DomainException("Loại việc không hợp lệ.");
        if (openedOn > today) throw new DomainException("Ngày bắt đầu không được sau ngày hôm nay.");
        reference = Clean(reference) ?? throw new DomainException("Phải ghi số, ký hiệu văn bản (quyết định, thông báo) mở việc.");
        if (reference.Length > ReferenceMaxLength) throw new DomainException($"Số văn bản dài quá {ReferenceMaxLength} ký tự.");
        summary = Clean(summary);
        if (summary is { Length: > TextMaxLength }) throw new DomainException($"Nội dung dài quá {TextMaxLength} ký tự.");
        MemberId = memberId;
        Kind = kind;
        OpenedOn = openedOn;
        Reference = reference;
        Summary = summary;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public ProceedingKind Kind { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public string Reference { get; private set; }
    public string? Summary { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosingNote { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => ClosedOn is null;

    /// <summary>Open on <paramref name="date"/>: opened on or before it and not yet closed by then.</summary>
    public bool IsOpenOn(DateOnly date) => OpenedOn <= date && (ClosedOn is null || ClosedOn > date);

    public void BumpVersion() => Version++;

    public void Close(DateOnly on, string? note, DateOnly today)
    {
        if (ClosedOn is not null) throw new DomainException($"Việc này đã kết thúc ngày {ClosedOn.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.");
        if (on < OpenedOn) throw new DomainException("Ngày kết thúc không được trước ngày bắt đầu.");
        if (on > today) throw new DomainException("Ngày kết thúc không được sau ngày hôm nay.");
        note = Clean(note) ?? throw new DomainException("Phải ghi kết luận hoặc văn bản kết thúc.");
        if (note.Length > TextMaxLength) throw new DomainException($"Kết luận dài quá {TextMaxLength} ký tự.");
        ClosedOn = on;
        ClosingNote = note;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
