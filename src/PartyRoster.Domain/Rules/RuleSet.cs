namespace PartyRoster.Domain.Rules;

/// <summary>One rule value with what it governs and the document it rests on.</summary>
/// <param name="Value">The number or threshold the code applies.</param>
/// <param name="Description">What the rule governs, in Vietnamese, for the rule-settings page and the docs.</param>
/// <param name="Basis">The document the value comes from.</param>
public sealed record Rule<T>(T Value, string Description, LegalBasis Basis)
{
    public override string ToString() => $"{Description}: {Value} ({Basis.Citation})";
}

/// <summary>
/// Every screening and transfer rule (domain.md §3, §5) in force from <see cref="EffectiveFrom"/>. Values marked
/// "configurable" in domain.md are defaults an Admin may change in a new set; the code never uses a
/// literal for any of them. Pick the set with <see cref="RuleBook.InForceOn"/> so that records made
/// before a change are judged by the rule of their time.
/// </summary>
public sealed record RuleSet
{
    /// <summary>First day this set applies.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>A name for people, e.g. "Theo Quy định 294-QĐ/TW (từ 01/07/2025)".</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Step 3: the cell puts a member on the education-and-help list with votes in favour ≥ 2/3 of its
    /// official members, exempt members excluded from the base. Source: HD 02-HD/BTCTW (2021).
    /// </summary>
    public required Rule<VoteThreshold> ListBallotThreshold { get; init; }

    /// <summary>
    /// Step 6 (and the direct-removal cell ballot): recognise progress or propose removal, default ≥ 2/3
    /// of official, non-exempt members (configurable in domain.md). Source: HD 02-HD/BTCTW (2021).
    /// </summary>
    public required Rule<VoteThreshold> RemovalBallotThreshold { get; init; }

    /// <summary>
    /// Step 7: the grassroots committee forwards a chi bộ trực thuộc's proposal with ≥ 2/3 of its members.
    /// Source: HD 02-HD/BTCTW (2021) with the Charter's implementing rules (QĐ 24-QĐ/TW, then QĐ 294-QĐ/TW).
    /// </summary>
    public required Rule<VoteThreshold> ForwardThreshold { get; init; }

    /// <summary>
    /// Step 10: the standing committee (Ban Thường vụ) decides with more than half of its members.
    /// Source: the Charter's implementing rules (QĐ 24-QĐ/TW, then QĐ 294-QĐ/TW).
    /// </summary>
    public required Rule<VoteThreshold> DecisionThreshold { get; init; }

    /// <summary>
    /// Step 10: expulsion (khai trừ) needs the lower body's proposal with ≥ 2/3 of official members; when
    /// the cell's ballot did not reach it (e.g. the superior decided after inconclusive rounds) only removal
    /// from the roll is possible. Source: the Charter (Điều lệ Đảng) and its implementing rules.
    /// </summary>
    public required Rule<VoteThreshold> ExpulsionProposalThreshold { get; init; }

    /// <summary>Step 4: length of the help period in calendar months (12; configurable). Source: HD 02-HD/BTCTW (2021).</summary>
    public required Rule<int> HelpPeriodMonths { get; init; }

    /// <summary>
    /// Step 6: after this many ballot rounds without a result the full tallies go to the superior committee,
    /// which decides (3). Source: HD 02-HD/BTCTW (2021).
    /// </summary>
    public required Rule<int> MaxInconclusiveBallotRounds { get; init; }

    /// <summary>
    /// Step 4 and direct removal: after the chi ủy has asked this many times (3) and the member neither
    /// writes a self-criticism nor attends, the cell proceeds without it. Source: HD 02-HD/BTCTW (2021).
    /// </summary>
    public required Rule<int> SelfCriticismRequestsBeforeProceeding { get; init; }

    /// <summary>
    /// Step 11: an appeal against removal from the roll (xóa tên) must be lodged within this many working
    /// days (30; configurable) of receiving the decision. Source: the Charter's implementing rules.
    /// </summary>
    public required Rule<int> RemovalAppealWorkingDays { get; init; }

    /// <summary>
    /// Step 11: an appeal against a discipline decision (khai trừ) must be lodged within this many calendar
    /// months (1) of receiving it. Source: the Party Charter (chapter on discipline) and its implementing rules.
    /// </summary>
    public required Rule<int> DisciplineAppealMonths { get; init; }

    /// <summary>Step 11: the appeal is answered within this many working days (90) of lodging. Source: the Charter's implementing rules.</summary>
    public required Rule<int> AppealAnswerWorkingDays { get; init; }

    /// <summary>
    /// Signal (domain.md §3.3, §4): missed cell meetings without good reason in this many months of one calendar
    /// year (3) is a ground for direct removal. Source: the Charter Điều 8 and its implementing rules.
    /// </summary>
    public required Rule<int> MissedMeetingMonthsInYear { get; init; }

    /// <summary>
    /// Signal (domain.md §3.3, §4): dues unpaid without good reason for this many months of one calendar year (3) is
    /// a ground for direct removal. Source: the Charter Điều 8 and its implementing rules.
    /// </summary>
    public required Rule<int> UnpaidDuesMonthsInYear { get; init; }

    /// <summary>
    /// Signal (criterion C1, domain.md §3.1): rated "không hoàn thành nhiệm vụ" this many consecutive years (2).
    /// Source: Hướng dẫn 02-HD/BTCTW (2021).
    /// </summary>
    public required Rule<int> ConsecutiveYearsNotCompleted { get; init; }
    /// Official transfer (domain.md §5): the member presents the introduction letter to the receiving cell within
    /// this many working days (30) of the date on the letter. Source: the Charter's implementing rules.
    /// </summary>
    public required Rule<int> TransferPresentationWorkingDays { get; init; }

    /// <summary>
    /// Official transfer: a member whose papers are more than this many calendar months (3) past the presentation
    /// deadline goes on the grassroots committee's list for handling. Source: the guidance implementing the Charter.
    /// </summary>
    public required Rule<int> TransferLateReportMonths { get; init; }

    /// <summary>Temporary transfer: at least this many calendar months (3); a shorter absence needs only the party card.</summary>
    public required Rule<int> TemporaryTransferMinMonths { get; init; }

    /// <summary>Temporary transfer for work or residence: under this many calendar months (12); longer means an official transfer.</summary>
    public required Rule<int> TemporaryTransferMaxMonths { get; init; }

    /// <summary>Temporary transfer for study: at most this many calendar months (24).</summary>
    public required Rule<int> StudyTransferMaxMonths { get; init; }

    /// <summary>Every rule of the set, with its property name, for listing and documenting.</summary>
    public IReadOnlyList<(string Key, string Description, string Value, LegalBasis Basis)> All() =>
    [
        Row(nameof(ListBallotThreshold), ListBallotThreshold),
        Row(nameof(RemovalBallotThreshold), RemovalBallotThreshold),
        Row(nameof(ForwardThreshold), ForwardThreshold),
        Row(nameof(DecisionThreshold), DecisionThreshold),
        Row(nameof(ExpulsionProposalThreshold), ExpulsionProposalThreshold),
        Row(nameof(HelpPeriodMonths), HelpPeriodMonths),
        Row(nameof(MaxInconclusiveBallotRounds), MaxInconclusiveBallotRounds),
        Row(nameof(SelfCriticismRequestsBeforeProceeding), SelfCriticismRequestsBeforeProceeding),
        Row(nameof(RemovalAppealWorkingDays), RemovalAppealWorkingDays),
        Row(nameof(DisciplineAppealMonths), DisciplineAppealMonths),
        Row(nameof(AppealAnswerWorkingDays), AppealAnswerWorkingDays),
        Row(nameof(MissedMeetingMonthsInYear), MissedMeetingMonthsInYear),
        Row(nameof(UnpaidDuesMonthsInYear), UnpaidDuesMonthsInYear),
        Row(nameof(ConsecutiveYearsNotCompleted), ConsecutiveYearsNotCompleted),
        Row(nameof(TransferPresentationWorkingDays), TransferPresentationWorkingDays),
        Row(nameof(TransferLateReportMonths), TransferLateReportMonths),
        Row(nameof(TemporaryTransferMinMonths), TemporaryTransferMinMonths),
        Row(nameof(TemporaryTransferMaxMonths), TemporaryTransferMaxMonths),
        Row(nameof(StudyTransferMaxMonths), StudyTransferMaxMonths),
    ];

    private static (string, string, string, LegalBasis) Row<T>(string key, Rule<T> rule) =>
        (key, rule.Description, rule.Value?.ToString() ?? "", rule.Basis);
}
