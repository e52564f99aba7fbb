using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Reports;

/// <summary>
/// Why a member was taken out of the party, as committees report it ("205 removed, of which 38 for Charter
/// violations, 129 for transfer violations, 13 expelled, 25 withdrew"). See ADR-012 for how members who left
/// without a case in the system are counted.
/// </summary>
public enum RemovalReason
{
    /// <summary>Xóa tên do vi phạm Điều lệ: every removal from the roll not grounded on the transfer rules.</summary>
    CharterViolation = 1,
    /// <summary>Xóa tên do vi phạm quy định chuyển sinh hoạt đảng (<see cref="DirectRemovalGround.TransferViolation"/>).</summary>
    TransferViolation = 2,
    /// <summary>Khai trừ.</summary>
    Expelled = 3,
    /// <summary>Xin ra khỏi Đảng.</summary>
    Withdrew = 4,
}

/// <summary>Where a member put on the education-and-help list stands now (domain.md §3.2).</summary>
public enum HelpOutcome
{
    /// <summary>On the list, being helped, reviewed or balloted in the cell.</summary>
    UnderHelp = 1,
    /// <summary>The cell proposed removal; the levels above are considering it.</summary>
    Considering = 2,
    ProgressRecognized = 3,
    RemovedFromRoll = 4,
    Expelled = 5,
    /// <summary>Withdrawn as moot, or reinstated on appeal.</summary>
    Closed = 6,
}

public static class ReportCategories
{
    public static readonly RemovalReason[] RemovalReasons = Enum.GetValues<RemovalReason>();

    public static readonly HelpOutcome[] HelpOutcomes = Enum.GetValues<HelpOutcome>();

    /// <summary>Roll states that count as taken out of the party (not transfers out, not deaths).</summary>
    public static readonly RollState[] RemovalStates = [RollState.RemovedFromRoll, RollState.Expelled, RollState.Withdrew];

    public static string DisplayName(this RemovalReason r) => r switch
    {
        RemovalReason.CharterViolation => "Xóa tên do vi phạm Điều lệ Đảng",
        RemovalReason.TransferViolation => "Xóa tên do vi phạm quy định chuyển sinh hoạt đảng",
        RemovalReason.Expelled => "Khai trừ",
        RemovalReason.Withdrew => "Xin ra khỏi Đảng",
        _ => r.ToString(),
    };

    /// <summary>Short label for charts and narrow columns.</summary>
    public static string ShortName(this RemovalReason r) => r switch
    {
        RemovalReason.CharterViolation => "Vi phạm Điều lệ",
        RemovalReason.TransferViolation => "Vi phạm chuyển sinh hoạt",
        RemovalReason.Expelled => "Khai trừ",
        RemovalReason.Withdrew => "Xin ra khỏi Đảng",
        _ => r.ToString(),
    };

    public static string DisplayName(this HelpOutcome o) => o switch
    {
        HelpOutcome.UnderHelp => "Đang giáo dục, giúp đỡ",
        HelpOutcome.Considering => "Đang xem xét xử lý",
        HelpOutcome.ProgressRecognized => "Đã tiến bộ",
        HelpOutcome.RemovedFromRoll => "Đã xóa tên",
        HelpOutcome.Expelled => "Đã khai trừ",
        HelpOutcome.Closed => "Rút hồ sơ, khôi phục",
        _ => o.ToString(),
    };

    /// <summary>The reason a member in a removal state is counted under; null for any other state.</summary>
    /// <param name="removedForTransfer">The decision that removed the member rests on the transfer-violation ground.</param>
    public static RemovalReason? ReasonFor(RollState state, bool removedForTransfer) => state switch
    {
        RollState.RemovedFromRoll => removedForTransfer ? RemovalReason.TransferViolation : RemovalReason.CharterViolation,
        RollState.Expelled => RemovalReason.Expelled,
        RollState.Withdrew => RemovalReason.Withdrew,
        _ => null,
    };

    /// <summary>The outcome of an education-track case from its status (and, while an appeal is pending, the decision it appeals).</summary>
    public static HelpOutcome OutcomeOf(ScreeningStatus status, ScreeningStatus? decidedStatus) => status switch
    {
        ScreeningStatus.ProgressRecognized => HelpOutcome.ProgressRecognized,
        ScreeningStatus.RemovedFromRoll => HelpOutcome.RemovedFromRoll,
        ScreeningStatus.Expelled => HelpOutcome.Expelled,
        // The decision applies while the appeal is pending (domain.md §3.2 step 11).
        ScreeningStatus.Appealed => decidedStatus == ScreeningStatus.Expelled ? HelpOutcome.Expelled : HelpOutcome.RemovedFromRoll,
        ScreeningStatus.RemovalProposed or ScreeningStatus.Forwarded or ScreeningStatus.Verified or ScreeningStatus.Advised => HelpOutcome.Considering,
        ScreeningStatus.Withdrawn or ScreeningStatus.Reinstated or ScreeningStatus.Dropped or ScreeningStatus.Withdrew => HelpOutcome.Closed,
        _ => HelpOutcome.UnderHelp,
    };

    /// <summary>The case statuses behind an outcome, for a link to the case list.</summary>
    /// <remarks>A pending appeal is listed under both removal outcomes: the list cannot tell the decision appealed.</remarks>
    public static IReadOnlyList<ScreeningStatus> StatusesOf(HelpOutcome outcome) =>
        Enum.GetValues<ScreeningStatus>().Where(s => s.IsOnHelpList()
            && (s == ScreeningStatus.Appealed ? outcome is HelpOutcome.RemovedFromRoll or HelpOutcome.Expelled : OutcomeOf(s, null) == outcome)).ToList();

    /// <summary>Statuses a case reaches only after the cell voted the member onto the list.</summary>
    public static bool IsOnHelpList(this ScreeningStatus s) =>
        s is not (ScreeningStatus.Proposed or ScreeningStatus.Directed or ScreeningStatus.Dropped or ScreeningStatus.Withdrew);
}
