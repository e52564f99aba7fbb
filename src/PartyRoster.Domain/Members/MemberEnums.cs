namespace PartyRoster.Domain.Members;

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>Đảng viên dự bị / chính thức (domain.md §2).</summary>
public enum Standing
{
    Probationary = 1,
    Official = 2,
}

/// <summary>Where the member stands on the roll (domain.md §2).</summary>
public enum RollState
{
    Active = 1,
    /// <summary>Miễn công tác và sinh hoạt đảng.</summary>
    ExemptFromActivities = 2,
    /// <summary>Sinh hoạt tạm thời nơi khác.</summary>
    TemporarilyAway = 3,
    TransferredOut = 4,
    /// <summary>Xóa tên.</summary>
    RemovedFromRoll = 5,
    /// <summary>Khai trừ.</summary>
    Expelled = 6,
    /// <summary>Xin ra khỏi Đảng.</summary>
    Withdrew = 7,
    Deceased = 8,
}

/// <summary>Trình độ lý luận chính trị.</summary>
public enum PoliticalTheoryLevel
{
    None = 0,
    Elementary = 1,
    Intermediate = 2,
    Advanced = 3,
    Bachelor = 4,
}

public static class MemberEnumNames
{
    public static string DisplayName(this Gender g) => g == Gender.Male ? "Nam" : "Nữ";

    public static string DisplayName(this Standing s) => s == Standing.Official ? "Chính thức" : "Dự bị";

    public static string DisplayName(this RollState s) => s switch
    {
        RollState.Active => "Đang sinh hoạt",
        RollState.ExemptFromActivities => "Miễn công tác và sinh hoạt",
        RollState.TemporarilyAway => "Sinh hoạt tạm thời nơi khác",
        RollState.TransferredOut => "Đã chuyển sinh hoạt đi",
        RollState.RemovedFromRoll => "Đã xóa tên",
        RollState.Expelled => "Đã khai trừ",
        RollState.Withdrew => "Đã xin ra khỏi Đảng",
        RollState.Deceased => "Đã từ trần",
        _ => s.ToString(),
    };

    public static string DisplayName(this PoliticalTheoryLevel l) => l switch
    {
        PoliticalTheoryLevel.None => "Chưa qua đào tạo",
        PoliticalTheoryLevel.Elementary => "Sơ cấp",
        PoliticalTheoryLevel.Intermediate => "Trung cấp",
        PoliticalTheoryLevel.Advanced => "Cao cấp",
        PoliticalTheoryLevel.Bachelor => "Cử nhân",
        _ => l.ToString(),
    };

    /// <summary>States in which the member is still on the roll (đảng viên trong danh sách).</summary>
    public static bool IsOnRoll(this RollState s) =>
        s is RollState.Active or RollState.ExemptFromActivities or RollState.TemporarilyAway;

    /// <summary>Final leaving states: changed only by an appeal that overturns the decision.</summary>
    public static bool IsFinal(this RollState s) =>
        s is RollState.RemovedFromRoll or RollState.Expelled or RollState.Withdrew or RollState.Deceased;

    public static readonly RollState[] OnRollStates = [RollState.Active, RollState.ExemptFromActivities, RollState.TemporarilyAway];

    public static readonly RollState[] LeftStates = [RollState.TransferredOut, RollState.RemovedFromRoll, RollState.Expelled, RollState.Withdrew];
}
