using FluentValidation;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// The rules of one member record on its own, with Vietnamese messages: what each field must look like and how
/// the dates relate. The rules themselves come from <see cref="MemberRules"/> (shared with the domain's guards).
/// The form runs them through <see cref="MemberInputValidator"/>, which adds the database checks; the spreadsheet
/// import runs them on every row and checks uniqueness for the whole file at once. All rules run, so every
/// problem is reported at once.
/// </summary>
/// <remarks>
/// Internal on purpose: it is a part of other validators, not a service of its own
/// (<see cref="ServiceRegistration"/> registers public validators only).
/// </remarks>
internal sealed class MemberRecordRules : AbstractValidator<MemberInput>
{
    public MemberRecordRules(TimeProvider clock)
    {
        RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .Must(v => VietnameseName.Normalize(v).Length > 0).WithMessage("Hãy nhập họ và tên đang dùng.")
            .Must(v => VietnameseName.Normalize(v).Length <= VietnameseName.NameMaxLength)
            .WithMessage($"Họ và tên dài quá {VietnameseName.NameMaxLength} ký tự.");
        RuleFor(x => x.BirthName).Must(v => MaxLength(v, VietnameseName.NameMaxLength))
            .WithMessage($"Họ và tên khai sinh dài quá {VietnameseName.NameMaxLength} ký tự.");
        RuleFor(x => x.Alias).Must(v => MaxLength(v, VietnameseName.NameMaxLength))
            .WithMessage($"Bí danh dài quá {VietnameseName.NameMaxLength} ký tự.");

        RuleFor(x => x.Gender).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Hãy chọn giới tính.")
            .IsInEnum().WithMessage("Giới tính không hợp lệ.");

        RuleFor(x => x.DateOfBirth).Cascade(CascadeMode.Stop)
            .Must(NotBlank).WithMessage("Hãy nhập ngày sinh.")
            .Must(Parses).WithMessage("Ngày sinh không hợp lệ (dd/mm/yyyy).")
            .Must(v => Format.ParseDate(v) <= Format.Today(clock)).WithMessage("Ngày sinh không được sau ngày hôm nay.")
            .Must(v => Format.ParseDate(v) >= MemberRules.EarliestDateOfBirth)
            .WithMessage($"Ngày sinh không được trước năm {MemberRules.EarliestDateOfBirth.Year}.");

        RuleFor(x => x.PlaceOfBirth).Must(v => MaxLength(v, MemberRules.LongTextMaxLength)).WithMessage(TooLong("Nơi sinh", MemberRules.LongTextMaxLength));
        RuleFor(x => x.HomeTown).Must(v => MaxLength(v, MemberRules.LongTextMaxLength)).WithMessage(TooLong("Quê quán", MemberRules.LongTextMaxLength));
        RuleFor(x => x.PermanentResidence).Must(v => MaxLength(v, MemberRules.LongTextMaxLength)).WithMessage(TooLong("Nơi thường trú", MemberRules.LongTextMaxLength));
        RuleFor(x => x.TemporaryResidence).Must(v => MaxLength(v, MemberRules.LongTextMaxLength)).WithMessage(TooLong("Nơi tạm trú", MemberRules.LongTextMaxLength));
        RuleFor(x => x.Workplace).Must(v => MaxLength(v, MemberRules.LongTextMaxLength)).WithMessage(TooLong("Nơi làm việc", MemberRules.LongTextMaxLength));
        RuleFor(x => x.Occupation).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Nghề nghiệp", MemberRules.ShortTextMaxLength));
        RuleFor(x => x.GeneralEducation).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Giáo dục phổ thông", MemberRules.ShortTextMaxLength));
        RuleFor(x => x.ProfessionalQualification).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Chuyên môn nghiệp vụ", MemberRules.ShortTextMaxLength));
        RuleFor(x => x.ForeignLanguage).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Ngoại ngữ", MemberRules.ShortTextMaxLength));
        RuleFor(x => x.ItSkill).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Tin học", MemberRules.ShortTextMaxLength));
        RuleFor(x => x.Religion).Must(v => MaxLength(v, MemberRules.ShortTextMaxLength)).WithMessage(TooLong("Tôn giáo", MemberRules.ShortTextMaxLength));

        RuleFor(x => x.Ethnicity).Cascade(CascadeMode.Stop)
            .Must(NotBlank).WithMessage("Hãy chọn dân tộc.")
            .Must(Ethnicities.IsKnown).WithMessage("Dân tộc phải là một trong 54 dân tộc Việt Nam.");

        RuleFor(x => x.PoliticalTheory).IsInEnum().WithMessage("Trình độ lý luận chính trị không hợp lệ.");

        RuleFor(x => x.CitizenId)
            .Must(v => string.IsNullOrWhiteSpace(v) || MemberRules.IsValidCitizenId(v.Trim()))
            .WithMessage($"Số CCCD phải gồm đúng {MemberRules.CitizenIdLength} chữ số.");

        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .Must(v => MaxLength(v, MemberRules.PhoneMaxLength)).WithMessage(TooLong("Số điện thoại", MemberRules.PhoneMaxLength))
            .Must(v => string.IsNullOrWhiteSpace(v) || v.All(c => char.IsAsciiDigit(c) || c is '+' or ' '))
            .WithMessage("Số điện thoại chỉ gồm chữ số, dấu + và khoảng trắng.");

        RuleFor(x => x.AdmissionDecisionDate).Cascade(CascadeMode.Stop)
            .Must(NotBlank).WithMessage("Hãy nhập ngày quyết định kết nạp.")
            .Must(Parses).WithMessage("Ngày quyết định kết nạp không hợp lệ (dd/mm/yyyy).")
            .Must(v => Format.ParseDate(v) <= Format.Today(clock)).WithMessage("Ngày quyết định kết nạp không được sau ngày hôm nay.");
        RuleFor(x => x.AdmissionCeremonyDate).Cascade(CascadeMode.Stop)
            .Must(NotBlank).WithMessage("Hãy nhập ngày lễ kết nạp.")
            .Must(Parses).WithMessage("Ngày lễ kết nạp không hợp lệ (dd/mm/yyyy).");
        RuleFor(x => x.OfficialDate).Cascade(CascadeMode.Stop)
            .Must(v => !NotBlank(v) || Parses(v)).WithMessage("Ngày công nhận chính thức không hợp lệ (dd/mm/yyyy).")
            .Must(v => !NotBlank(v) || Format.ParseDate(v) <= Format.Today(clock))
            .WithMessage("Ngày công nhận chính thức không được sau ngày hôm nay.");

        // The admission rules (age ≥ 18 at the decision, ceremony ≥ decision, 12 months' probation) once
        // every date they need parses; each error lands on the field it is about.
        RuleFor(x => x).Custom((x, context) =>
        {
            var birth = Format.ParseDate(x.DateOfBirth);
            var decision = Format.ParseDate(x.AdmissionDecisionDate);
            var ceremony = Format.ParseDate(x.AdmissionCeremonyDate);
            if (birth is null || decision is null || ceremony is null) return;
            if (NotBlank(x.OfficialDate) && !Parses(x.OfficialDate)) return;
            var admission = new MemberAdmission
            {
                AdmissionDecisionDate = decision.Value,
                AdmissionCeremonyDate = ceremony.Value,
                OfficialDate = Format.ParseDate(x.OfficialDate),
            };
            foreach (var (field, message) in MemberRules.CheckAdmission(birth.Value, admission))
                context.AddFailure(field, message);
        });

        RuleFor(x => x.PartyCardNumber)
            .Must(v => MaxLength(v, MemberRules.PartyCardMaxLength)).WithMessage(TooLong("Số thẻ đảng viên", MemberRules.PartyCardMaxLength));
    }

    /// <summary>Whether the CCCD passes <see cref="MemberRules"/>'s format rule (then its uniqueness is worth asking).</summary>
    public static bool CitizenIdWellFormed(string? v) => !string.IsNullOrWhiteSpace(v) && MemberRules.IsValidCitizenId(v.Trim());

    /// <summary>Whether a card number was given and fits its column (then its uniqueness is worth asking).</summary>
    public static bool CardNumberWellFormed(string? v) => !string.IsNullOrWhiteSpace(v) && MaxLength(v, MemberRules.PartyCardMaxLength);

    private static bool NotBlank(string? v) => !string.IsNullOrWhiteSpace(v);

    private static bool Parses(string? v) => Format.ParseDate(v) is not null;

    private static bool MaxLength(string? v, int max) => VietnameseName.Normalize(v).Length <= max;

    private static string TooLong(string field, int max) => $"{field} dài quá {max} ký tự.";
}
