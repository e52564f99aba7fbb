namespace PartyRoster.Domain.Members;

/// <summary>
/// The member-record rules, each once, with where it comes from. Used by the domain's guards,
/// the web validator and the EF mapping (column lengths).
/// </summary>
public static class MemberRules
{
    /// <summary>Căn cước công dân: 12 digits (Luật Căn cước 2023).</summary>
    public const int CitizenIdLength = 12;

    /// <summary>Minimum age at admission (Điều lệ Đảng, Điều 1; domain.md §7).</summary>
    public const int MinimumAdmissionAge = 18;

    /// <summary>Probation lasts 12 months from the admission ceremony (Điều lệ Đảng, Điều 5; domain.md §2).</summary>
    public const int ProbationMonths = 12;

    /// <summary>
    /// The founding of the Communist Party of Vietnam (Hội nghị hợp nhất, 3/2/1930): no admission decision can be older.
    /// </summary>
    public static readonly DateOnly PartyFoundingDate = new(1930, 2, 3);

    /// <summary>
    /// The earliest birth date a record can carry: the oldest founding members were born in the 1880s (Tôn Đức
    /// Thắng, 1888). An earlier date is a typing slip (0985, 1095), never a person on a party roll.
    /// </summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1880, 1, 1);

    public const int ShortTextMaxLength = 100;
    public const int LongTextMaxLength = 300;
    public const int PhoneMaxLength = 20;
    public const int PartyCardMaxLength = 20;
    public const int NoteMaxLength = 1000;

    public static bool IsValidCitizenId(string? value) =>
        value is { Length: CitizenIdLength } && value.All(char.IsAsciiDigit);

    /// <summary>The earliest date a probationary member can be recognised as official.</summary>
    public static DateOnly EarliestOfficialDate(DateOnly ceremonyDate) => ceremonyDate.AddMonths(ProbationMonths);

    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on < birth.AddYears(age)) age--;
        return age;
    }

    /// <summary>Tuổi đảng: whole years from the admission decision, counted once the member is official; null while probationary.</summary>
    public static int? PartyAgeYears(Standing standing, DateOnly admissionDecisionDate, DateOnly today) =>
        standing == Standing.Official ? AgeOn(admissionDecisionDate, today) : null;

    /// <summary>Checks the admission dates against each other and the birth date; returns Vietnamese errors.</summary>
    public static IEnumerable<(string Field, string Message)> CheckAdmission(DateOnly dateOfBirth, MemberAdmission a)
    {
        if (a.AdmissionDecisionDate < PartyFoundingDate)
            yield return (nameof(MemberAdmission.AdmissionDecisionDate), $"Ngày quyết định kết nạp không được trước ngày thành lập Đảng ({PartyFoundingDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}).");
        if (AgeOn(dateOfBirth, a.AdmissionDecisionDate) < MinimumAdmissionAge)
            yield return (nameof(MemberAdmission.AdmissionDecisionDate), $"Đảng viên phải đủ {MinimumAdmissionAge} tuổi vào ngày quyết định kết nạp.");
        if (a.AdmissionCeremonyDate < a.AdmissionDecisionDate)
            yield return (nameof(MemberAdmission.AdmissionCeremonyDate), "Ngày lễ kết nạp không được trước ngày quyết định kết nạp.");
        if (a.OfficialDate is { } official && official < EarliestOfficialDate(a.AdmissionCeremonyDate))
            yield return (nameof(MemberAdmission.OfficialDate), $"Ngày công nhận chính thức phải sau ít nhất {ProbationMonths} tháng dự bị kể từ ngày lễ kết nạp.");
    }
}
