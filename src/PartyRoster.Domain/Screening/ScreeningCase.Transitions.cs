using PartyRoster.Domain.Access;
using static PartyRoster.Domain.Screening.ScreeningStatus;

namespace PartyRoster.Domain.Screening;

public sealed partial class ScreeningCase
{
    private static readonly ScreeningTrack[] Edu = [ScreeningTrack.Education];
    private static readonly ScreeningTrack[] DirectTrack = [ScreeningTrack.DirectRemoval];
    private static readonly ScreeningTrack[] Voluntary = [ScreeningTrack.VoluntaryWithdrawal];
    private static readonly ScreeningTrack[] Removal = [ScreeningTrack.Education, ScreeningTrack.DirectRemoval];
    private static readonly ScreeningTrack[] AllTracks = [ScreeningTrack.Education, ScreeningTrack.DirectRemoval, ScreeningTrack.VoluntaryWithdrawal];

    private static readonly Role[] Cell = [Role.CellSecretary];
    private static readonly Role[] Superior = [Role.GrassrootsCommittee, Role.OrganizationDept];
    private static readonly Role[] Forwarders = [Role.GrassrootsCommittee, Role.CellSecretary];
    private static readonly Role[] Inspection = [Role.InspectionCommittee];
    private static readonly Role[] Dept = [Role.OrganizationDept];
    // The standing committee decides; the organisation department may record the decision on its behalf (§3.5).
    private static readonly Role[] Deciders = [Role.StandingCommittee, Role.OrganizationDept];
    private static readonly Role[] EscalationDeciders = [Role.GrassrootsCommittee, Role.StandingCommittee, Role.OrganizationDept];
    private static readonly Role[] CellOrSuperior = [Role.CellSecretary, Role.GrassrootsCommittee, Role.OrganizationDept];
    private static readonly Role[] DeptOrStanding = [Role.OrganizationDept, Role.StandingCommittee];

    private static readonly DocumentKind[] None = [];
    private static readonly DocumentKind[] Minutes = [DocumentKind.BienBan, DocumentKind.NghiQuyet];
    private static readonly DocumentKind[] SelfCriticism = [DocumentKind.BanTuKiemDiem];
    private static readonly DocumentKind[] Resolution = [DocumentKind.NghiQuyet];
    private static readonly DocumentKind[] Decision = [DocumentKind.QuyetDinh];
    private static readonly DocumentKind[] Letter = [DocumentKind.Don];

    private const string WithdrawGuard = "Ghi lý do: đảng viên từ trần, chuyển sinh hoạt đã bàn giao hồ sơ, hoặc hồ sơ khác thay thế";

    /// <summary>
    /// THE transition table of the screening workflow (domain.md §3.2–3.5). Every method of the aggregate
    /// checks its move against it, <see cref="CanDo(ScreeningAction)"/> reads it, and docs/workflow.md is
    /// generated from it (<see cref="WorkflowDocument"/>); WorkflowDocumentationTests keep them equal.
    /// </summary>
    public static IReadOnlyList<TransitionRule> Transitions { get; } =
    [
        // Opening a case (step 1; §3.3 direct removal; voluntary withdrawal)
        new(null, ScreeningAction.Propose, Edu, Cell,
            "Đảng viên đang trong danh sách; ít nhất một tiêu chí C1–C5, có chứng cứ", [Proposed], None),
        new(null, ScreeningAction.ProposeDirectRemoval, DirectTrack, Cell,
            "Đảng viên đang trong danh sách; ít nhất một căn cứ xóa tên (căn cứ dự bị chỉ với đảng viên dự bị)", [Proposed], None),
        new(null, ScreeningAction.RequestWithdrawal, Voluntary, Cell,
            "Đảng viên đang trong danh sách; có đơn xin ra khỏi Đảng", [Proposed], Letter),

        // Step 2: the directly superior committee directs the draft list
        new(Proposed, ScreeningAction.Direct, Edu, Superior,
            "Đồng ý → Directed; gạch tên (ghi lý do) → Dropped", [Directed, Dropped], None),

        // Step 3: the cell's secret ballot on the list
        new(Directed, ScreeningAction.RecordListBallot, Edu, Cell,
            "Cơ sở tính = đảng viên chính thức không được miễn sinh hoạt; đồng ý đạt tỷ lệ (mặc định ≥ 2/3) → Listed, không đạt → Dropped",
            [Listed, Dropped], Minutes),

        // Step 4 (and the start of §3.3): self-criticism, helper, help period
        new(Listed, ScreeningAction.RecordSelfCriticism, Edu, Cell, "Có bản tự kiểm điểm, cam kết", [Listed], SelfCriticism),
        new(Proposed, ScreeningAction.RecordSelfCriticism, DirectTrack, Cell, "Có bản tự kiểm điểm", [Proposed], SelfCriticism),
        new(Listed, ScreeningAction.RecordSelfCriticismRefused, Edu, Cell,
            "Chi ủy đã yêu cầu đủ số lần (mặc định 3) mà đảng viên không viết, không dự họp", [Listed], None),
        new(Proposed, ScreeningAction.RecordSelfCriticismRefused, DirectTrack, Cell,
            "Chi ủy đã yêu cầu đủ số lần (mặc định 3) mà đảng viên không viết, không dự họp", [Proposed], None),
        new(Listed, ScreeningAction.AssignHelper, Edu, Cell,
            "Đã có bản tự kiểm điểm hoặc đã yêu cầu đủ số lần; người giúp đỡ là đảng viên chính thức hoặc chi ủy viên cùng chi bộ, không phải chính đảng viên đó; thời hạn = ngày phân công + 12 tháng (mặc định)",
            [UnderHelp], Resolution),
        new(UnderHelp, ScreeningAction.AssignHelper, Removal, Cell,
            "Phân công người giúp đỡ khác (cùng điều kiện); thời hạn giúp đỡ giữ nguyên", [UnderHelp], Resolution),
        new(UnderHelp, ScreeningAction.AddProgressNote, Removal, Cell, "Có nội dung nhận xét", [UnderHelp], None),

        // Step 5: final review once the help period is over
        new(UnderHelp, ScreeningAction.RecordFinalReview, Removal, Cell,
            "Đã có người giúp đỡ; ngày kiểm điểm không trước ngày hết thời hạn giúp đỡ", [FinalReview], SelfCriticism),

        // Step 6: the cell's ballot (and the direct-removal cell ballot)
        new(FinalReview, ScreeningAction.RecordBallot, Removal, Cell,
            "Đề nghị đưa ra khỏi Đảng đạt tỷ lệ (mặc định ≥ 2/3) → RemovalProposed; giữ lại đạt tỷ lệ → ProgressRecognized; không bên nào đạt → Ballot (lần thứ 3 → Escalated)",
            [RemovalProposed, ProgressRecognized, Ballot, Escalated], Minutes),
        new(Ballot, ScreeningAction.RecordBallot, Removal, Cell,
            "Như trên; giữ lại → ProgressRecognized nếu đã qua giúp đỡ, Dropped nếu chưa (xóa tên trực tiếp)",
            [RemovalProposed, ProgressRecognized, Dropped, Ballot, Escalated], Minutes),
        new(Proposed, ScreeningAction.RecordBallot, DirectTrack, Cell,
            "Đã có bản tự kiểm điểm hoặc đã yêu cầu đủ số lần; đề nghị xóa tên đạt tỷ lệ → RemovalProposed; không đề nghị đạt tỷ lệ → Dropped; không bên nào đạt → Ballot",
            [RemovalProposed, Dropped, Ballot, Escalated], Minutes),
        new(Escalated, ScreeningAction.ResolveEscalation, Removal, EscalationDeciders,
            "Cấp ủy cấp trên quyết định trên các biên bản: đưa ra khỏi Đảng → RemovalProposed (không đủ điều kiện khai trừ); giữ lại → ProgressRecognized (hoặc Dropped nếu chưa qua giúp đỡ)",
            [RemovalProposed, ProgressRecognized, Dropped], [DocumentKind.NghiQuyet, DocumentKind.QuyetDinh, DocumentKind.KetLuan]),

        // Step 7: forwarding up
        new(RemovalProposed, ScreeningAction.Forward, Removal, Forwarders,
            "Chi bộ trực thuộc: Đảng ủy cơ sở đồng ý đạt tỷ lệ (mặc định ≥ 2/3 cấp ủy viên); chi bộ cơ sở: bí thư chuyển trực tiếp",
            [Forwarded], [DocumentKind.NghiQuyet, DocumentKind.ToTrinh]),
        new(Proposed, ScreeningAction.Forward, Voluntary, Forwarders,
            "Chi bộ trực thuộc: Đảng ủy cơ sở đồng ý đạt tỷ lệ (mặc định ≥ 2/3 cấp ủy viên); chi bộ cơ sở: bí thư chuyển trực tiếp",
            [Forwarded], [DocumentKind.NghiQuyet, DocumentKind.ToTrinh]),

        // Steps 8–10
        new(Forwarded, ScreeningAction.RecordVerification, Removal, Inspection,
            "Kết luận: khẳng định vi phạm hoặc chưa đủ căn cứ, kèm nội dung thẩm tra", [Verified], [DocumentKind.KetLuan]),
        new(Verified, ScreeningAction.Advise, Removal, Dept,
            "Đề xuất xóa tên, khai trừ hoặc tiếp tục giúp đỡ", [Advised], [DocumentKind.ToTrinh]),
        new(Advised, ScreeningAction.Decide, Removal, Deciders,
            "Ban Thường vụ đồng ý đạt tỷ lệ (mặc định > 1/2 số ủy viên); khai trừ chỉ với đảng viên chính thức và khi đề nghị của cấp dưới đạt ≥ 2/3; trạng thái đảng viên đổi cùng lúc; tiếp tục giúp đỡ → UnderHelp, chu kỳ mới",
            [RemovedFromRoll, Expelled, UnderHelp], Decision),
        new(Forwarded, ScreeningAction.DecideWithdrawal, Voluntary, Deciders,
            "Đồng ý → Withdrew (đảng viên ra khỏi danh sách cùng lúc); không đồng ý → Dropped", [Withdrew, Dropped], Decision),

        // Step 11: appeal
        new(RemovedFromRoll, ScreeningAction.LodgeAppeal, Removal, DeptOrStanding,
            "Nộp trong 30 ngày làm việc (mặc định) kể từ ngày nhận quyết định; hạn trả lời 90 ngày làm việc; quyết định vẫn có hiệu lực",
            [Appealed], Letter),
        new(Expelled, ScreeningAction.LodgeAppeal, Removal, DeptOrStanding,
            "Nộp trong 1 tháng kể từ ngày nhận quyết định; hạn trả lời 90 ngày làm việc; quyết định vẫn có hiệu lực",
            [Appealed], Letter),
        new(Appealed, ScreeningAction.ResolveAppeal, Removal, Deciders,
            "Chấp nhận → Reinstated (khôi phục đảng viên cùng lúc); không chấp nhận → trở lại trạng thái đã quyết định",
            [Reinstated, RemovedFromRoll, Expelled], [DocumentKind.QuyetDinh, DocumentKind.KetLuan]),

        // Any open case can be withdrawn when it becomes moot; by whoever holds it at that stage.
        .. new[] { Proposed, Directed, Listed, UnderHelp, FinalReview, Ballot }
            .Select(s => new TransitionRule(s, ScreeningAction.Withdraw, AllTracks, CellOrSuperior, WithdrawGuard, [Withdrawn], None)),
        .. new[] { Escalated, RemovalProposed, Forwarded }
            .Select(s => new TransitionRule(s, ScreeningAction.Withdraw, AllTracks, Superior, WithdrawGuard, [Withdrawn], None)),
        .. new[] { Verified, Advised }
            .Select(s => new TransitionRule(s, ScreeningAction.Withdraw, AllTracks, DeptOrStanding, WithdrawGuard, [Withdrawn], None)),
    ];
}
