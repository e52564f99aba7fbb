using PartyRoster.Domain.Dues;

namespace PartyRoster.Domain.Tests.Dues;

/// <summary>Members and bases for the dues tests; today is 22/11/2026 unless a test says otherwise.</summary>
internal static class DuesWorld
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>An official member admitted on 15/05/2005.</summary>
    public static readonly DuesMember Member = new(1, new DateOnly(2005, 5, 15), IsOfficial: true);

    public static DateOnly Month(int year, int month) => new(year, month, 1);

    public static DuesBasis Basis(DuesBasisKind kind, DateOnly from, long? amount = null, DuesExemptionGround? ground = null,
        int? relief = null, DateOnly? reliefUntil = null, DuesMember? member = null, DateOnly? today = null) =>
        new(member ?? Member, new DuesBasisTerms(from, kind, amount, ground, relief, reliefUntil), DuesRateBook.Default, today ?? Today);

    public static DuesBasis Salary(long amount, DateOnly from, DuesMember? member = null) =>
        Basis(DuesBasisKind.InsuredSalary, from, amount, member: member);
}
