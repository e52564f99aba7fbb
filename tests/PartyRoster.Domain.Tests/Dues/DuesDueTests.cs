using PartyRoster.Domain.Dues;
using static PartyRoster.Domain.Tests.Dues.DuesWorld;

namespace PartyRoster.Domain.Tests.Dues;

/// <summary>What a month owes: the rate set in force for that month, rounding, reductions and exemptions.</summary>
public sealed class DuesDueTests
{
    private static long Owed(DuesBasis basis, DateOnly month, DuesMember? member = null)
    {
        var due = DuesLedger.Due(member ?? Member, [basis], month);
        Assert.Equal(DuesMonthStatus.Owed, due.Status);
        return due.Amount;
    }

    [Fact]
    public void Salary_IsOnePercent_RoundedByTheSetOfEachMonth()
    {
        var basis = Salary(7_654_321, Month(2025, 6));
        // 1% = 76.543,21 đ: QĐ 342 months round to 1.000 đ, QĐ 01 months to 100 đ.
        Assert.Equal(77_000, Owed(basis, Month(2026, 1)));
        Assert.Equal(76_500, Owed(basis, Month(2026, 2)));
    }

    [Fact]
    public void Student_PaysTheFixedAmountOfEachMonthsSet()
    {
        var basis = Basis(DuesBasisKind.Student, Month(2025, 9));
        Assert.Equal(2_000, Owed(basis, Month(2026, 1)));
        Assert.Equal(5_000, Owed(basis, Month(2026, 2)));
    }

    [Fact]
    public void Pension_IsHalfAPercent()
    {
        Assert.Equal(25_600, Owed(Basis(DuesBasisKind.Pension, Month(2026, 2), 5_123_000), Month(2026, 3)));
        Assert.Equal(26_000, Owed(Basis(DuesBasisKind.Pension, Month(2025, 2), 5_123_000), Month(2025, 3)));
    }

    [Fact]
    public void HalfwayAmounts_RoundUp()
    {
        // 1% of 4.565.000 = 45.650 đ → 45.700 đ (to 100 đ, half up); 1% of 4.550.000 = 45.500 → 46.000 under QĐ 342.
        Assert.Equal(45_700, Owed(Salary(4_565_000, Month(2026, 2)), Month(2026, 2)));
        Assert.Equal(46_000, Owed(Salary(4_550_000, Month(2025, 2)), Month(2025, 2)));
    }

    [Fact]
    public void Reduction_AppliesFromItsStartToItsEndMonth_ThenTheFullAmount()
    {
        var basis = Basis(DuesBasisKind.InsuredSalary, Month(2026, 3), 10_000_000, relief: 50, reliefUntil: Month(2026, 8));
        Assert.Equal(50_000, Owed(basis, Month(2026, 3)));
        Assert.Equal(50_000, Owed(basis, Month(2026, 8)));
        Assert.Equal(100_000, Owed(basis, Month(2026, 9)));
        var student = Basis(DuesBasisKind.Student, Month(2026, 3), relief: 70, reliefUntil: Month(2026, 3));
        Assert.Equal(1_500, Owed(student, Month(2026, 3)));
        Assert.Equal(70, DuesLedger.Due(Member, [student], Month(2026, 3)).Relief);
    }

    [Fact]
    public void FullRelief_IsAnExemptionUntilItsEndMonth()
    {
        var basis = Basis(DuesBasisKind.Pension, Month(2026, 3), 6_000_000, relief: 100, reliefUntil: Month(2026, 5));
        var due = DuesLedger.Due(Member, [basis], Month(2026, 5));
        Assert.Equal(DuesMonthStatus.Exempt, due.Status);
        Assert.Equal(0, due.Amount);
        Assert.Contains("05/2026", due.ExemptReason, StringComparison.Ordinal);
        Assert.Equal(30_000, Owed(basis, Month(2026, 6)));
    }

    [Fact]
    public void ExemptBasis_OwesNothing()
    {
        var basis = Basis(DuesBasisKind.Exempt, Month(2026, 4), ground: DuesExemptionGround.SeriousIllness);
        var due = DuesLedger.Due(Member, [Salary(8_000_000, Month(2026, 1)), basis], Month(2026, 4));
        Assert.Equal(DuesMonthStatus.Exempt, due.Status);
        Assert.Contains("bệnh hiểm nghèo", due.ExemptReason, StringComparison.Ordinal);
        Assert.Equal(80_000, Owed(Salary(8_000_000, Month(2026, 1)), Month(2026, 3)));
    }

    [Fact]
    public void FiftyYearsOfPartyAge_ExemptFromTheMonthTheyAreReached()
    {
        var veteran = new DuesMember(2, new DateOnly(1976, 3, 15), IsOfficial: true);
        var basis = Basis(DuesBasisKind.Pension, Month(2025, 1), 7_000_000, member: veteran);
        Assert.Equal(35_000, Owed(basis, Month(2026, 2), veteran));
        var march = DuesLedger.Due(veteran, [basis], Month(2026, 3));
        Assert.Equal(DuesMonthStatus.Exempt, march.Status);
        Assert.Contains("50 năm tuổi đảng", march.ExemptReason, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherMember_BelowTheNewMinimum_IsRaisedToItFromFebruary2026()
    {
        var basis = Basis(DuesBasisKind.OtherFixed, Month(2025, 6), 5_000);
        Assert.Equal(5_000, Owed(basis, Month(2026, 1)));
        Assert.Equal(7_400, Owed(basis, Month(2026, 2)));
        Assert.Equal(16_000, Owed(Basis(DuesBasisKind.OtherFixed, Month(2026, 2), 16_000), Month(2026, 2)));
    }

    [Fact]
    public void MonthsBeforeAdmission_AfterLeaving_OrBeforeTheFirstBasis_OweNothing()
    {
        var joined = new DuesMember(3, new DateOnly(2026, 4, 20), IsOfficial: false, LeftOn: new DateOnly(2026, 9, 10));
        var basis = Salary(6_000_000, Month(2026, 4), joined);
        Assert.Equal(DuesMonthStatus.NotOnRoll, DuesLedger.Due(joined, [basis], Month(2026, 3)).Status);
        Assert.Equal(60_000, Owed(basis, Month(2026, 4), joined));
        Assert.Equal(60_000, Owed(basis, Month(2026, 8), joined));
        Assert.Equal(DuesMonthStatus.NotOnRoll, DuesLedger.Due(joined, [basis], Month(2026, 9)).Status);
        Assert.Equal(DuesMonthStatus.NoBasis, DuesLedger.Due(Member, [Salary(6_000_000, Month(2026, 4))], Month(2026, 3)).Status);
    }

    [Fact]
    public void LaterBasis_ReplacesTheEarlierFromItsMonth()
    {
        List<DuesBasis> bases = [Salary(9_000_000, Month(2026, 6)), Salary(6_000_000, Month(2026, 1))];
        Assert.Equal(60_000, DuesLedger.Due(Member, bases, Month(2026, 5)).Amount);
        Assert.Equal(90_000, DuesLedger.Due(Member, bases, Month(2026, 6)).Amount);
    }
}
