using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Meetings;

/// <summary>Attendance statistics per member of a cell, and meeting compliance per cell for a committee.</summary>
public sealed class AttendanceStatisticsTests(WorldFixture fx) : IClassFixture<WorldFixture>, IAsyncLifetime
{
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    /// <summary>Cell A1 met in March, June and September of last year; member 1 missed all three without reason,
    /// member 2 missed June with a reason.</summary>
    public async Task InitializeAsync()
    {
        var w = fx.World;
        // xUnit builds the class once per test; the world (and its meetings) is shared by them all.
        if (await fx.Factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.CellId == w.CellA1.Id))) return;
        foreach (var month in new[] { 3, 6, 9 })
        {
            await fx.Factory.WithDbAsync(async db =>
            {
                var meeting = new Meeting(w.CellA1.Id, new DateOnly(Year, month, 8), MeetingKind.Regular, null, null, null, DateOnly.FromDateTime(DateTime.UtcNow));
                for (var i = 0; i < 5; i++)
                {
                    var (status, reason) = i switch
                    {
                        1 => (AttendanceStatus.AbsentWithoutReason, (string?)null),
                        2 when month == 6 => (AttendanceStatus.AbsentWithReason, "Đi công tác"),
                        _ => (AttendanceStatus.Present, null),
                    };
                    meeting.RecordAttendance(w.MemberOf(w.CellA1, i).Id, status, reason);
                }
                db.Meetings.Add(meeting);
                await db.SaveChangesAsync();
            });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CellYear_CountsEachMember_AndFlagsThreeMonthsWithoutReason()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");
        var page = await Forms.GetDocumentAsync(client, $"/Meetings/Attendance?cellId={w.CellA1.Id}&year={Year}");

        var truant = page.QuerySelector($"#attendance-stats tr[data-member='{w.MemberOf(w.CellA1, 1).Id}']")!;
        var cells = truant.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["3", "0", "0", "3", "0%"], cells.Skip(1).Take(5));
        Assert.Contains("table-danger", truant.ClassName, StringComparison.Ordinal);
        Assert.Contains("3 tháng – cần xem xét", cells[6], StringComparison.Ordinal);

        var excused = page.QuerySelector($"#attendance-stats tr[data-member='{w.MemberOf(w.CellA1, 2).Id}']")!;
        Assert.Equal(["3", "2", "1", "0", "67%"], excused.QuerySelectorAll("td").Skip(1).Take(5).Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("table-danger", excused.ClassName ?? "", StringComparison.Ordinal);

        // 15 lines, 11 present.
        Assert.Contains("73% (11/15 lượt)", page.QuerySelector("#cell-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_SeesEachCellOfItsSubtree_WithMissedMonths()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("committeeA");
        var page = await Forms.GetDocumentAsync(client, $"/Meetings/Statistics?year={Year}");
        var row = page.QuerySelector($"#cell-stats tr[data-cell='{w.CellA1.Id}']")!;
        Assert.Equal(["3/12", "9", "3", "73%", "1"], row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector($"#cell-stats tr[data-cell='{w.CellA2.Id}']"));
        Assert.Null(page.QuerySelector($"#cell-stats tr[data-cell='{w.CellB1.Id}']"));
    }

    [Fact]
    public async Task OtherCellsSecretary_GetsNotFound()
    {
        var client = await fx.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(client, $"/Meetings/Attendance?cellId={fx.World.CellA1.Id}&year={Year}", HttpStatusCode.NotFound);
    }
}
