using System.Globalization;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;

namespace PartyRoster.Domain.Exemptions;

/// <summary>Why the cell exempts a member from work and party activities (domain.md §5).</summary>
public enum ExemptionGround
{
    /// <summary>Tuổi cao.</summary>
    Age = 1,
    /// <summary>Sức khỏe yếu, ốm đau.</summary>
    Illness = 2,
    /// <summary>Đi làm ăn xa: a temporary exemption, with an end date.</summary>
    WorkingAway = 3,
}

public static class ExemptionGroundNames
{
    public static string DisplayName(this ExemptionGround ground) => ground switch
    {
        ExemptionGround.Age => "Tuổi cao",
        ExemptionGround.Illness => "Sức khỏe yếu, ốm đau",
        ExemptionGround.WorkingAway => "Đi làm ăn xa (miễn tạm thời)",
        _ => ground.ToString(),
    };

    /// <summary>A temporary exemption must say until when.</summary>
    public static bool RequiresEndDate(this ExemptionGround ground) => ground == ExemptionGround.WorkingAway;
}

/// <summary>
/// An exemption from work and party activities (miễn công tác và sinh hoạt đảng), granted by the cell's
/// resolution and ended when the member returns to activity. Granting and returning change the member's roll
/// state in the same save; while exempt the member is left out of attendance, voting bases and ratings.
/// </summary>
public sealed class Exemption
{
    public const int ResolutionMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private Exemption() { ResolutionNumber = ""; }

    private Exemption(int memberId, int cellId, ExemptionGround ground, DateOnly startsOn, DateOnly? endsOn,
        string resolutionNumber, DateOnly resolutionDate, string? note)
    {
        MemberId = memberId;
        CellId = cellId;
        Ground = ground;
        StartsOn = startsOn;
        EndsOn = endsOn;
        ResolutionNumber = resolutionNumber;
        ResolutionDate = resolutionDate;
        Note = note;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    /// <summary>The cell whose resolution granted it.</summary>
    public int CellId { get; private set; }
    public ExemptionGround Ground { get; private set; }
    public DateOnly StartsOn { get; private set; }
    /// <summary>Until when the resolution grants it (required for working away); the member returns only by <see cref="Return"/>.</summary>
    public DateOnly? EndsOn { get; private set; }
    public string ResolutionNumber { get; private set; }
    public DateOnly ResolutionDate { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The day the member returned to activity; null while exempt.</summary>
    public DateOnly? ReturnedOn { get; private set; }
    public string? ReturnNote { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => ReturnedOn is null;

    /// <summary>The days the member was (or is) exempt, for the rating's eligibility rule.</summary>
    public DatePeriod Period => new(StartsOn, ReturnedOn);

    /// <summary>Still open after the end date the resolution gave: the cell must complete the return (nothing changes by itself).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && EndsOn is { } end && end < today;

    public void BumpVersion() => Version++;

    /// <summary>
    /// Grants an exemption by the cell's resolution and sets the member's roll state to exempt. A member whose
    /// state is already exempt without a recorded exemption (kept before this record existed) gets the
    /// resolution recorded, and the state stays.
    /// </summary>
    /// <param name="open">The member's open exemption, if any (only one may be open).</param>
    /// <param name="today">Today's date in Vietnam, passed in so the rule is testable without a clock.</param>
    public static Exemption Grant(Member member, Exemption? open, ExemptionGround ground, DateOnly startsOn, DateOnly? endsOn,
        string? resolutionNumber, DateOnly resolutionDate, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (open is { IsOpen: true })
            throw new DomainException($"Đảng viên đang được miễn công tác và sinh hoạt từ ngày {D(open.StartsOn)} (nghị quyết số {open.ResolutionNumber}).");
        if (!member.IsOnRoll)
            throw new DomainException($"Đảng viên đang ở trạng thái “{member.RollState.DisplayName()}”, không thể miễn công tác và sinh hoạt.");
        if (member.RollState == RollState.TemporarilyAway)
            throw new DomainException("Đảng viên đang sinh hoạt tạm thời nơi khác: hãy kết thúc sinh hoạt tạm thời trước khi chi bộ xét miễn.");
        if (!Enum.IsDefined(ground)) throw new DomainException("Lý do miễn không hợp lệ.");
        resolutionNumber = Clean(resolutionNumber) ?? throw new DomainException("Phải ghi số nghị quyết của chi bộ.");
        if (resolutionNumber.Length > ResolutionMaxLength) throw new DomainException($"Số nghị quyết dài quá {ResolutionMaxLength} ký tự.");
        if (resolutionDate > today) throw new DomainException("Ngày nghị quyết không được sau ngày hôm nay.");
        if (startsOn < resolutionDate) throw new DomainException("Ngày bắt đầu miễn không được trước ngày chi bộ ra nghị quyết.");
        if (startsOn > today) throw new DomainException("Ngày bắt đầu miễn không được sau ngày hôm nay: hãy ghi nhận khi việc miễn đã có hiệu lực.");
        if (ground.RequiresEndDate() && endsOn is null)
            throw new DomainException("Miễn vì đi làm ăn xa là miễn tạm thời: phải ghi ngày kết thúc.");
        if (endsOn is { } end && end <= startsOn) throw new DomainException("Ngày kết thúc miễn phải sau ngày bắt đầu.");
        note = Clean(note);
        if (note is { Length: > NoteMaxLength }) throw new DomainException($"Ghi chú dài quá {NoteMaxLength} ký tự.");

        if (member.RollState == RollState.Active) member.SetRollStateOnRoll(RollState.ExemptFromActivities);
        return new Exemption(member.Id, member.OrganizationId, ground, startsOn, endsOn, resolutionNumber, resolutionDate, note);
    }

    /// <summary>The member returns to activity (trở lại sinh hoạt): the exemption ends and the member is active again.</summary>
    public void Return(Member member, DateOnly on, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Id != MemberId) throw new ArgumentException("The exemption belongs to another member.", nameof(member));
        if (ReturnedOn is { } returned) throw new DomainException($"Đảng viên đã trở lại sinh hoạt ngày {D(returned)}.");
        if (!member.IsOnRoll)
            throw new DomainException($"Đảng viên đang ở trạng thái “{member.RollState.DisplayName()}”, không thể ghi trở lại sinh hoạt.");
        if (on <= StartsOn) throw new DomainException($"Ngày trở lại sinh hoạt phải sau ngày bắt đầu miễn ({D(StartsOn)}).");
        if (on > today) throw new DomainException("Ngày trở lại sinh hoạt không được sau ngày hôm nay.");
        note = Clean(note);
        if (note is { Length: > NoteMaxLength }) throw new DomainException($"Ghi chú dài quá {NoteMaxLength} ký tự.");

        if (member.RollState == RollState.ExemptFromActivities) member.SetRollStateOnRoll(RollState.Active);
        ReturnedOn = on;
        ReturnNote = note;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
