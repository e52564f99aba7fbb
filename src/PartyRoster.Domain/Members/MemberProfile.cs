namespace PartyRoster.Domain.Members;

/// <summary>
/// The fields of the member record (lý lịch đảng viên, form 2-HSĐV) that people edit.
/// Validation with messages lives in the web layer's validator, which uses <see cref="MemberRules"/>.
/// </summary>
public sealed record MemberProfile
{
    public required string FullName { get; init; }
    public string? BirthName { get; init; }
    public string? Alias { get; init; }
    public Gender Gender { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string? PlaceOfBirth { get; init; }
    public string? HomeTown { get; init; }
    public string? PermanentResidence { get; init; }
    public string? TemporaryResidence { get; init; }
    public required string Ethnicity { get; init; }
    public string? Religion { get; init; }
    public string? CitizenId { get; init; }
    public string? Phone { get; init; }
    public string? Occupation { get; init; }
    public string? Workplace { get; init; }
    public string? GeneralEducation { get; init; }
    public string? ProfessionalQualification { get; init; }
    public PoliticalTheoryLevel PoliticalTheory { get; init; }
    public string? ForeignLanguage { get; init; }
    public string? ItSkill { get; init; }
}

/// <summary>The admission facts: decision, ceremony, recognition as official, party card.</summary>
public sealed record MemberAdmission
{
    public DateOnly AdmissionDecisionDate { get; init; }
    public DateOnly AdmissionCeremonyDate { get; init; }
    public DateOnly? OfficialDate { get; init; }
    public string? PartyCardNumber { get; init; }
}
