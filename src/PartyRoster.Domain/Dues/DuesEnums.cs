namespace PartyRoster.Domain.Dues;

/// <summary>What a member's monthly dues are computed from (domain.md §4; Quy định 01-QĐ/TW, Điều 3).</summary>
public enum DuesBasisKind
{
    /// <summary>Đảng viên tham gia bảo hiểm xã hội bắt buộc: a share of the insured salary.</summary>
    InsuredSalary = 1,
    /// <summary>Đảng viên hưởng lương hưu: a share of the pension.</summary>
    Pension = 2,
    /// <summary>Đảng viên là học sinh, sinh viên: a fixed amount per month.</summary>
    Student = 3,
    /// <summary>Đảng viên khác (nông dân, lao động tự do, kinh doanh…): an amount the cell sets within the rule's bounds.</summary>
    OtherFixed = 4,
    /// <summary>Miễn đóng đảng phí, on one of the grounds of <see cref="DuesExemptionGround"/>.</summary>
    Exempt = 5,
}

/// <summary>Grounds for exemption from dues (Quy định 01-QĐ/TW, Điều 5).</summary>
public enum DuesExemptionGround
{
    /// <summary>Từ đủ 50 năm tuổi đảng trở lên (also applied automatically from the month the member reaches it).</summary>
    FiftyYearsPartyAge = 1,
    /// <summary>Hưởng trợ cấp hưu trí xã hội.</summary>
    SocialPension = 2,
    /// <summary>Thuộc hộ nghèo, hộ cận nghèo (on the member's application).</summary>
    PoorHousehold = 3,
    /// <summary>Mắc bệnh hiểm nghèo (on the member's application).</summary>
    SeriousIllness = 4,
}

public static class DuesNames
{
    public static string DisplayName(this DuesBasisKind kind) => kind switch
    {
        DuesBasisKind.InsuredSalary => "Tham gia BHXH bắt buộc (theo tiền lương)",
        DuesBasisKind.Pension => "Hưởng lương hưu",
        DuesBasisKind.Student => "Học sinh, sinh viên",
        DuesBasisKind.OtherFixed => "Đảng viên khác (mức chi bộ xác định)",
        DuesBasisKind.Exempt => "Miễn đóng đảng phí",
        _ => kind.ToString(),
    };

    /// <summary>A short label for tables and the printed sheet.</summary>
    public static string ShortName(this DuesBasisKind kind) => kind switch
    {
        DuesBasisKind.InsuredSalary => "Lương (BHXH)",
        DuesBasisKind.Pension => "Lương hưu",
        DuesBasisKind.Student => "HS, SV",
        DuesBasisKind.OtherFixed => "Đảng viên khác",
        DuesBasisKind.Exempt => "Miễn",
        _ => kind.ToString(),
    };

    /// <summary>What the amount typed with the basis means, or null when the kind takes none.</summary>
    public static string? BaseAmountLabel(this DuesBasisKind kind) => kind switch
    {
        DuesBasisKind.InsuredSalary => "Tiền lương làm căn cứ đóng BHXH",
        DuesBasisKind.Pension => "Mức lương hưu",
        DuesBasisKind.OtherFixed => "Mức đóng hằng tháng",
        _ => null,
    };

    public static string DisplayName(this DuesExemptionGround ground) => ground switch
    {
        DuesExemptionGround.FiftyYearsPartyAge => "Đủ 50 năm tuổi đảng trở lên",
        DuesExemptionGround.SocialPension => "Hưởng trợ cấp hưu trí xã hội",
        DuesExemptionGround.PoorHousehold => "Thuộc hộ nghèo, hộ cận nghèo (có đơn)",
        DuesExemptionGround.SeriousIllness => "Mắc bệnh hiểm nghèo (có đơn)",
        _ => ground.ToString(),
    };

    /// <summary>"Giảm 30%" or, for 100, "Miễn" (a time-limited exemption for other hardship).</summary>
    public static string ReliefName(int percent) => percent >= 100 ? "Miễn (có thời hạn)" : $"Giảm {percent}%";
}
