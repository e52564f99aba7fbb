namespace PartyRoster.Domain.Screening;

/// <summary>How a case entered the workflow (domain.md §3.2, §3.3).</summary>
public enum ScreeningTrack
{
    /// <summary>Giáo dục, giúp đỡ: list, 12 months' help, final ballot.</summary>
    Education = 1,
    /// <summary>Xóa tên trực tiếp (§3.3): self-criticism, cell ballot, then up the chain; no help period.</summary>
    DirectRemoval = 2,
    /// <summary>Xin ra khỏi Đảng: decided by the level that approves admissions.</summary>
    VoluntaryWithdrawal = 3,
}

/// <summary>Where a screening case stands. Values are explicit because they are stored.</summary>
public enum ScreeningStatus
{
    Proposed = 1,
    Directed = 2,
    Listed = 3,
    UnderHelp = 4,
    FinalReview = 5,
    /// <summary>At least one ballot round reached neither side.</summary>
    Ballot = 6,
    /// <summary>Too many inconclusive rounds: the superior committee decides.</summary>
    Escalated = 7,
    ProgressRecognized = 8,
    RemovalProposed = 9,
    Forwarded = 10,
    /// <summary>The UBKT's conclusion is recorded.</summary>
    Verified = 11,
    Advised = 12,
    RemovedFromRoll = 13,
    Expelled = 14,
    /// <summary>Voluntary withdrawal decided.</summary>
    Withdrew = 15,
    Appealed = 16,
    /// <summary>Appeal upheld, member back on the roll.</summary>
    Reinstated = 17,
    /// <summary>Struck by the superior's direction, not voted onto the list, or not proposed by the cell.</summary>
    Dropped = 18,
    /// <summary>The case became moot (death, transfer with hand-over, another case took over).</summary>
    Withdrawn = 19,
}

/// <summary>Every action on a case: one intent-named method of <see cref="ScreeningCase"/> each.</summary>
public enum ScreeningAction
{
    Propose = 1,
    ProposeDirectRemoval = 2,
    RequestWithdrawal = 3,
    Direct = 4,
    RecordListBallot = 5,
    RecordSelfCriticism = 6,
    RecordSelfCriticismRefused = 7,
    AssignHelper = 8,
    AddProgressNote = 9,
    RecordFinalReview = 10,
    RecordBallot = 11,
    ResolveEscalation = 12,
    Forward = 13,
    RecordVerification = 14,
    Advise = 15,
    Decide = 16,
    DecideWithdrawal = 17,
    LodgeAppeal = 18,
    ResolveAppeal = 19,
    Withdraw = 20,
}

/// <summary>Criteria that put a member on the education-and-help list (domain.md §3.1).</summary>
public enum ReasonCode
{
    C1 = 1,
    C2 = 2,
    C3 = 3,
    C4 = 4,
    C5 = 5,
}

/// <summary>Grounds for direct removal (domain.md §3.3; Điều lệ Đảng Điều 8 and its implementing rules).</summary>
public enum DirectRemovalGround
{
    /// <summary>Bỏ sinh hoạt chi bộ 3 tháng trong năm không có lý do chính đáng.</summary>
    MissedMeetings = 1,
    /// <summary>Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng.</summary>
    UnpaidDues = 2,
    /// <summary>Trả lại hoặc hủy thẻ đảng viên.</summary>
    ReturnedPartyCard = 3,
    /// <summary>Hai năm liền vi phạm tư cách đảng viên.</summary>
    TwoYearsViolatingStandards = 4,
    /// <summary>Không bảo đảm tiêu chuẩn chính trị.</summary>
    FailsPoliticalStandard = 5,
    /// <summary>Đảng viên dự bị không đủ điều kiện công nhận chính thức.</summary>
    FailedProbation = 6,
    /// <summary>Vi phạm quy định chuyển sinh hoạt đảng: giấy giới thiệu quá hạn hơn 3 tháng không có lý do chính đáng (domain.md §5).</summary>
    TransferViolation = 7,
}

/// <summary>What the Ban Tổ chức recommends (step 9) and the Ban Thường vụ decides (step 10).</summary>
public enum Disposition
{
    /// <summary>Xóa tên: a handling measure, not a discipline.</summary>
    RemoveFromRoll = 1,
    /// <summary>Khai trừ: discipline, official members only.</summary>
    Expel = 2,
    /// <summary>Tiếp tục giáo dục, giúp đỡ: another help cycle.</summary>
    ContinueHelp = 3,
}

/// <summary>Kinds of document behind a step (domain.md §3.4).</summary>
public enum DocumentKind
{
    NghiQuyet = 1,
    QuyetDinh = 2,
    BienBan = 3,
    BanTuKiemDiem = 4,
    KetLuan = 5,
    ToTrinh = 6,
    /// <summary>Đơn: the member's own letter (xin ra khỏi Đảng, khiếu nại).</summary>
    Don = 7,
}

public static class ScreeningNames
{
    public static string DisplayName(this ScreeningTrack t) => t switch
    {
        ScreeningTrack.Education => "Giáo dục, giúp đỡ",
        ScreeningTrack.DirectRemoval => "Xóa tên trực tiếp",
        ScreeningTrack.VoluntaryWithdrawal => "Xin ra khỏi Đảng",
        _ => t.ToString(),
    };

    public static string DisplayName(this ScreeningStatus s) => s switch
    {
        ScreeningStatus.Proposed => "Đã đề xuất",
        ScreeningStatus.Directed => "Cấp trên đã chỉ đạo",
        ScreeningStatus.Listed => "Đã vào danh sách giúp đỡ",
        ScreeningStatus.UnderHelp => "Đang giúp đỡ",
        ScreeningStatus.FinalReview => "Đã kiểm điểm cuối kỳ",
        ScreeningStatus.Ballot => "Biểu quyết chưa đạt tỷ lệ",
        ScreeningStatus.Escalated => "Chờ cấp trên quyết định",
        ScreeningStatus.ProgressRecognized => "Đã công nhận tiến bộ",
        ScreeningStatus.RemovalProposed => "Chi bộ đề nghị đưa ra khỏi Đảng",
        ScreeningStatus.Forwarded => "Đã chuyển cấp trên",
        ScreeningStatus.Verified => "Đã thẩm tra",
        ScreeningStatus.Advised => "Đã có tờ trình của Ban Tổ chức",
        ScreeningStatus.RemovedFromRoll => "Đã xóa tên",
        ScreeningStatus.Expelled => "Đã khai trừ",
        ScreeningStatus.Withdrew => "Đã cho ra khỏi Đảng theo nguyện vọng",
        ScreeningStatus.Appealed => "Đang khiếu nại",
        ScreeningStatus.Reinstated => "Đã khôi phục sau khiếu nại",
        ScreeningStatus.Dropped => "Dừng xem xét",
        ScreeningStatus.Withdrawn => "Đã rút hồ sơ",
        _ => s.ToString(),
    };

    public static string DisplayName(this ScreeningAction a) => a switch
    {
        ScreeningAction.Propose => "Đề xuất đưa vào danh sách giúp đỡ",
        ScreeningAction.ProposeDirectRemoval => "Đề xuất xóa tên",
        ScreeningAction.RequestWithdrawal => "Ghi nhận đơn xin ra khỏi Đảng",
        ScreeningAction.Direct => "Cho ý kiến chỉ đạo",
        ScreeningAction.RecordListBallot => "Ghi kết quả biểu quyết đưa vào danh sách",
        ScreeningAction.RecordSelfCriticism => "Ghi nhận bản tự kiểm điểm",
        ScreeningAction.RecordSelfCriticismRefused => "Ghi nhận không tự kiểm điểm",
        ScreeningAction.AssignHelper => "Phân công người giúp đỡ",
        ScreeningAction.AddProgressNote => "Ghi nhận xét quá trình giúp đỡ",
        ScreeningAction.RecordFinalReview => "Ghi kiểm điểm cuối kỳ",
        ScreeningAction.RecordBallot => "Ghi kết quả biểu quyết",
        ScreeningAction.ResolveEscalation => "Cấp trên quyết định sau biểu quyết",
        ScreeningAction.Forward => "Chuyển cấp trên",
        ScreeningAction.RecordVerification => "Ghi kết luận thẩm tra",
        ScreeningAction.Advise => "Tham mưu hình thức xử lý",
        ScreeningAction.Decide => "Ghi quyết định xử lý",
        ScreeningAction.DecideWithdrawal => "Ghi quyết định về đơn xin ra khỏi Đảng",
        ScreeningAction.LodgeAppeal => "Ghi nhận đơn khiếu nại",
        ScreeningAction.ResolveAppeal => "Ghi kết quả giải quyết khiếu nại",
        ScreeningAction.Withdraw => "Rút hồ sơ",
        _ => a.ToString(),
    };

    public static string DisplayName(this ReasonCode c) => c switch
    {
        ReasonCode.C1 => "Hai năm liên tiếp xếp loại không hoàn thành nhiệm vụ",
        ReasonCode.C2 => "Tái phạm khi kỷ luật trước đó chưa hết hiệu lực",
        ReasonCode.C3 => "Cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"",
        ReasonCode.C4 => "Vi phạm quy định về nêu gương hoặc những điều đảng viên không được làm",
        ReasonCode.C5 => "Thiếu sót về sinh hoạt, đảng phí hoặc nhiệm vụ được giao, chưa đến mức xóa tên",
        _ => c.ToString(),
    };

    public static string DisplayName(this DirectRemovalGround g) => g switch
    {
        DirectRemovalGround.MissedMeetings => "Bỏ sinh hoạt chi bộ 3 tháng trong năm không có lý do chính đáng",
        DirectRemovalGround.UnpaidDues => "Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng",
        DirectRemovalGround.ReturnedPartyCard => "Trả lại hoặc hủy thẻ đảng viên",
        DirectRemovalGround.TwoYearsViolatingStandards => "Hai năm liền vi phạm tư cách đảng viên",
        DirectRemovalGround.FailsPoliticalStandard => "Không bảo đảm tiêu chuẩn chính trị",
        DirectRemovalGround.FailedProbation => "Đảng viên dự bị không đủ điều kiện công nhận chính thức",
        DirectRemovalGround.TransferViolation => "Vi phạm quy định chuyển sinh hoạt đảng (quá 3 tháng không nộp giấy giới thiệu, không có lý do chính đáng)",
        _ => g.ToString(),
    };

    public static string DisplayName(this Disposition d) => d switch
    {
        Disposition.RemoveFromRoll => "Xóa tên",
        Disposition.Expel => "Khai trừ",
        Disposition.ContinueHelp => "Tiếp tục giáo dục, giúp đỡ",
        _ => d.ToString(),
    };

    public static string DisplayName(this DocumentKind k) => k switch
    {
        DocumentKind.NghiQuyet => "Nghị quyết",
        DocumentKind.QuyetDinh => "Quyết định",
        DocumentKind.BienBan => "Biên bản",
        DocumentKind.BanTuKiemDiem => "Bản tự kiểm điểm",
        DocumentKind.KetLuan => "Kết luận",
        DocumentKind.ToTrinh => "Tờ trình",
        DocumentKind.Don => "Đơn",
        _ => k.ToString(),
    };

    /// <summary>States with no further action at all.</summary>
    public static bool IsTerminal(this ScreeningStatus s) =>
        s is ScreeningStatus.ProgressRecognized or ScreeningStatus.Reinstated or ScreeningStatus.Dropped
            or ScreeningStatus.Withdrawn or ScreeningStatus.Withdrew;

    /// <summary>A decision took the member off the roll; only an appeal can still change the case.</summary>
    public static bool IsDecided(this ScreeningStatus s) =>
        s is ScreeningStatus.RemovedFromRoll or ScreeningStatus.Expelled;

    /// <summary>Open: work on the case is still under way (it can be withdrawn).</summary>
    public static bool IsOpen(this ScreeningStatus s) => !s.IsTerminal() && !s.IsDecided() && s != ScreeningStatus.Appealed;
}
