using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Tests.Screening;

public sealed class BallotTallyValidation
{
    [Fact]
    public void ConsistentTally_IsAccepted()
    {
        var t = new BallotTally(eligible: 10, present: 9, ballotsCast: 9, votesFor: 6, votesAgainst: 2);
        Assert.Equal(1, t.Other);
    }

    [Theory]
    [InlineData(9, 10, 9, 6, 2, "Số có mặt (10) không được lớn hơn số người có quyền biểu quyết (9)")]
    [InlineData(10, 8, 9, 6, 2, "Số phiếu phát ra (9) không được lớn hơn số có mặt (8)")]
    [InlineData(10, 9, 9, 7, 3, "Số phiếu đồng ý (7) và không đồng ý (3) cộng lại không được vượt số phiếu phát ra (9)")]
    [InlineData(10, 9, 5, 6, 0, "Số phiếu đồng ý (6) và không đồng ý (0) cộng lại không được vượt số phiếu phát ra (5)")]
    [InlineData(10, 9, 9, -1, 2, "Các con số biểu quyết không được âm")]
    [InlineData(0, 0, 0, 0, 0, "Số người có quyền biểu quyết phải lớn hơn 0")]
    public void InconsistentTally_IsRefusedInVietnamese(int eligible, int present, int cast, int yes, int no, string message)
    {
        var ex = Assert.Throws<DomainException>(() => new BallotTally(eligible, present, cast, yes, no));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}

public sealed class DocumentRefValidation
{
    [Fact]
    public void Decision_WithoutNumber_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new DocumentRef(DocumentKind.QuyetDinh, " ", new DateOnly(2026, 3, 1)));
        Assert.Contains("Quyết định phải có số văn bản", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_WithoutNumber_AreAccepted() =>
        Assert.Null(new DocumentRef(DocumentKind.BienBan, null, new DateOnly(2026, 3, 1)).Number);

    [Fact]
    public void DisplayNames_AreVietnamese() =>
        Assert.Equal(["Nghị quyết", "Quyết định", "Biên bản", "Bản tự kiểm điểm", "Kết luận", "Tờ trình", "Đơn"],
            Enum.GetValues<DocumentKind>().Select(k => k.DisplayName()));
}
