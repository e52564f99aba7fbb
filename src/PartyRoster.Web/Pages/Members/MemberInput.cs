using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// The member form of Create and Edit. Every field is a string (dates as dd/mm/yyyy) or nullable, so
/// that whatever is typed comes back to the form and <see cref="MemberInputValidator"/> alone decides
/// what is wrong, in Vietnamese.
/// </summary>
public sealed class MemberInput
{
    /// <summary>The member being edited (from the route, never from the form); null when creating.</summary>
    [BindNever]
    public int? MemberId { get; set; }

    /// <summary>Whether the record is (or will be) on the roll: CCCD must be unique only among those.</summary>
    [BindNever]
    public bool OnRoll { get; set; } = true;

    [Display(Name = "Họ và tên đang dùng")] public string? FullName { get; set; }
    [Display(Name = "Họ và tên khai sinh")] public string? BirthName { get; set; }
    [Display(Name = "Bí danh")] public string? Alias { get; set; }
    [Display(Name = "Giới tính")] public Gender? Gender { get; set; }
    [Display(Name = "Ngày sinh")] public string? DateOfBirth { get; set; }
    [Display(Name = "Nơi sinh")] public string? PlaceOfBirth { get; set; }
    [Display(Name = "Quê quán")] public string? HomeTown { get; set; }
    [Display(Name = "Nơi thường trú")] public string? PermanentResidence { get; set; }
    [Display(Name = "Nơi tạm trú")] public string? TemporaryResidence { get; set; }
    [Display(Name = "Dân tộc")] public string? Ethnicity { get; set; }
    [Display(Name = "Tôn giáo")] public string? Religion { get; set; }
    [Display(Name = "Số CCCD")] public string? CitizenId { get; set; }
    [Display(Name = "Điện thoại")] public string? Phone { get; set; }
    [Display(Name = "Nghề nghiệp")] public string? Occupation { get; set; }
    [Display(Name = "Nơi làm việc")] public string? Workplace { get; set; }
    [Display(Name = "Giáo dục phổ thông")] public string? GeneralEducation { get; set; }
    [Display(Name = "Chuyên môn nghiệp vụ cao nhất")] public string? ProfessionalQualification { get; set; }
    [Display(Name = "Lý luận chính trị")] public PoliticalTheoryLevel? PoliticalTheory { get; set; }
    [Display(Name = "Ngoại ngữ")] public string? ForeignLanguage { get; set; }
    [Display(Name = "Tin học")] public string? ItSkill { get; set; }

    [Display(Name = "Ngày quyết định kết nạp")] public string? AdmissionDecisionDate { get; set; }
    [Display(Name = "Ngày lễ kết nạp")] public string? AdmissionCeremonyDate { get; set; }
    [Display(Name = "Ngày công nhận chính thức")] public string? OfficialDate { get; set; }
    [Display(Name = "Số thẻ đảng viên")] public string? PartyCardNumber { get; set; }
    [Display(Name = "Chi bộ")] public int? CellId { get; set; }

    /// <summary>The member's concurrency version when the edit form was loaded.</summary>
    public int Version { get; set; }

    /// <summary>The profile; call only after the validator passed (dates parse, required fields present).</summary>
    public MemberProfile ToProfile() => new()
    {
        FullName = FullName ?? "",
        BirthName = BirthName,
        Alias = Alias,
        Gender = Gender ?? Domain.Members.Gender.Male,
        DateOfBirth = Format.ParseDate(DateOfBirth) ?? throw new InvalidOperationException("Validate first."),
        PlaceOfBirth = PlaceOfBirth,
        HomeTown = HomeTown,
        PermanentResidence = PermanentResidence,
        TemporaryResidence = TemporaryResidence,
        Ethnicity = Ethnicity ?? "",
        Religion = Religion,
        CitizenId = string.IsNullOrWhiteSpace(CitizenId) ? null : CitizenId.Trim(),
        Phone = Phone,
        Occupation = Occupation,
        Workplace = Workplace,
        GeneralEducation = GeneralEducation,
        ProfessionalQualification = ProfessionalQualification,
        PoliticalTheory = PoliticalTheory ?? PoliticalTheoryLevel.None,
        ForeignLanguage = ForeignLanguage,
        ItSkill = ItSkill,
    };

    public MemberAdmission ToAdmission() => new()
    {
        AdmissionDecisionDate = Format.ParseDate(AdmissionDecisionDate) ?? throw new InvalidOperationException("Validate first."),
        AdmissionCeremonyDate = Format.ParseDate(AdmissionCeremonyDate) ?? throw new InvalidOperationException("Validate first."),
        OfficialDate = Format.ParseDate(OfficialDate),
        PartyCardNumber = string.IsNullOrWhiteSpace(PartyCardNumber) ? null : PartyCardNumber.Trim(),
    };

    public static MemberInput From(Member m) => new()
    {
        MemberId = m.Id,
        OnRoll = m.IsOnRoll,
        FullName = m.FullName,
        BirthName = m.BirthName,
        Alias = m.Alias,
        Gender = m.Gender,
        DateOfBirth = Format.Date(m.DateOfBirth),
        PlaceOfBirth = m.PlaceOfBirth,
        HomeTown = m.HomeTown,
        PermanentResidence = m.PermanentResidence,
        TemporaryResidence = m.TemporaryResidence,
        Ethnicity = m.Ethnicity,
        Religion = m.Religion,
        CitizenId = m.CitizenId,
        Phone = m.Phone,
        Occupation = m.Occupation,
        Workplace = m.Workplace,
        GeneralEducation = m.GeneralEducation,
        ProfessionalQualification = m.ProfessionalQualification,
        PoliticalTheory = m.PoliticalTheory,
        ForeignLanguage = m.ForeignLanguage,
        ItSkill = m.ItSkill,
        AdmissionDecisionDate = Format.Date(m.AdmissionDecisionDate),
        AdmissionCeremonyDate = Format.Date(m.AdmissionCeremonyDate),
        OfficialDate = Format.Date(m.OfficialDate),
        PartyCardNumber = m.PartyCardNumber,
        CellId = m.OrganizationId,
        Version = m.Version,
    };
}
