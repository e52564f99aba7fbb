using PartyRoster.Domain.Dues;
using static PartyRoster.Domain.Tests.Dues.DuesWorld;

namespace PartyRoster.Domain.Tests.Dues;

/// <summary>Declaring a member's dues basis: each refusal names what is wrong, in Vietnamese.</summary>
public sealed class DuesBasisTests
{
    private static DomainException Refused(Func<DuesBasis> declare) => Assert.Throws<DomainException>(() => declare());

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5_000_000L)]
    public void Salary_WithoutAPositiveAmount_IsRefused(long? amount)
    {
        var ex = Refused(() => Basis(DuesBasisKind.InsuredSalary, Month(2026, 2), amount));
        Assert.Contains("tiền lương", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiftyYearsGround_IsCheckedAgainstThePartyAge()
    {
        var ex = Refused(() => Basis(DuesBasisKind.Exempt, Month(2026, 2), ground: DuesExemptionGround.FiftyYearsPartyAge));
        Assert.Contains("chưa đủ 50 năm tuổi đảng", ex.Message, StringComparison.Ordinal);

        var veteran = new DuesMember(2, new DateOnly(1976, 3, 15), IsOfficial: true);
        Assert.Throws<DomainException>(() => Basis(DuesBasisKind.Exempt, Month(2026, 2), ground: DuesExemptionGround.FiftyYearsPartyAge, member: veteran));
        var basis = Basis(DuesBasisKind.Exempt, Month(2026, 3), ground: DuesExemptionGround.FiftyYearsPartyAge, member: veteran);
        Assert.Equal(DuesExemptionGround.FiftyYearsPartyAge, basis.ExemptionGround);
        Assert.Null(basis.BaseAmount);
    }

    [Fact]
    public void Exemption_WithoutAGround_OrWithAReduction_IsRefused()
    {
        Assert.Contains("căn cứ miễn", Refused(() => Basis(DuesBasisKind.Exempt, Month(2026, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("không xét giảm", Refused(() => Basis(DuesBasisKind.Exempt, Month(2026, 2), ground: DuesExemptionGround.PoorHousehold,
            relief: 50, reliefUntil: Month(2026, 3))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduction_OfTwelveMonths_IsAccepted_ThirteenRefused()
    {
        var basis = Basis(DuesBasisKind.InsuredSalary, Month(2026, 2), 8_000_000, relief: 30, reliefUntil: Month(2027, 1));
        Assert.Equal(Month(2027, 1), basis.ReliefUntil);
        var ex = Refused(() => Basis(DuesBasisKind.InsuredSalary, Month(2026, 2), 8_000_000, relief: 30, reliefUntil: Month(2027, 2)));
        Assert.Contains("tối đa 12 tháng", ex.Message, StringComparison.Ordinal);
        Assert.Contains("01/2027", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduction_WithAnUnlistedPercent_NoEndMonth_OrEndingBeforeItStarts_IsRefused()
    {
        Assert.Contains("30%", Refused(() => Basis(DuesBasisKind.Student, Month(2026, 2), relief: 40, reliefUntil: Month(2026, 3))).Message, StringComparison.Ordinal);
        Assert.Contains("tháng kết thúc", Refused(() => Basis(DuesBasisKind.Student, Month(2026, 2), relief: 50)).Message, StringComparison.Ordinal);
        Assert.Contains("không được trước", Refused(() => Basis(DuesBasisKind.Student, Month(2026, 2), relief: 50, reliefUntil: Month(2026, 1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherMember_BelowTheMinimumOfTheStartMonth_IsRefused()
    {
        var ex = Refused(() => Basis(DuesBasisKind.OtherFixed, Month(2026, 2), 5_000));
        Assert.Contains("7.400 đ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5_000, Basis(DuesBasisKind.OtherFixed, Month(2026, 1), 5_000).BaseAmount);
    }

    [Fact]
    public void BeforeAdmission_OrTooFarAhead_IsRefused()
    {
        var recent = new DuesMember(4, new DateOnly(2026, 4, 20), IsOfficial: false);
        Assert.Contains("04/2026", Refused(() => Salary(6_000_000, Month(2026, 3), recent)).Message, StringComparison.Ordinal);
        Assert.Equal(Month(2027, 11), Salary(6_000_000, Month(2027, 11)).EffectiveFrom);
        Assert.Contains("11/2027", Refused(() => Salary(6_000_000, Month(2027, 12))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StudentBasis_KeepsNoAmount_AndAnyDayMeansItsMonth()
    {
        var basis = Basis(DuesBasisKind.Student, new DateOnly(2026, 3, 17), 123_456, ground: DuesExemptionGround.PoorHousehold);
        Assert.Equal(Month(2026, 3), basis.EffectiveFrom);
        Assert.Null(basis.BaseAmount);
        Assert.Null(basis.ExemptionGround);
    }

    [Fact]
    public void Revise_ChangesTheTermsOfTheSameMonth_AndIsCheckedAgain()
    {
        var basis = Salary(6_000_000, Month(2026, 3));
        basis.Revise(Member, new DuesBasisTerms(Month(2026, 3), DuesBasisKind.Pension, 4_000_000, Note: " Nghỉ hưu "), DuesRateBook.Default, Today);
        Assert.Equal(DuesBasisKind.Pension, basis.Kind);
        Assert.Equal(4_000_000, basis.BaseAmount);
        Assert.Equal("Nghỉ hưu", basis.Note);
        Assert.Throws<DomainException>(() => basis.Revise(Member, new DuesBasisTerms(Month(2026, 3), DuesBasisKind.Pension), DuesRateBook.Default, Today));
        Assert.Equal(4_000_000, basis.BaseAmount);
    }
}
