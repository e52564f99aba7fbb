using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Members;

/// <summary>Dates no member record can carry: an admission before the Party was founded, a birth before 1880.</summary>
public class MemberDateLimitsTests
{
    private static readonly Organization Root = new("Đảng bộ phường Thử Nghiệm", OrganizationKind.ManagingCommittee, null, new DateOnly(2000, 1, 1));
    private static readonly Organization Cell = new("Chi bộ Khu phố 1", OrganizationKind.GrassrootsCell, Root, new DateOnly(2000, 1, 1));

    private static MemberProfile Born(DateOnly birth) => new() { FullName = "Trần Văn Cổ", Gender = Gender.Male, DateOfBirth = birth, Ethnicity = "Kinh" };

    private static MemberAdmission Admitted(DateOnly decision) => new()
    {
        AdmissionDecisionDate = decision,
        AdmissionCeremonyDate = decision,
        OfficialDate = decision.AddMonths(MemberRules.ProbationMonths),
    };

    [Fact]
    public void AdmissionOnTheFoundingDay_IsAccepted_TheDayBefore_IsRefused()
    {
        var birth = new DateOnly(1900, 1, 1);
        Assert.Empty(MemberRules.CheckAdmission(birth, Admitted(MemberRules.PartyFoundingDate)));

        var errors = MemberRules.CheckAdmission(birth, Admitted(MemberRules.PartyFoundingDate.AddDays(-1))).ToList();

        var (field, message) = Assert.Single(errors);
        Assert.Equal(nameof(MemberAdmission.AdmissionDecisionDate), field);
        Assert.Equal("Ngày quyết định kết nạp không được trước ngày thành lập Đảng (03/02/1930).", message);
        Assert.Throws<DomainException>(() => new Member(Born(birth), Admitted(MemberRules.PartyFoundingDate.AddDays(-1)), Cell));
    }

    [Fact]
    public void BirthOnTheEarliestDate_IsAccepted_TheDayBefore_IsRefused()
    {
        var member = new Member(Born(MemberRules.EarliestDateOfBirth), Admitted(new DateOnly(1930, 3, 1)), Cell);
        Assert.Equal(MemberRules.EarliestDateOfBirth, member.DateOfBirth);

        var error = Assert.Throws<DomainException>(() =>
            new Member(Born(MemberRules.EarliestDateOfBirth.AddDays(-1)), Admitted(new DateOnly(1930, 3, 1)), Cell));
        Assert.Equal("Ngày sinh không được trước năm 1880.", error.Message);
    }

    [Theory]
    [InlineData(Standing.Official, 2005, 5, 1, 2026, 4, 30, 20)]
    [InlineData(Standing.Official, 2005, 5, 1, 2026, 5, 1, 21)]
    [InlineData(Standing.Probationary, 2025, 5, 1, 2026, 5, 1, null)]
    public void PartyAge_CountsWholeYearsFromTheDecision_OnceOfficial(Standing standing, int y, int m, int d, int ty, int tm, int td, int? expected) =>
        Assert.Equal(expected, MemberRules.PartyAgeYears(standing, new DateOnly(y, m, d), new DateOnly(ty, tm, td)));
}
