using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Meetings;

/// <summary>
/// Recording a cell meeting with its attendance, the calendar, and the scope rules. Tests in this class
/// share one world: only one records a regular meeting; the refused posts use other kinds and unique topics.
/// </summary>
public sealed class MeetingPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    private Task<int> CountAsync(string topic) =>
        fx.Factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.Topic == topic));

    [Fact]
    public async Task Record_RegularMeetingWithOneAbsence_SavesAttendanceAndMarksCalendar()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");
        var absent = w.MemberOf(w.CellA1, 2);
        var url = $"/Meetings/Record?cellId={w.CellA1.Id}";
        var form = await Forms.GetDocumentAsync(client, url);
        var index = form.QuerySelectorAll("input[type=hidden][name$='.MemberId']")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.GetAttribute("value")!))
            .Single(e => e.Value == absent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Name.Replace(".MemberId", "", StringComparison.Ordinal);

        var response = await Forms.PostFormAsync(client, url, new Dictionary<string, string?>
        {
            ["Input.HeldOn"] = Format.Date(Today),
            ["Input.Kind"] = nameof(MeetingKind.Regular),
            ["Input.Topic"] = "Thường kỳ A1",
            ["Input.MinutesSummary"] = "Kiểm điểm công tác tháng.",
            [index + ".Status"] = nameof(AttendanceStatus.AbsentWithoutReason),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await fx.Factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Topic == "Thường kỳ A1"));
        Assert.Equal(w.CellA1.Id, saved.CellId);
        Assert.Equal(5, saved.AttendanceList.Count);
        Assert.Equal(AttendanceStatus.AbsentWithoutReason, saved.AttendanceList.Single(a => a.MemberId == absent.Id).Status);
        Assert.Equal(4, saved.AttendanceList.Count(a => a.Status == AttendanceStatus.Present));

        var calendar = await Forms.GetDocumentAsync(client, $"/Meetings?cellId={w.CellA1.Id}&year={Today.Year}");
        Assert.Equal("Held", calendar.QuerySelector($"#month-{Today.Month}")!.GetAttribute("data-state"));
        var earlier = Today.AddMonths(-1);
        if (earlier.Year != Today.Year)
            calendar = await Forms.GetDocumentAsync(client, $"/Meetings?cellId={w.CellA1.Id}&year={earlier.Year}");
        Assert.Equal("Missed", calendar.QuerySelector($"#month-{earlier.Month}")!.GetAttribute("data-state"));

        var details = await Forms.GetDocumentAsync(client, $"/Meetings/Details/{saved.Id}");
        Assert.Contains(absent.FullName, details.QuerySelector("#attendance")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherCellsSecretary_GetsNotFound()
    {
        var w = fx.World;
        var own = await fx.ClientForAsync("secretaryA1");
        var client = await fx.ClientForAsync("secretaryB1");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings?cellId={w.CellA1.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/Record?cellId={w.CellA1.Id}")).StatusCode);

        // A POST with a valid token (from B1's own form) to A1's cell is refused the same way.
        var page = await Forms.GetDocumentAsync(client, $"/Meetings/Record?cellId={w.CellB1.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync($"/Meetings/Record?cellId={w.CellA1.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.HeldOn"] = Format.Date(Today),
            ["Input.Kind"] = nameof(MeetingKind.Extraordinary),
            ["Input.Topic"] = "Xâm nhập B1",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await CountAsync("Xâm nhập B1"));

        // A meeting of A1, by id.
        var meetingId = await fx.Factory.WithDbAsync(async db =>
        {
            var m = new Meeting(w.CellA1.Id, Today, MeetingKind.Extraordinary, "Riêng A1", null, null, Today);
            m.SetAttendance(w.MembersByCell[w.CellA1.Id].Select(x => new AttendanceEntry(x.Id, AttendanceStatus.Present, null)),
                w.MembersByCell[w.CellA1.Id].Select(x => x.Id).ToHashSet());
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/Details/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/Meetings/Details/{meetingId}")).StatusCode);
    }

    [Fact]
    public async Task Record_WithAttendanceForAnotherCellsMember_ShowsErrorAndSavesNothing()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");
        var response = await Forms.PostFormAsync(client, $"/Meetings/Record?cellId={w.CellA1.Id}", new Dictionary<string, string?>
        {
            ["Input.HeldOn"] = Format.Date(Today),
            ["Input.Kind"] = nameof(MeetingKind.Extraordinary),
            ["Input.Topic"] = "Người lạ",
            ["Input.Rows[0].MemberId"] = w.MemberOf(w.CellB1).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains("không thuộc danh sách sinh hoạt của chi bộ", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("Người lạ"));
    }

    [Fact]
    public async Task Record_InTheFuture_ShowsErrorAndSavesNothing()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");
        var response = await Forms.PostFormAsync(client, $"/Meetings/Record?cellId={w.CellA1.Id}", new Dictionary<string, string?>
        {
            ["Input.HeldOn"] = Format.Date(Today.AddDays(1)),
            ["Input.Kind"] = nameof(MeetingKind.Extraordinary),
            ["Input.Topic"] = "Tương lai",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("không được sau ngày hôm nay", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("Tương lai"));
    }

    [Fact]
    public async Task Committee_CanViewButNotRecord()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("committeeA");
        var index = await Forms.GetDocumentAsync(client, $"/Meetings?cellId={w.CellA1.Id}");
        Assert.NotNull(index.QuerySelector("#calendar"));
        var record = await client.GetAsync($"/Meetings/Record?cellId={w.CellA1.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
    }
}
