using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Tests.Members;

public class MemberTests
{
    private static readonly DateOnly Founded = new(2000, 1, 1);
    private static readonly Organization Root = new("Đảng bộ phường Thử Nghiệm", OrganizationKind.ManagingCommittee, null, Founded);
    private static readonly Organization Committee = new("Đảng bộ Trường THPT Lê Lợi", OrganizationKind.GrassrootsCommittee, Root, Founded);
    private static readonly Organization Cell = new("Chi bộ Giáo viên Toán", OrganizationKind.Cell, Committee, Founded);

    private static MemberProfile Profile(string name = "Đặng Thị Hoà") => new()
    {
        FullName = name,
        Gender = Gender.Female,
        DateOfBirth = new DateOnly(1980, 3, 1),
        Ethnicity = "Kinh",
        CitizenId = "001180000001",
    };

    private static MemberAdmission Admission(DateOnly? official) => new()
    {
        AdmissionDecisionDate = new DateOnly(2005, 5, 1),
        AdmissionCeremonyDate = new DateOnly(2005, 5, 19),
        OfficialDate = official,
        PartyCardNumber = "TN000001",
    };

    private static Member Official() => new(Profile(), Admission(new DateOnly(2006, 5, 19)), Cell);

    private static Member Probationary() => new(Profile(), Admission(null), Cell);

    [Fact]
    public void Constructor_SetsSearchNameSortKeyAndTokens()
    {
        var m = new Member(Profile("  Đặng   Thị Hoà "), Admission(null), Cell);

        Assert.Equal("Đặng Thị Hoà", m.FullName);
        Assert.Equal("dang thi hoa", m.SearchName);
        Assert.Equal(VietnameseName.SortKey("Đặng Thị Hoà"), m.SortKey);
        Assert.Equal(["dang", "thi", "hoa"], m.NameTokens.Select(t => t.Token));
        Assert.Equal(RollState.Active, m.RollState);
        Assert.True(m.IsOnRoll);
    }

    [Fact]
    public void UpdateProfile_WithNewName_ReplacesTokens()
    {
        var m = Official();

        m.UpdateProfile(Profile("Nguyễn Văn An"));

        Assert.Equal("nguyen van an", m.SearchName);
        Assert.Equal(["nguyen", "van", "an"], m.NameTokens.Select(t => t.Token));
    }

    [Fact]
    public void Standing_IsOfficial_WhenOfficialDateIsSet()
    {
        Assert.Equal(Standing.Official, Official().Standing);
        Assert.Equal(Standing.Probationary, Probationary().Standing);
    }

    [Fact]
    public void PartyAge_CountsFromDecision_OnlyForOfficialMembers()
    {
        Assert.Equal(20, Official().PartyAgeYears(new DateOnly(2025, 5, 1)));
        Assert.Null(Probationary().PartyAgeYears(new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void Constructor_RefusesAdmissionBefore18()
    {
        var profile = Profile() with { DateOfBirth = new DateOnly(1988, 1, 1) };

        var ex = Assert.Throws<DomainException>(() => new Member(profile, Admission(null), Cell));

        Assert.Contains("18 tuổi", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordDeath_IsFinal()
    {
        var m = Official();

        m.RecordDeath(new DateOnly(2024, 2, 3), "Từ trần do bệnh");

        Assert.Equal(RollState.Deceased, m.RollState);
        Assert.Equal(new DateOnly(2024, 2, 3), m.LeftOn);
        Assert.False(m.IsOnRoll);
        Assert.Throws<DomainException>(() => m.RecordDeath(new DateOnly(2024, 3, 1), null));
        Assert.Throws<DomainException>(() => m.Leave(RollState.RemovedFromRoll, new DateOnly(2024, 3, 1), null));
        Assert.Throws<DomainException>(() => m.Reinstate("kháng nghị"));
    }

    [Fact]
    public void RecordDeath_BeforeBirth_IsRefused()
    {
        Assert.Throws<DomainException>(() => Official().RecordDeath(new DateOnly(1970, 1, 1), null));
    }

    [Fact]
    public void Leave_Expelled_IsRefusedForProbationaryMember()
    {
        var m = Probationary();

        var ex = Assert.Throws<DomainException>(() => m.Leave(RollState.Expelled, new DateOnly(2025, 1, 1), null));

        Assert.Contains("dự bị", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RollState.Active, m.RollState);
    }

    [Fact]
    public void Leave_Expelled_IsAllowedForOfficialMember()
    {
        var m = Official();

        m.Leave(RollState.Expelled, new DateOnly(2025, 1, 1), "Quyết định số 12-QĐ/ĐU");

        Assert.Equal(RollState.Expelled, m.RollState);
    }

    [Fact]
    public void PlaceIn_RefusesACommittee()
    {
        var m = Official();

        var ex = Assert.Throws<DomainException>(() => m.PlaceIn(Committee));

        Assert.Contains("chi bộ", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => new Member(Profile(), Admission(null), Root));
    }
}
