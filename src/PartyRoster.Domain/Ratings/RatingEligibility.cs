using PartyRoster.Domain.Members;

namespace PartyRoster.Domain.Ratings;

/// <summary>Why a member of the cell is left out of a year's rating (domain.md §6).</summary>
public enum NotRatedReason
{
    /// <summary>No longer on the roll (left, removed, deceased…).</summary>
    NotOnRoll = 1,
    /// <summary>Miễn công tác và sinh hoạt đảng on the reference date.</summary>
    Exempt = 2,
    /// <summary>Đình chỉ sinh hoạt đảng on the reference date.</summary>
    Suspended = 3,
    /// <summary>Admitted too recently (fewer than the rule's months before the reference date).</summary>
    RecentlyAdmitted = 4,
}

public static class NotRatedReasonNames
{
    public static string DisplayName(this NotRatedReason reason) => reason switch
    {
        NotRatedReason.NotOnRoll => "Không còn trong danh sách đảng viên",
        NotRatedReason.Exempt => "Được miễn công tác và sinh hoạt đảng",
        NotRatedReason.Suspended => "Đang bị đình chỉ sinh hoạt đảng",
        NotRatedReason.RecentlyAdmitted => "Mới kết nạp, chưa đủ thời gian để đánh giá",
        _ => reason.ToString(),
    };
}

/// <summary>A span of days from <see cref="Start"/> up to, not including, <see cref="End"/> (open when null).</summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly date) => Start <= date && (End is null || End > date);
}

/// <summary>What the eligibility rule needs to know about one member.</summary>
/// <param name="RollState">The member's roll state now.</param>
/// <param name="AdmittedOn">The admission ceremony date (the member takes part in the cell's life from then; ADR-009).</param>
/// <param name="Exemptions">Recorded exemptions: from their start to the return (open while not returned).</param>
/// <param name="Suspensions">Suspensions from party activity: from their opening to their closing.</param>
public sealed record RatingCandidate(
    RollState RollState,
    DateOnly AdmittedOn,
    IReadOnlyCollection<DatePeriod> Exemptions,
    IReadOnlyCollection<DatePeriod> Suspensions);

/// <summary>Who is rated for a year: a pure rule, judged at the year's reference date.</summary>
public static class RatingEligibility
{
    /// <summary>Null when the member is rated; otherwise the first reason (in the enum's order) they are left out.</summary>
    public static NotRatedReason? Check(RatingCandidate member, DateOnly referenceDate, RatingRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(rules);
        if (!member.RollState.IsOnRoll()) return NotRatedReason.NotOnRoll;
        if (IsExempt(member, referenceDate)) return NotRatedReason.Exempt;
        if (member.Suspensions.Any(s => s.Covers(referenceDate))) return NotRatedReason.Suspended;
        if (member.AdmittedOn > LatestAdmissionRated(referenceDate, rules)) return NotRatedReason.RecentlyAdmitted;
        return null;
    }

    /// <summary>The last admission date that is still rated: exactly the rule's months before the reference date.</summary>
    public static DateOnly LatestAdmissionRated(DateOnly referenceDate, RatingRuleSet rules) =>
        referenceDate.AddMonths(-rules.MinimumMonthsSinceAdmission.Value);

    /// <summary>
    /// Exempt when a recorded exemption covers the date; or when the member is exempt now and no recorded
    /// exemption explains that as starting after the date (a state kept without its resolution, e.g. imported).
    /// </summary>
    private static bool IsExempt(RatingCandidate member, DateOnly date) =>
        member.Exemptions.Any(e => e.Covers(date))
        || member.RollState == RollState.ExemptFromActivities && !member.Exemptions.Any(e => e.End is null && e.Start > date);
}
