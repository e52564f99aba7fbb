using PartyRoster.Domain.CellLife;

namespace PartyRoster.Domain.Tests.CellLife;

public sealed class MeetingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Meeting Regular() => new(1, Today, MeetingKind.Regular, null, "Tóm tắt", null, Today);

    [Fact]
    public void AbsentWithReason_WithoutReason_IsRefused()
    {
        var meeting = Regular();
        var ex = Assert.Throws<DomainException>(() => meeting.RecordAttendance(10, AttendanceStatus.AbsentWithReason, "  "));
        Assert.Contains("lý do", ex.Message, StringComparison.Ordinal);
        Assert.Empty(meeting.AttendanceList);
    }

    [Fact]
    public void SetAttendance_WithMemberNotInCell_IsRefusedAndChangesNothing()
    {
        var meeting = Regular();
        meeting.RecordAttendance(10, AttendanceStatus.Present, null);
        var ex = Assert.Throws<DomainException>(() => meeting.SetAttendance(
            [new(10, AttendanceStatus.AbsentWithoutReason, null), new(99, AttendanceStatus.Present, null)],
            new HashSet<int> { 10 }));
        Assert.Contains("không thuộc", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AttendanceStatus.Present, Assert.Single(meeting.AttendanceList).Status);
    }

    [Fact]
    public void SetAttendance_MissingAnExpectedMember_IsRefused()
    {
        var meeting = Regular();
        Assert.Throws<DomainException>(() => meeting.SetAttendance([new(10, AttendanceStatus.Present, null)], new HashSet<int> { 10, 11 }));
        Assert.Empty(meeting.AttendanceList);
    }

    [Fact]
    public void SetAttendance_ForTheWholeCell_RecordsOneLineEach_AndDropsReasonOfPresentMembers()
    {
        var meeting = Regular();
        meeting.SetAttendance(
            [new(10, AttendanceStatus.Present, "ignored"), new(11, AttendanceStatus.AbsentWithReason, " Ốm "), new(12, AttendanceStatus.AbsentWithoutReason, null)],
            new HashSet<int> { 10, 11, 12 });
        Assert.Equal(3, meeting.AttendanceList.Count);
        Assert.Null(meeting.AttendanceList.Single(a => a.MemberId == 10).Reason);
        Assert.Equal("Ốm", meeting.AttendanceList.Single(a => a.MemberId == 11).Reason);
    }

    [Fact]
    public void MeetingInTheFuture_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new Meeting(1, Today.AddDays(1), MeetingKind.Regular, null, null, null, Today));
        Assert.Contains("sau ngày hôm nay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThematicMeeting_WithoutTopic_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Meeting(1, Today, MeetingKind.Thematic, " ", null, null, Today));
        Assert.Equal("Chủ đề A", new Meeting(1, Today, MeetingKind.Thematic, " Chủ đề A ", null, null, Today).Topic);
    }
}
