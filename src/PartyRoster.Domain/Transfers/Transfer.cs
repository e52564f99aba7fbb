using System.Globalization;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;

namespace PartyRoster.Domain.Transfers;

/// <summary>
/// One transfer of party activity (chuyển sinh hoạt đảng, domain.md §5), of any <see cref="TransferKind"/>.
/// Each kind starts through its own factory, which checks the rules and changes the member's roll state or
/// cell in the same call, so the record and the roll never disagree.
/// </summary>
/// <remarks>
/// An official-out letter takes the member off this roll when it is issued (<see cref="RollState.TransferredOut"/>):
/// from then on they belong to the receiving organisation, and counting them here would count them twice.
/// The record itself stays open (<see cref="TransferStatus.InProgress"/>) until the receiving side's slip
/// (phiếu báo) is recorded; until then the presentation deadline and the late lists follow it.
/// </remarks>
public sealed class Transfer
{
    public const int LetterNumberMaxLength = 100;
    public const int OrganizationTextMaxLength = 300;
    public const int NoteMaxLength = 1000;

    private Transfer() { }

    private Transfer(TransferKind kind, TransferStatus status, DateOnly startedOn, string? letterNumber, string? note)
    {
        Kind = kind;
        Status = status;
        StartedOn = startedOn;
        LetterNumber = letterNumber;
        Note = Text(note, NoteMaxLength, "Ghi chú");
    }

    public int Id { get; private set; }
    public TransferKind Kind { get; private set; }
    public TransferStatus Status { get; private set; }

    /// <summary>The member concerned; null for a guest from another organisation (<see cref="TransferKind.TemporaryIn"/>).</summary>
    public int? MemberId { get; private set; }
    public Member? Member { get; private set; }

    /// <summary>Our cell the member leaves (official out, internal, temporary out).</summary>
    public int? FromCellId { get; private set; }
    /// <summary>Our cell the member joins (internal, official in) or the guest attends (temporary in).</summary>
    public int? ToCellId { get; private set; }

    /// <summary>The party organisation outside this đảng bộ: destination (out), origin (in) or the guest's home organisation.</summary>
    public string? ExternalOrganization { get; private set; }

    /// <summary>Số giấy giới thiệu sinh hoạt đảng (for an internal move: the decision or letter number, optional).</summary>
    public string? LetterNumber { get; private set; }

    /// <summary>The letter's date (out), the date received (in), the date of the move (internal), or the first day of a temporary period.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>Official out: the last day to present the letter, fixed when it is issued (it is printed on the letter).</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>Temporary transfers: the last day of the period.</summary>
    public DateOnly? PeriodEnd { get; private set; }
    public TemporaryPurpose? Purpose { get; private set; }

    /// <summary>Temporary in: the guest's name and party card number (a probationary member has no card yet).</summary>
    public string? GuestName { get; private set; }
    public string? GuestCardNumber { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The date on the receiving side's slip, of the return, of the end of the guest's period, or of the revocation.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public string? CompletionNote { get; private set; }

    public int Version { get; private set; }

    public void BumpVersion() => Version++;

    // ------------------------------------------------------------------ starting each kind

    /// <summary>
    /// Issues an official introduction letter to a party organisation outside this đảng bộ. The member leaves
    /// this roll (<see cref="RollState.TransferredOut"/>) on the letter's date; the deadline to present it is
    /// that date plus the working days of the rule in force then.
    /// </summary>
    public static Transfer IssueOfficialOut(Member member, IEnumerable<MemberProceeding> proceedings, string? letterNumber, DateOnly issuedOn,
        string? destination, string? note, WorkingDayCalendar calendar, RuleBook rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        NotInFuture(issuedOn, today, "Ngày cấp giấy giới thiệu");
        EnsureOnRoll(member);
        if (member.RollState == RollState.TemporarilyAway)
            throw new DomainException($"Đảng viên {member.FullName} đang sinh hoạt tạm thời nơi khác: hãy ghi nhận trở về trước khi chuyển sinh hoạt chính thức.");
        EnsureNotBlocked(member, proceedings, issuedOn);
        var letter = Required(letterNumber, LetterNumberMaxLength, "số giấy giới thiệu sinh hoạt đảng");
        var to = Required(destination, OrganizationTextMaxLength, "tổ chức đảng nơi chuyển đến");

        var transfer = new Transfer(TransferKind.OfficialOut, TransferStatus.InProgress, issuedOn, letter, note)
        {
            ExternalOrganization = to,
            Deadline = calendar.AddWorkingDays(issuedOn, rules.InForceOn(issuedOn).TransferPresentationWorkingDays.Value),
        };
        transfer.LeaveFrom(member);
        member.Leave(RollState.TransferredOut, issuedOn, $"Chuyển sinh hoạt đảng chính thức đến {to} (giấy giới thiệu số {letter}).");
        return transfer;
    }

    /// <summary>Moves a member from their cell to another cell of this đảng bộ, in one step; the roll state stays.</summary>
    public static Transfer MoveWithin(Member member, Organization toCell, IEnumerable<MemberProceeding> proceedings, DateOnly on,
        string? letterNumber, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(toCell);
        NotInFuture(on, today, "Ngày chuyển sinh hoạt");
        EnsureOnRoll(member);
        if (toCell.Id == member.OrganizationId)
            throw new DomainException($"Đảng viên {member.FullName} đang sinh hoạt tại {toCell.Name}: hãy chọn chi bộ khác.");
        EnsureNotBlocked(member, proceedings, on);

        var transfer = new Transfer(TransferKind.Internal, TransferStatus.Completed, on,
            Text(letterNumber, LetterNumberMaxLength, "Số văn bản"), note)
        {
            ToCellId = toCell.Id,
            CompletedOn = on,
        };
        transfer.LeaveFrom(member);
        member.PlaceIn(toCell);
        return transfer;
    }

    /// <summary>
    /// Records the reception of a member transferred officially from outside: <paramref name="member"/> is the
    /// record just created in the receiving cell from the papers.
    /// </summary>
    public static Transfer ReceiveOfficial(Member member, string? letterNumber, DateOnly receivedOn, string? origin, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        NotInFuture(receivedOn, today, "Ngày nhận giấy giới thiệu");
        EnsureOnRoll(member);
        if (receivedOn < member.AdmissionDecisionDate)
            throw new DomainException("Ngày nhận giấy giới thiệu không được trước ngày quyết định kết nạp.");
        var transfer = new Transfer(TransferKind.OfficialIn, TransferStatus.Completed, receivedOn,
            Required(letterNumber, LetterNumberMaxLength, "số giấy giới thiệu sinh hoạt đảng"), note)
        {
            ExternalOrganization = Required(origin, OrganizationTextMaxLength, "tổ chức đảng nơi chuyển đi"),
            Member = member,
            MemberId = member.Id,
            ToCellId = member.OrganizationId,
            CompletedOn = receivedOn,
        };
        return transfer;
    }

    /// <summary>Sends an active member to attend another organisation for a period; they are away until they return.</summary>
    public static Transfer SendTemporary(Member member, TemporaryPurpose purpose, DateOnly from, DateOnly to, string? letterNumber,
        string? destination, string? note, RuleBook rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(rules);
        NotInFuture(from, today, "Ngày bắt đầu sinh hoạt tạm thời");
        if (member.RollState != RollState.Active)
            throw new DomainException($"Chỉ chuyển sinh hoạt tạm thời cho đảng viên đang sinh hoạt; {member.FullName} đang ở trạng thái \"{member.RollState.DisplayName()}\".");
        CheckPeriod(purpose, from, to, rules.InForceOn(from));
        var transfer = new Transfer(TransferKind.TemporaryOut, TransferStatus.InProgress, from,
            Required(letterNumber, LetterNumberMaxLength, "số giấy giới thiệu sinh hoạt đảng tạm thời"), note)
        {
            ExternalOrganization = Required(destination, OrganizationTextMaxLength, "tổ chức đảng nơi đến sinh hoạt tạm thời"),
            Purpose = purpose,
            PeriodEnd = to,
        };
        transfer.LeaveFrom(member);
        member.SetRollStateOnRoll(RollState.TemporarilyAway);
        return transfer;
    }

    /// <summary>Registers a member of another organisation who attends <paramref name="cell"/> for a period (kept as a guest list).</summary>
    public static Transfer HostGuest(Organization cell, string? guestName, string? cardNumber, string? homeOrganization, TemporaryPurpose purpose,
        DateOnly from, DateOnly to, string? letterNumber, string? note, RuleBook rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(rules);
        if (!cell.Kind.HoldsMembers() || !cell.IsActive)
            throw new DomainException($"\"{cell.Name}\" không phải chi bộ đang hoạt động.");
        var name = VietnameseName.Normalize(guestName);
        if (name.Length == 0) throw new DomainException("Phải ghi họ và tên đảng viên đến sinh hoạt tạm thời.");
        if (name.Length > VietnameseName.NameMaxLength) throw new DomainException($"Họ và tên dài quá {VietnameseName.NameMaxLength} ký tự.");
        NotInFuture(from, today, "Ngày bắt đầu sinh hoạt tạm thời");
        CheckPeriod(purpose, from, to, rules.InForceOn(from));
        return new Transfer(TransferKind.TemporaryIn, TransferStatus.InProgress, from,
            Required(letterNumber, LetterNumberMaxLength, "số giấy giới thiệu sinh hoạt đảng tạm thời"), note)
        {
            ToCellId = cell.Id,
            GuestName = name,
            GuestCardNumber = Text(cardNumber, MemberRules.PartyCardMaxLength, "Số thẻ đảng viên"),
            ExternalOrganization = Required(homeOrganization, OrganizationTextMaxLength, "tổ chức đảng nơi đảng viên đang sinh hoạt chính thức"),
            Purpose = purpose,
            PeriodEnd = to,
        };
    }

    // ------------------------------------------------------------------ closing

    /// <summary>Records the receiving side's slip (phiếu báo): the member presented the letter. Closes the record.</summary>
    public void ConfirmPresented(DateOnly slipDate, string? note, DateOnly today)
    {
        EnsureInProgress(TransferKind.OfficialOut, "ghi nhận phiếu báo");
        Close(slipDate, today, "Ngày trên phiếu báo", "ngày cấp giấy giới thiệu", Text(note, NoteMaxLength, "Ghi chú"));
    }

    /// <summary>Withdraws a letter the member has not presented (issued by mistake, or the member stays): they are back on the roll.</summary>
    public void Revoke(Member member, DateOnly on, string? reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        EnsureInProgress(TransferKind.OfficialOut, "thu hồi giấy giới thiệu");
        EnsureSameMember(member);
        if (member.RollState != RollState.TransferredOut)
            throw new DomainException($"Đảng viên {member.FullName} đang ở trạng thái \"{member.RollState.DisplayName()}\", không thể thu hồi giấy giới thiệu.");
        var why = Required(reason, NoteMaxLength, "lý do thu hồi");
        Close(on, today, "Ngày thu hồi", "ngày cấp giấy giới thiệu", why);
        Status = TransferStatus.Revoked;
        member.Reinstate($"Thu hồi giấy giới thiệu sinh hoạt đảng số {LetterNumber}: {why}");
    }

    /// <summary>The member is back from a temporary transfer: active again in their own cell.</summary>
    public void RecordReturn(Member member, DateOnly on, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        EnsureInProgress(TransferKind.TemporaryOut, "ghi nhận trở về");
        EnsureSameMember(member);
        Close(on, today, "Ngày trở về", "ngày bắt đầu sinh hoạt tạm thời", Text(note, NoteMaxLength, "Ghi chú"));
        // A member who left the roll meanwhile (e.g. died) keeps that state: the record just closes.
        if (member.RollState == RollState.TemporarilyAway) member.SetRollStateOnRoll(RollState.Active);
    }

    /// <summary>A guest's temporary period at our cell is over (they returned to their own organisation).</summary>
    public void EndGuestVisit(DateOnly on, string? note, DateOnly today)
    {
        EnsureInProgress(TransferKind.TemporaryIn, "kết thúc sinh hoạt tạm thời");
        Close(on, today, "Ngày kết thúc", "ngày bắt đầu sinh hoạt tạm thời", Text(note, NoteMaxLength, "Ghi chú"));
    }

    // ------------------------------------------------------------------ what the lists ask

    /// <summary>An official-out letter still waiting for the receiving side's slip.</summary>
    public bool IsAwaitingSlip => Kind == TransferKind.OfficialOut && Status == TransferStatus.InProgress;

    /// <summary>
    /// Transfer papers late: an official-out letter whose presentation deadline has passed without the receiving
    /// side's slip. The deadline day itself is still on time.
    /// </summary>
    public bool IsPapersLate(DateOnly today) => IsAwaitingSlip && today > Deadline;

    /// <summary>
    /// More than the rule's months (3) late: the member goes on the grassroots committee's list for handling.
    /// Exactly three months after the deadline is not yet "more than".
    /// </summary>
    public bool IsReportable(DateOnly today, RuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return IsPapersLate(today) && today > Deadline!.Value.AddMonths(rules.InForceOn(StartedOn).TransferLateReportMonths.Value);
    }

    /// <summary>Calendar days past the deadline (0 or less while on time).</summary>
    public int DaysLate(DateOnly today) => Deadline is { } d ? today.DayNumber - d.DayNumber : 0;

    /// <summary>Working days left to present the letter, counting from the day after today; negative once late.</summary>
    public int WorkingDaysLeft(DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Deadline is { } d ? calendar.WorkingDaysBetween(today, d) : 0;
    }

    /// <summary>A temporary period that has ended without the return (or the guest's departure) being recorded.</summary>
    public bool IsPastPeriodEnd(DateOnly today) =>
        Kind is TransferKind.TemporaryOut or TransferKind.TemporaryIn && Status == TransferStatus.InProgress && today > PeriodEnd;

    /// <summary>The slip came back after the deadline (shown in the history; the member was late but did present).</summary>
    public bool WasPresentedLate => Kind == TransferKind.OfficialOut && Status == TransferStatus.Completed && CompletedOn > Deadline;

    /// <summary>The first open proceeding that forbids an official or internal transfer of the member on <paramref name="on"/>, if any.</summary>
    public static MemberProceeding? FindBlocking(IEnumerable<MemberProceeding> proceedings, int memberId, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(proceedings);
        return proceedings
            .Where(p => p.MemberId == memberId && p.Kind.BlocksOfficialTransfer() && (p.IsOpen || p.IsOpenOn(on)))
            .OrderBy(p => p.OpenedOn).FirstOrDefault();
    }

    /// <summary>Why <paramref name="member"/> cannot be transferred while <paramref name="proceeding"/> is open, naming it.</summary>
    public static string BlockedMessage(Member member, MemberProceeding proceeding)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(proceeding);
        return $"Không thể chuyển sinh hoạt đảng: đảng viên {member.FullName} đang trong việc \"{proceeding.Kind.DisplayName()}\" "
            + $"(văn bản số {proceeding.Reference}, từ ngày {Date(proceeding.OpenedOn)}) chưa kết thúc. "
            + "Chỉ chuyển sinh hoạt khi Ủy ban Kiểm tra đã kết thúc việc này.";
    }

    /// <summary>
    /// Temporary period rules (domain.md §5): from the minimum months (3) to under the maximum (12); study up to
    /// its own maximum (24). Months are calendar months from the first day.
    /// </summary>
    public static void CheckPeriod(TemporaryPurpose purpose, DateOnly from, DateOnly to, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!Enum.IsDefined(purpose)) throw new DomainException("Lý do sinh hoạt tạm thời không hợp lệ.");
        if (to <= from) throw new DomainException("Ngày kết thúc sinh hoạt tạm thời phải sau ngày bắt đầu.");
        var min = rules.TemporaryTransferMinMonths.Value;
        if (to < from.AddMonths(min))
            throw new DomainException($"Sinh hoạt tạm thời phải từ {min} tháng trở lên; đi dưới {min} tháng thì đảng viên chỉ cần mang theo thẻ đảng viên.");
        if (purpose == TemporaryPurpose.Study)
        {
            var study = rules.StudyTransferMaxMonths.Value;
            if (to > from.AddMonths(study))
                throw new DomainException($"Sinh hoạt tạm thời khi đi học tập không quá {study} tháng (đến ngày {Date(from.AddMonths(study))}).");
        }
        else
        {
            var max = rules.TemporaryTransferMaxMonths.Value;
            if (to >= from.AddMonths(max))
                throw new DomainException($"Sinh hoạt tạm thời vì công tác hoặc nơi ở phải dưới {max} tháng (kết thúc trước ngày {Date(from.AddMonths(max))}); lâu hơn thì chuyển sinh hoạt chính thức.");
        }
    }

    // ------------------------------------------------------------------ guards

    private void LeaveFrom(Member member)
    {
        Member = member;
        MemberId = member.Id;
        FromCellId = member.OrganizationId;
    }

    private void EnsureInProgress(TransferKind kind, string action)
    {
        if (Kind != kind)
            throw new DomainException($"Không thể {action} cho việc \"{Kind.DisplayName()}\".");
        if (Status != TransferStatus.InProgress)
            throw new DomainException($"Không thể {action}: việc này đã ở trạng thái \"{Status.DisplayName(Kind)}\".");
    }

    private void EnsureSameMember(Member member)
    {
        if (member.Id != MemberId) throw new InvalidOperationException("The member is not the one this transfer concerns.");
    }

    private void Close(DateOnly on, DateOnly today, string what, string startName, string? note)
    {
        NotInFuture(on, today, what);
        if (on < StartedOn) throw new DomainException($"{what} không được trước {startName} ({Date(StartedOn)}).");
        Status = TransferStatus.Completed;
        CompletedOn = on;
        CompletionNote = note;
    }

    private static void EnsureOnRoll(Member member)
    {
        if (!member.IsOnRoll)
            throw new DomainException($"Đảng viên {member.FullName} không còn trong danh sách (\"{member.RollState.DisplayName()}\"), không thể chuyển sinh hoạt.");
    }

    private static void EnsureNotBlocked(Member member, IEnumerable<MemberProceeding> proceedings, DateOnly on)
    {
        if (FindBlocking(proceedings, member.Id, on) is { } p) throw new DomainException(BlockedMessage(member, p));
    }

    private static void NotInFuture(DateOnly date, DateOnly today, string what)
    {
        if (date > today) throw new DomainException($"{what} không được sau ngày hôm nay.");
    }

    private static string Required(string? text, int max, string what)
    {
        var cleaned = Text(text, max, char.ToUpper(what[0], CultureInfo.InvariantCulture) + what[1..]);
        return cleaned ?? throw new DomainException($"Phải ghi {what}.");
    }

    private static string? Text(string? text, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Trim();
        if (cleaned.Length > max) throw new DomainException($"{what} dài quá {max} ký tự.");
        return cleaned;
    }

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
