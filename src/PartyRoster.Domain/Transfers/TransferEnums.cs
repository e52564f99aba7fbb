namespace PartyRoster.Domain.Transfers;

/// <summary>The kinds of chuyển sinh hoạt đảng (domain.md §5) the committees record.</summary>
public enum TransferKind
{
    /// <summary>Chuyển sinh hoạt đảng chính thức ra ngoài Đảng bộ: an introduction letter to another party organisation.</summary>
    OfficialOut = 1,
    /// <summary>Chuyển sinh hoạt giữa hai chi bộ trong Đảng bộ: done in one step.</summary>
    Internal = 2,
    /// <summary>Tiếp nhận đảng viên chuyển sinh hoạt chính thức từ nơi khác đến.</summary>
    OfficialIn = 3,
    /// <summary>Đảng viên của ta sinh hoạt tạm thời ở tổ chức đảng khác cho một thời hạn.</summary>
    TemporaryOut = 4,
    /// <summary>Đảng viên của tổ chức khác đến sinh hoạt tạm thời tại một chi bộ của ta: kept as a guest, not a member record.</summary>
    TemporaryIn = 5,
}

/// <summary>Where a transfer stands. Internal moves and receptions are complete when recorded.</summary>
public enum TransferStatus
{
    /// <summary>A letter waiting for the receiving side's slip, or a temporary period not yet ended.</summary>
    InProgress = 1,
    Completed = 2,
    /// <summary>Thu hồi: an official-out letter withdrawn before the member presented it; the member is back on the roll.</summary>
    Revoked = 3,
}

/// <summary>Why a member attends another organisation temporarily: study allows a longer period.</summary>
public enum TemporaryPurpose
{
    Work = 1,
    Residence = 2,
    Study = 3,
}

public static class TransferNames
{
    public static string DisplayName(this TransferKind kind) => kind switch
    {
        TransferKind.OfficialOut => "Chuyển sinh hoạt chính thức đi",
        TransferKind.Internal => "Chuyển chi bộ trong Đảng bộ",
        TransferKind.OfficialIn => "Tiếp nhận sinh hoạt chính thức",
        TransferKind.TemporaryOut => "Sinh hoạt tạm thời nơi khác",
        TransferKind.TemporaryIn => "Đến sinh hoạt tạm thời",
        _ => kind.ToString(),
    };

    public static string DisplayName(this TemporaryPurpose purpose) => purpose switch
    {
        TemporaryPurpose.Work => "Đi công tác, làm việc",
        TemporaryPurpose.Residence => "Thay đổi nơi cư trú",
        TemporaryPurpose.Study => "Đi học tập",
        _ => purpose.ToString(),
    };

    /// <summary>The status as the people who follow this kind of transfer say it.</summary>
    public static string DisplayName(this TransferStatus status, TransferKind kind) => (status, kind) switch
    {
        (TransferStatus.InProgress, TransferKind.OfficialOut) => "Chờ phiếu báo",
        (TransferStatus.InProgress, TransferKind.TemporaryOut) => "Đang sinh hoạt tạm thời nơi khác",
        (TransferStatus.InProgress, TransferKind.TemporaryIn) => "Đang sinh hoạt tạm thời tại chi bộ",
        (TransferStatus.Completed, TransferKind.OfficialOut) => "Đã có phiếu báo",
        (TransferStatus.Completed, TransferKind.TemporaryOut) => "Đã trở về",
        (TransferStatus.Completed, TransferKind.TemporaryIn) => "Đã kết thúc",
        (TransferStatus.Completed, _) => "Hoàn tất",
        (TransferStatus.Revoked, _) => "Đã thu hồi giấy giới thiệu",
        _ => status.ToString(),
    };
}
