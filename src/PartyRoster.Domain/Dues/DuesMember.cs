using PartyRoster.Domain.Members;

namespace PartyRoster.Domain.Dues;

/// <summary>
/// What the dues rules need to know about a member: when they joined (dues are owed from the month of the
/// admission decision), whether their party age counts (official members only), and when they left the
/// roll, if they did (the month they left in is no longer owed).
/// </summary>
public sealed record DuesMember(int MemberId, DateOnly AdmissionDecisionDate, bool IsOfficial, DateOnly? LeftOn = null)
{
    public static DuesMember Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id, member.AdmissionDecisionDate, member.Standing == Standing.Official, member.IsOnRoll ? null : member.LeftOn);
    }

    /// <summary>First month dues are owed: the month of the admission decision.</summary>
    public DateOnly FirstMonth => DuesCalendar.Of(AdmissionDecisionDate);

    /// <summary>The member was on the roll in <paramref name="month"/>: admitted by then and not left during or before it.</summary>
    public bool OnRollIn(DateOnly month) =>
        month >= FirstMonth && (LeftOn is not { } left || month < DuesCalendar.Of(left));

    /// <summary>True when the member's party age reaches <paramref name="years"/> by the end of <paramref name="month"/>.</summary>
    public bool HasPartyAge(int years, DateOnly month) =>
        IsOfficial && AdmissionDecisionDate.AddYears(years) <= DuesCalendar.LastDay(month);
}
