using System.Globalization;

namespace PartyRoster.Domain.Rules;

/// <summary>
/// The rule sets over time. A record is judged by the set in force on its own date
/// (<see cref="InForceOn"/>): a ballot held on 30/06/2025 follows QĐ 24-QĐ/TW, one held on
/// 01/07/2025 follows QĐ 294-QĐ/TW.
/// </summary>
public sealed class RuleBook
{
    private readonly List<RuleSet> _sets;

    public RuleBook(IEnumerable<RuleSet> sets)
    {
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Count == 0) throw new DomainException("Cần ít nhất một bộ quy định.");
        for (var i = 1; i < _sets.Count; i++)
        {
            if (_sets[i].EffectiveFrom == _sets[i - 1].EffectiveFrom)
                throw new DomainException($"Có hai bộ quy định cùng hiệu lực từ {Format(_sets[i].EffectiveFrom)}.");
        }
    }

    /// <summary>Sets in order of their effective date.</summary>
    public IReadOnlyList<RuleSet> Sets => _sets.AsReadOnly();

    /// <summary>
    /// The set in force on <paramref name="date"/>: the latest one that took effect on or before it.
    /// Dates before the first set are refused rather than judged by a rule that did not yet exist.
    /// </summary>
    public RuleSet InForceOn(DateOnly date)
    {
        for (var i = _sets.Count - 1; i >= 0; i--)
        {
            if (_sets[i].EffectiveFrom <= date) return _sets[i];
        }
        throw new DomainException(
            $"Không có quy định nào có hiệu lực vào ngày {Format(date)} (quy định sớm nhất có hiệu lực từ {Format(_sets[0].EffectiveFrom)}).");
    }

    /// <summary>
    /// The set that judges calendar <paramref name="year"/> as seen on <paramref name="today"/>: the one in force on
    /// 31/12 of a past year, today's for the current one (a count within a year is judged by the rule at its end).
    /// </summary>
    public RuleSet ForYear(int year, DateOnly today) => InForceOn(year < today.Year ? new DateOnly(year, 12, 31) : today);

    /// <summary>Date Quy định 294-QĐ/TW and Hướng dẫn 06-HD/TW replaced QĐ 24-QĐ/TW and HD 01-HD/TW.</summary>
    public static readonly DateOnly Change2025 = new(2025, 7, 1);

    /// <summary>
    /// The defaults of domain.md §3 and §5: one set from Hướng dẫn 02-HD/BTCTW (12/04/2021, implementing
    /// Chỉ thị 28-CT/TW) under QĐ 24-QĐ/TW, and one from 01/07/2025 under QĐ 294-QĐ/TW. The numbers are
    /// the same in both (no change in them was confirmed); what differs is the legal basis each record cites.
    /// </summary>
    public static RuleBook Default { get; } = new([
        Build(LegalBases.HuongDan02.IssuedOn, "Theo Hướng dẫn 02-HD/BTCTW, Quy định 24-QĐ/TW và Hướng dẫn 01-HD/TW (đến 30/06/2025)", LegalBases.QuyDinh24, LegalBases.HuongDan01),
        Build(Change2025, "Theo Hướng dẫn 02-HD/BTCTW, Quy định 294-QĐ/TW và Hướng dẫn 06-HD/TW (từ 01/07/2025)", LegalBases.QuyDinh294, LegalBases.HuongDan06),
    ]);

    private static RuleSet Build(DateOnly from, string name, LegalBasis charterRules, LegalBasis charterGuidance)
    {
        var screening = LegalBases.HuongDan02;
        return new RuleSet
        {
            EffectiveFrom = from,
            Name = name,
            ListBallotThreshold = new(VoteThreshold.AtLeastTwoThirds,
                "Biểu quyết đưa đảng viên vào danh sách giáo dục, giúp đỡ (trên số đảng viên chính thức, trừ đảng viên được miễn sinh hoạt)", screening),
            RemovalBallotThreshold = new(VoteThreshold.AtLeastTwoThirds,
                "Chi bộ biểu quyết công nhận tiến bộ hoặc đề nghị đưa ra khỏi Đảng (trên số đảng viên chính thức, trừ đảng viên được miễn sinh hoạt)", screening),
            ForwardThreshold = new(VoteThreshold.AtLeastTwoThirds,
                "Đảng ủy cơ sở xem xét, đề nghị lên cấp trên (trên tổng số cấp ủy viên)", screening),
            DecisionThreshold = new(VoteThreshold.MoreThanHalf,
                "Ban Thường vụ quyết định xóa tên, khai trừ (trên tổng số ủy viên Ban Thường vụ)", charterRules),
            ExpulsionProposalThreshold = new(VoteThreshold.AtLeastTwoThirds,
                "Tổ chức đảng cấp dưới đề nghị khai trừ (trên số đảng viên chính thức)", LegalBases.DieuLe),
            HelpPeriodMonths = new(12, "Thời gian giáo dục, giúp đỡ (tháng)", screening),
            MaxInconclusiveBallotRounds = new(3, "Số lần biểu quyết không đạt tỷ lệ trước khi báo cáo cấp ủy cấp trên quyết định", screening),
            SelfCriticismRequestsBeforeProceeding = new(3, "Số lần chi ủy yêu cầu tự kiểm điểm trước khi xem xét mà không cần bản tự kiểm điểm", screening),
            RemovalAppealWorkingDays = new(30, "Thời hạn khiếu nại quyết định xóa tên (ngày làm việc, kể từ ngày nhận quyết định)", charterRules),
            DisciplineAppealMonths = new(1, "Thời hạn khiếu nại quyết định kỷ luật khai trừ (tháng, kể từ ngày nhận quyết định)", LegalBases.DieuLe),
            AppealAnswerWorkingDays = new(90, "Thời hạn trả lời khiếu nại (ngày làm việc, kể từ ngày nhận đơn)", charterGuidance),
            MissedMeetingMonthsInYear = new(3, "Số tháng trong một năm bỏ sinh hoạt chi bộ không có lý do chính đáng thì chi bộ xem xét, đề nghị xóa tên", charterRules),
            UnpaidDuesMonthsInYear = new(3, "Số tháng trong một năm không đóng đảng phí không có lý do chính đáng thì chi bộ xem xét, đề nghị xóa tên", charterRules),
            ConsecutiveYearsNotCompleted = new(2, "Số năm liền xếp loại \"không hoàn thành nhiệm vụ\" thì đưa vào danh sách giáo dục, giúp đỡ (tiêu chí C1)", screening),
            TransferPresentationWorkingDays = new(30, "Thời hạn đảng viên xuất trình giấy giới thiệu chuyển sinh hoạt đảng chính thức (ngày làm việc, kể từ ngày ghi trên giấy)", charterRules),
            TransferLateReportMonths = new(3, "Quá hạn xuất trình giấy giới thiệu sinh hoạt đảng trên số tháng này thì cấp ủy cơ sở báo cáo để xem xét, xử lý (tháng)", charterGuidance),
            TemporaryTransferMinMonths = new(3, "Thời gian tối thiểu chuyển sinh hoạt đảng tạm thời (tháng; ngắn hơn thì chỉ cần thẻ đảng viên)", charterGuidance),
            TemporaryTransferMaxMonths = new(12, "Sinh hoạt đảng tạm thời vì công tác, nơi ở: dưới số tháng này (tháng)", charterGuidance),
            StudyTransferMaxMonths = new(24, "Sinh hoạt đảng tạm thời khi đi học tập: không quá số tháng này (tháng)", charterGuidance),
        };
    }

    private static string Format(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
