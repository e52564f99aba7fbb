namespace PartyRoster.Domain.CellLife;

/// <summary>Loại buổi sinh hoạt chi bộ (domain.md §4).</summary>
public enum MeetingKind
{
    Regular = 1,
    Thematic = 2,
    Extraordinary = 3,
}

/// <summary>One member's attendance at a meeting.</summary>
public enum AttendanceStatus
{
    Present = 1,
    AbsentWithReason = 2,
    AbsentWithoutReason = 3,
}

public static class MeetingNames
{
    public static string DisplayName(this MeetingKind kind) => kind switch
    {
        MeetingKind.Regular => "Sinh hoạt thường kỳ",
        MeetingKind.Thematic => "Sinh hoạt chuyên đề",
        MeetingKind.Extraordinary => "Sinh hoạt bất thường",
        _ => kind.ToString(),
    };

    public static string DisplayName(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.AbsentWithReason => "Vắng có lý do",
        AttendanceStatus.AbsentWithoutReason => "Vắng không lý do",
        _ => status.ToString(),
    };
}

/// <summary>An attendance line as entered: who, and whether they came.</summary>
public sealed record AttendanceEntry(int MemberId, AttendanceStatus Status, string? Reason);

/// <summary>
/// A cell meeting (sinh hoạt chi bộ) and its attendance. The rule "at most one regular meeting per cell
/// per month" spans meetings, so the web layer checks it with a query before saving.
/// </summary>
public sealed class Meeting
{
    public const int TopicMaxLength = 500;
    public const int TextMaxLength = 4000;

    private readonly List<Attendance> _attendance = [];

    private Meeting() { }

    /// <param name="today">Today's date in Vietnam, passed in so the rule is testable without a clock.</param>
    public Meeting(int cellId, DateOnly heldOn, MeetingKind kind, string? topic, string? minutesSummary, string? resolutions, DateOnly today)
    {
        if (heldOn > today) throw new DomainException("Ngày sinh hoạt không được sau ngày hôm nay.");
        if (!Enum.IsDefined(kind)) throw new DomainException("Loại buổi sinh hoạt không hợp lệ.");
        topic = Clean(topic);
        if (kind == MeetingKind.Thematic && topic is null)
            throw new DomainException("Buổi sinh hoạt chuyên đề phải có chủ đề.");
        if (topic is { Length: > TopicMaxLength }) throw new DomainException($"Chủ đề dài quá {TopicMaxLength} ký tự.");
        minutesSummary = Clean(minutesSummary);
        resolutions = Clean(resolutions);
        if (minutesSummary is { Length: > TextMaxLength }) throw new DomainException($"Tóm tắt biên bản dài quá {TextMaxLength} ký tự.");
        if (resolutions is { Length: > TextMaxLength }) throw new DomainException($"Nghị quyết, kết luận dài quá {TextMaxLength} ký tự.");
        CellId = cellId;
        HeldOn = heldOn;
        Kind = kind;
        Topic = topic;
        MinutesSummary = minutesSummary;
        Resolutions = resolutions;
    }

    public int Id { get; private set; }
    public int CellId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public MeetingKind Kind { get; private set; }
    public string? Topic { get; private set; }
    public string? MinutesSummary { get; private set; }
    public string? Resolutions { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyCollection<Attendance> AttendanceList => _attendance.AsReadOnly();

    public void BumpVersion() => Version++;

    /// <summary>Records (or corrects) one member's attendance.</summary>
    public void RecordAttendance(int memberId, AttendanceStatus status, string? reason)
    {
        var cleaned = Validate(memberId, status, reason);
        var existing = _attendance.Find(a => a.MemberId == memberId);
        if (existing is null) _attendance.Add(new Attendance(memberId, status, cleaned));
        else existing.Set(status, cleaned);
    }

    /// <summary>
    /// Replaces the whole attendance list. Every expected member of the cell must have exactly one line and
    /// nobody else may: the whole list is checked before anything changes.
    /// </summary>
    public void SetAttendance(IEnumerable<AttendanceEntry> entries, IReadOnlySet<int> cellMemberIds)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(cellMemberIds);
        var list = entries.ToList();
        var outsiders = list.Where(e => !cellMemberIds.Contains(e.MemberId)).Select(e => e.MemberId).Distinct().ToList();
        if (outsiders.Count > 0)
            throw new DomainException($"Có {outsiders.Count} dòng điểm danh cho người không thuộc danh sách sinh hoạt của chi bộ.");
        if (list.Select(e => e.MemberId).Distinct().Count() != list.Count)
            throw new DomainException("Một đảng viên được điểm danh hai lần.");
        var missing = cellMemberIds.Count(id => list.TrueForAll(e => e.MemberId != id));
        if (missing > 0) throw new DomainException($"Còn {missing} đảng viên của chi bộ chưa được điểm danh.");
        foreach (var e in list) Validate(e.MemberId, e.Status, e.Reason);

        _attendance.RemoveAll(a => !cellMemberIds.Contains(a.MemberId));
        foreach (var e in list) RecordAttendance(e.MemberId, e.Status, e.Reason);
    }

    private static string? Validate(int memberId, AttendanceStatus status, string? reason)
    {
        if (memberId <= 0) throw new DomainException("Đảng viên điểm danh không hợp lệ.");
        if (!Enum.IsDefined(status)) throw new DomainException("Tình trạng điểm danh không hợp lệ.");
        var cleaned = Clean(reason);
        if (status == AttendanceStatus.AbsentWithReason && cleaned is null)
            throw new DomainException("Vắng có lý do thì phải ghi lý do.");
        if (cleaned is { Length: > Attendance.ReasonMaxLength })
            throw new DomainException($"Lý do vắng dài quá {Attendance.ReasonMaxLength} ký tự.");
        // A present member has no absence reason to keep.
        return status == AttendanceStatus.Present ? null : cleaned;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One member's attendance line; part of the <see cref="Meeting"/> aggregate.</summary>
public sealed class Attendance
{
    public const int ReasonMaxLength = 500;

    private Attendance() { }

    internal Attendance(int memberId, AttendanceStatus status, string? reason)
    {
        MemberId = memberId;
        Status = status;
        Reason = reason;
    }

    public int MeetingId { get; private set; }
    public int MemberId { get; private set; }
    public AttendanceStatus Status { get; private set; }
    public string? Reason { get; private set; }

    internal void Set(AttendanceStatus status, string? reason)
    {
        Status = status;
        Reason = reason;
    }
}
