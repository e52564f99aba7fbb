using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Infrastructure.Spreadsheets;

namespace PartyRoster.Web.Pages.Members;

/// <summary>
/// The member record as spreadsheet columns, defined once for the roster export, the import template and the
/// import itself: the same Vietnamese headers in the same order, so an exported file imports as it is (its
/// members are then reported as already on the roll). Headers are matched without regard to case or diacritics.
/// </summary>
public static class MemberSheet
{
    /// <summary>One exported member: the record's fields, its standing and roll state, and its cell.</summary>
    public sealed record Row(string FullName, string? BirthName, string? Alias, Gender Gender, DateOnly DateOfBirth,
        string? PlaceOfBirth, string? HomeTown, string? PermanentResidence, string? TemporaryResidence, string Ethnicity,
        string? Religion, string? CitizenId, string? Phone, string? Occupation, string? Workplace, string? GeneralEducation,
        string? ProfessionalQualification, PoliticalTheoryLevel PoliticalTheory, string? ForeignLanguage, string? ItSkill,
        DateOnly AdmissionDecisionDate, DateOnly AdmissionCeremonyDate, DateOnly? OfficialDate, string? PartyCardNumber,
        Standing Standing, RollState RollState, string? CellCode, string CellName);

    /// <summary>The export rows of <paramref name="members"/>, in their order; read without tracking.</summary>
    public static IQueryable<Row> Project(IQueryable<Member> members) => members.Select(m => new Row(m.FullName, m.BirthName, m.Alias,
        m.Gender, m.DateOfBirth, m.PlaceOfBirth, m.HomeTown, m.PermanentResidence, m.TemporaryResidence, m.Ethnicity, m.Religion,
        m.CitizenId, m.Phone, m.Occupation, m.Workplace, m.GeneralEducation, m.ProfessionalQualification, m.PoliticalTheory,
        m.ForeignLanguage, m.ItSkill, m.AdmissionDecisionDate, m.AdmissionCeremonyDate, m.OfficialDate, m.PartyCardNumber,
        m.Standing, m.RollState, m.Organization!.Code, m.Organization.Name));

    /// <summary>
    /// One column of the record: its header (and other names people give it), how the export writes it, how the
    /// import reads it into the form's <see cref="MemberInput"/> (null for columns the import does not take), and
    /// a note for the template's instructions.
    /// </summary>
    public sealed record Field(string Header, CellKind Kind, double Width, Func<Row, DateOnly, object?> Export,
        Func<MemberInput, string, string?>? Import, string? Property, bool Required, string Note, params string[] Aliases)
    {
        public SheetColumn<Row> Column(DateOnly today) => new(Header, Kind, r => Export(r, today), Width);
    }

    public static readonly Field FullName = Text("Họ và tên", 24, r => r.FullName, (i, v) => i.FullName = v, nameof(MemberInput.FullName), true,
        "Họ và tên đang dùng, có dấu.", "Họ và tên đang dùng", "Họ tên");
    public static readonly Field CellCode = new("Mã chi bộ", CellKind.Text, 12, (r, _) => r.CellCode, null, null, false,
        "Mã của chi bộ (xem trang Danh mục). Ghi mã hoặc tên chi bộ; khi có cả hai, mã được dùng và tên phải khớp.");
    public static readonly Field CellName = new("Chi bộ", CellKind.Text, 30, (r, _) => r.CellName, null, null, false,
        "Tên chi bộ đúng như trong hệ thống (xem trang Danh mục).", "Tên chi bộ");

    /// <summary>Every column, in the order of the export and the template.</summary>
    public static readonly IReadOnlyList<Field> All =
    [
        FullName,
        Text("Họ và tên khai sinh", 22, r => r.BirthName, (i, v) => i.BirthName = v, nameof(MemberInput.BirthName), false, "Nếu khác họ tên đang dùng."),
        Text("Bí danh", 12, r => r.Alias, (i, v) => i.Alias = v, nameof(MemberInput.Alias), false, ""),
        new("Giới tính", CellKind.Text, 9, (r, _) => r.Gender.DisplayName(), ReadGender, nameof(MemberInput.Gender), true, "Nam hoặc Nữ."),
        Date("Ngày sinh", r => r.DateOfBirth, (i, v) => i.DateOfBirth = v, nameof(MemberInput.DateOfBirth), true),
        Text("Nơi sinh", 24, r => r.PlaceOfBirth, (i, v) => i.PlaceOfBirth = v, nameof(MemberInput.PlaceOfBirth), false, ""),
        Text("Quê quán", 24, r => r.HomeTown, (i, v) => i.HomeTown = v, nameof(MemberInput.HomeTown), false, ""),
        Text("Nơi thường trú", 30, r => r.PermanentResidence, (i, v) => i.PermanentResidence = v, nameof(MemberInput.PermanentResidence), false, ""),
        Text("Nơi tạm trú", 30, r => r.TemporaryResidence, (i, v) => i.TemporaryResidence = v, nameof(MemberInput.TemporaryResidence), false, ""),
        new("Dân tộc", CellKind.Text, 10, (r, _) => r.Ethnicity, (i, v) => { i.Ethnicity = Canonical(v, Ethnicities.All); return null; },
            nameof(MemberInput.Ethnicity), true, "Một trong 54 dân tộc (xem trang Danh mục)."),
        new("Tôn giáo", CellKind.Text, 12, (r, _) => r.Religion, (i, v) => { i.Religion = Canonical(v, Religions.All); return null; },
            nameof(MemberInput.Religion), false, "Ghi \"Không\" nếu không theo tôn giáo nào."),
        Text("Số CCCD", 15, r => r.CitizenId, (i, v) => i.CitizenId = v, nameof(MemberInput.CitizenId), false,
            $"Đủ {MemberRules.CitizenIdLength} chữ số, kể cả số 0 ở đầu (cột đã định dạng Văn bản).", "CCCD", "Số căn cước", "Số căn cước công dân"),
        Text("Điện thoại", 13, r => r.Phone, (i, v) => i.Phone = v, nameof(MemberInput.Phone), false, "", "Số điện thoại"),
        Text("Nghề nghiệp", 18, r => r.Occupation, (i, v) => i.Occupation = v, nameof(MemberInput.Occupation), false, ""),
        Text("Nơi làm việc", 26, r => r.Workplace, (i, v) => i.Workplace = v, nameof(MemberInput.Workplace), false, ""),
        Text("Giáo dục phổ thông", 11, r => r.GeneralEducation, (i, v) => i.GeneralEducation = v, nameof(MemberInput.GeneralEducation), false, "Ví dụ: 12/12."),
        Text("Chuyên môn nghiệp vụ", 20, r => r.ProfessionalQualification, (i, v) => i.ProfessionalQualification = v,
            nameof(MemberInput.ProfessionalQualification), false, "Trình độ cao nhất.", "Chuyên môn nghiệp vụ cao nhất", "Trình độ chuyên môn"),
        new("Lý luận chính trị", CellKind.Text, 16, (r, _) => r.PoliticalTheory.DisplayName(), ReadPoliticalTheory, nameof(MemberInput.PoliticalTheory), false,
            "Sơ cấp, Trung cấp, Cao cấp, Cử nhân; để trống nếu chưa qua đào tạo.", "Trình độ lý luận chính trị"),
        Text("Ngoại ngữ", 12, r => r.ForeignLanguage, (i, v) => i.ForeignLanguage = v, nameof(MemberInput.ForeignLanguage), false, ""),
        Text("Tin học", 12, r => r.ItSkill, (i, v) => i.ItSkill = v, nameof(MemberInput.ItSkill), false, ""),
        Date("Ngày quyết định kết nạp", r => r.AdmissionDecisionDate, (i, v) => i.AdmissionDecisionDate = v, nameof(MemberInput.AdmissionDecisionDate), true),
        Date("Ngày lễ kết nạp", r => r.AdmissionCeremonyDate, (i, v) => i.AdmissionCeremonyDate = v, nameof(MemberInput.AdmissionCeremonyDate), true),
        Date("Ngày công nhận chính thức", r => r.OfficialDate, (i, v) => i.OfficialDate = v, nameof(MemberInput.OfficialDate), false,
            "Để trống nếu còn là đảng viên dự bị."),
        Text("Số thẻ đảng viên", 14, r => r.PartyCardNumber, (i, v) => i.PartyCardNumber = v, nameof(MemberInput.PartyCardNumber), false, "", "Số thẻ"),
        ExportOnly("Loại đảng viên", CellKind.Text, 12, (r, _) => r.Standing.DisplayName()),
        ExportOnly("Tuổi đảng", CellKind.Number, 9, (r, today) => MemberRules.PartyAgeYears(r.Standing, r.AdmissionDecisionDate, today)),
        CellCode,
        CellName,
        ExportOnly("Tình trạng", CellKind.Text, 22, (r, _) => r.RollState.DisplayName()),
    ];

    /// <summary>The columns of the import template (and of a file to import): the record's own fields and the cell.</summary>
    public static IReadOnlyList<Field> Importable { get; } = All.Where(f => f.Import is not null || f == CellCode || f == CellName).ToList();

    /// <summary>The export's columns (every field) for a given day (party age is counted up to it).</summary>
    public static IReadOnlyList<SheetColumn<Row>> ExportColumns(DateOnly today) => All.Select(f => f.Column(today)).ToList();

    /// <summary>The column a header names, or null (compared without case, diacritics, "*" marks or notes in brackets).</summary>
    public static Field? Match(string header)
    {
        var key = HeaderKey(header);
        return key.Length == 0 ? null : All.FirstOrDefault(f => HeaderKey(f.Header) == key || f.Aliases.Any(a => HeaderKey(a) == key));
    }

    /// <summary>The header of the column that fills <paramref name="property"/> of <see cref="MemberInput"/> (for error messages).</summary>
    public static string? HeaderOf(string property) => All.FirstOrDefault(f => f.Property == property)?.Header;

    /// <summary>The example row of the template (a made-up member), to be recognised if it is left in a file.</summary>
    public static Row Example(string? cellCode, string cellName) => new(
        "Nguyễn Văn Mẫu", null, null, Gender.Male, new DateOnly(1985, 3, 15), "xã Hải Minh, tỉnh Nam Định", "xã Hải Minh, tỉnh Nam Định",
        "Tổ dân phố 3, phường Hòa Bình", null, "Kinh", Religions.None, ExampleCitizenId, "0912345678", "Giáo viên", "Trường THCS Hòa Bình",
        "12/12", "Đại học Sư phạm", PoliticalTheoryLevel.Elementary, "Tiếng Anh B1", "Cơ bản",
        new DateOnly(2010, 5, 12), new DateOnly(2010, 5, 19), new DateOnly(2011, 5, 19), null, Standing.Official, RollState.Active, cellCode, cellName);

    /// <summary>The example row's CCCD: 12 digits of a province code that does not exist (000).</summary>
    public const string ExampleCitizenId = "000085012345";

    private static string HeaderKey(string header)
    {
        var text = header;
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0) text = text[..bracket];
        return VietnameseName.Fold(text.Replace("*", " ", StringComparison.Ordinal));
    }

    private static Field Text(string header, double width, Func<Row, string?> export, Action<MemberInput, string> import, string property,
        bool required, string note, params string[] aliases) =>
        new(header, CellKind.Text, width, (r, _) => export(r), (i, v) => { import(i, v); return null; }, property, required, note, aliases);

    private static Field Date(string header, Func<Row, DateOnly?> export, Action<MemberInput, string> import, string property, bool required,
        string note = "") =>
        new(header, CellKind.Date, 12, (r, _) => export(r), (i, v) => { import(i, v); return null; }, property, required,
            ("Ngày/tháng/năm (dd/mm/yyyy). " + note).Trim());

    private static Field ExportOnly(string header, CellKind kind, double width, Func<Row, DateOnly, object?> export) =>
        new(header, kind, width, export, null, null, false, "");

    private static string? ReadGender(MemberInput input, string text)
    {
        if (text.Length == 0) return null; // the record's rules say it is missing
        input.Gender = VietnameseName.Fold(text) switch
        {
            "nam" => Gender.Male,
            "nu" => Gender.Female,
            _ => null,
        };
        return input.Gender is null ? $"Giới tính \"{text}\" không hợp lệ: ghi Nam hoặc Nữ." : null;
    }

    private static string? ReadPoliticalTheory(MemberInput input, string text)
    {
        if (text.Length == 0) return null; // not trained: the form's default
        var key = VietnameseName.Fold(text);
        var level = Enum.GetValues<PoliticalTheoryLevel>().Where(l => VietnameseName.Fold(l.DisplayName()) == key).Select(l => (PoliticalTheoryLevel?)l).FirstOrDefault();
        if (level is null) return $"Lý luận chính trị \"{text}\" không hợp lệ: ghi Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân.";
        input.PoliticalTheory = level;
        return null;
    }

    /// <summary>The pick-list's spelling of <paramref name="text"/> when it is one of <paramref name="values"/> but for case ("kinh" → "Kinh").</summary>
    private static string Canonical(string text, IReadOnlyList<string> values) =>
        values.FirstOrDefault(v => string.Equals(v, VietnameseName.Normalize(text), StringComparison.OrdinalIgnoreCase)) ?? text;
}
