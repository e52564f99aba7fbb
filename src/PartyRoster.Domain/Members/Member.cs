using PartyRoster.Domain.Organizations;

namespace PartyRoster.Domain.Members;

/// <summary>
/// A party member's record (domain.md §2). Profile fields are edited through <see cref="UpdateProfile"/>;
/// standing and roll state change only through intent-named methods.
/// </summary>
public sealed class Member
{
    private readonly List<MemberNameToken> _nameTokens = [];

    private Member()
    {
        FullName = ""; Ethnicity = ""; SearchName = ""; SortKey = "";
    }

    public Member(MemberProfile profile, MemberAdmission admission, Organization cell)
    {
        FullName = ""; Ethnicity = ""; SearchName = ""; SortKey = "";
        ApplyProfile(profile);
        ApplyAdmission(admission);
        PlaceIn(cell);
        RollState = RollState.Active;
    }

    public int Id { get; private set; }

    // Profile (lý lịch)
    public string FullName { get; private set; }
    public string? BirthName { get; private set; }
    public string? Alias { get; private set; }
    public Gender Gender { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public string? PlaceOfBirth { get; private set; }
    public string? HomeTown { get; private set; }
    public string? PermanentResidence { get; private set; }
    public string? TemporaryResidence { get; private set; }
    public string Ethnicity { get; private set; }
    public string? Religion { get; private set; }
    public string? CitizenId { get; private set; }
    public string? Phone { get; private set; }
    public string? Occupation { get; private set; }
    public string? Workplace { get; private set; }
    public string? GeneralEducation { get; private set; }
    public string? ProfessionalQualification { get; private set; }
    public PoliticalTheoryLevel PoliticalTheory { get; private set; }
    public string? ForeignLanguage { get; private set; }
    public string? ItSkill { get; private set; }

    // Admission and standing
    public DateOnly AdmissionDecisionDate { get; private set; }
    public DateOnly AdmissionCeremonyDate { get; private set; }
    public DateOnly? OfficialDate { get; private set; }
    public string? PartyCardNumber { get; private set; }
    public Standing Standing { get; private set; }

    // Where the member is
    public int OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    public RollState RollState { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public string? LeaveNote { get; private set; }

    /// <summary>Folded full name ("nguyen van an") for search without diacritics.</summary>
    public string SearchName { get; private set; }
    /// <summary>Digits-only key that sorts by given name, family name, middle names (see <see cref="VietnameseName.SortKey"/>).</summary>
    public string SortKey { get; private set; }
    public IReadOnlyCollection<MemberNameToken> NameTokens => _nameTokens.AsReadOnly();

    public int Version { get; private set; }

    public bool IsOnRoll => RollState.IsOnRoll();

    /// <summary>Tuổi đảng: whole years from the admission decision, counted once the member is official.</summary>
    public int? PartyAgeYears(DateOnly today) =>
        Standing == Standing.Official ? MemberRules.AgeOn(AdmissionDecisionDate, today) : null;

    public void UpdateProfile(MemberProfile profile) => ApplyProfile(profile);

    public void UpdateAdmission(MemberAdmission admission) => ApplyAdmission(admission);

    /// <summary>Records the member's death (từ trần). Final.</summary>
    public void RecordDeath(DateOnly on, string? note)
    {
        if (RollState.IsFinal())
            throw new DomainException($"Không thể ghi nhận từ trần: đảng viên đang ở trạng thái \"{RollState.DisplayName()}\".");
        if (on < DateOfBirth) throw new DomainException("Ngày từ trần không hợp lệ.");
        Leave(RollState.Deceased, on, note);
    }

    /// <summary>
    /// Changes the roll state when a decision takes the member off the roll (removal, expulsion,
    /// withdrawal, transfer out). Final states can be left only by <see cref="Reinstate"/>.
    /// </summary>
    public void Leave(RollState state, DateOnly on, string? note)
    {
        if (state.IsOnRoll()) throw new DomainException("Trạng thái rời danh sách không hợp lệ.");
        if (RollState.IsFinal())
            throw new DomainException($"Đảng viên đã ở trạng thái cuối \"{RollState.DisplayName()}\", không thể chuyển sang \"{state.DisplayName()}\".");
        if (state == RollState.Expelled && Standing != Standing.Official)
            throw new DomainException("Không thể khai trừ đảng viên dự bị: đảng viên dự bị vi phạm thì xóa tên.");
        RollState = state;
        LeftOn = on;
        LeaveNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>Puts a member back on the roll after an appeal overturns the decision.</summary>
    public void Reinstate(string note)
    {
        if (RollState.IsOnRoll()) throw new DomainException("Đảng viên đang trong danh sách, không cần khôi phục.");
        if (RollState == RollState.Deceased) throw new DomainException("Không thể khôi phục đảng viên đã từ trần.");
        RollState = RollState.Active;
        LeftOn = null;
        LeaveNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void SetRollStateOnRoll(RollState state)
    {
        if (!state.IsOnRoll()) throw new DomainException("Trạng thái không thuộc danh sách đang sinh hoạt.");
        if (!IsOnRoll) throw new DomainException($"Đảng viên đang ở trạng thái \"{RollState.DisplayName()}\".");
        RollState = state;
    }

    public void PlaceIn(Organization cell)
    {
        if (!cell.Kind.HoldsMembers())
            throw new DomainException($"Đảng viên chỉ sinh hoạt tại chi bộ: \"{cell.Name}\" là {cell.Kind.DisplayName().ToLowerInvariant()}.");
        if (!cell.IsActive) throw new DomainException($"Chi bộ \"{cell.Name}\" đã ngừng hoạt động.");
        Organization = cell;
        OrganizationId = cell.Id;
    }

    public void BumpVersion() => Version++;

    private void ApplyProfile(MemberProfile p)
    {
        var name = VietnameseName.Normalize(p.FullName);
        if (name.Length == 0) throw new DomainException("Họ và tên không được để trống.");
        if (string.IsNullOrWhiteSpace(p.Ethnicity)) throw new DomainException("Dân tộc không được để trống.");
        if (p.CitizenId is not null && !MemberRules.IsValidCitizenId(p.CitizenId))
            throw new DomainException($"Số CCCD phải gồm đúng {MemberRules.CitizenIdLength} chữ số.");

        if (name != FullName)
        {
            FullName = name;
            SearchName = VietnameseName.Fold(name);
            SortKey = VietnameseName.SortKey(name);
            _nameTokens.Clear();
            _nameTokens.AddRange(VietnameseName.Tokens(name).Select(t => new MemberNameToken(t)));
        }

        BirthName = Clean(p.BirthName);
        Alias = Clean(p.Alias);
        Gender = p.Gender;
        DateOfBirth = p.DateOfBirth;
        PlaceOfBirth = Clean(p.PlaceOfBirth);
        HomeTown = Clean(p.HomeTown);
        PermanentResidence = Clean(p.PermanentResidence);
        TemporaryResidence = Clean(p.TemporaryResidence);
        Ethnicity = VietnameseName.Normalize(p.Ethnicity);
        Religion = Clean(p.Religion);
        CitizenId = Clean(p.CitizenId);
        Phone = Clean(p.Phone);
        Occupation = Clean(p.Occupation);
        Workplace = Clean(p.Workplace);
        GeneralEducation = Clean(p.GeneralEducation);
        ProfessionalQualification = Clean(p.ProfessionalQualification);
        PoliticalTheory = p.PoliticalTheory;
        ForeignLanguage = Clean(p.ForeignLanguage);
        ItSkill = Clean(p.ItSkill);
    }

    private void ApplyAdmission(MemberAdmission a)
    {
        var error = MemberRules.CheckAdmission(DateOfBirth, a).Select(e => e.Message).FirstOrDefault();
        if (error is not null) throw new DomainException(error);
        AdmissionDecisionDate = a.AdmissionDecisionDate;
        AdmissionCeremonyDate = a.AdmissionCeremonyDate;
        OfficialDate = a.OfficialDate;
        PartyCardNumber = Clean(a.PartyCardNumber);
        Standing = a.OfficialDate is null ? Standing.Probationary : Standing.Official;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseName.Normalize(s);
}

/// <summary>One folded word of a member's name: the search index that keeps name search fast at scale.</summary>
public sealed class MemberNameToken
{
    public const int TokenMaxLength = 40;

    private MemberNameToken() { Token = ""; }

    internal MemberNameToken(string token) => Token = token.Length > TokenMaxLength ? token[..TokenMaxLength] : token;

    public int MemberId { get; private set; }
    public string Token { get; private set; }
}
