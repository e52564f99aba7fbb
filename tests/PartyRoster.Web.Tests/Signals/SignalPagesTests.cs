using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Signals;

/// <summary>
/// The signals a secretary sees: raised from the attendance book, with the meetings as evidence, not raised one
/// month short, resolved when the book is corrected, and turned into a screening case in one step.
/// </summary>
public sealed class SignalPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    // Last year is wholly past whatever today is, and the evaluation covers it.
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Regular meetings of cell A1 in the given months of last year; the listed members absent without reason.</summary>
    private async Task<List<int>> MeetingsAsync(int[] months, params int[] truantIndexes)
    {
        var w = fx.World;
        var ids = new List<int>();
        foreach (var month in months)
        {
            await fx.Factory.WithDbAsync(async db =>
            {
                var meeting = new Meeting(w.CellA1.Id, new DateOnly(Year, month, 10), MeetingKind.Regular, null, "Thường kỳ", null, DateOnly.FromDateTime(DateTime.UtcNow));
                for (var i = 0; i < 5; i++)
                {
                    meeting.RecordAttendance(w.MemberOf(w.CellA1, i).Id,
                        truantIndexes.Contains(i) ? AttendanceStatus.AbsentWithoutReason : AttendanceStatus.Present, null);
                }
                db.Meetings.Add(meeting);
                await db.SaveChangesAsync();
                ids.Add(meeting.Id);
            });
        }
        return ids;
    }

    private async Task EvaluateAsync(HttpClient client)
    {
        var url = $"/Signals?cellId={fx.World.CellA1.Id}";
        var response = await Forms.PostFormAsync(client, url, new Dictionary<string, string?>(), "form[action*='handler=Evaluate']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ThreeMonthsAbsent_RaisesASignal_TwoMonthsDoNot_ThenACaseOpensFromItInOneStep()
    {
        var w = fx.World;
        var threeMonths = w.MemberOf(w.CellA1, 1);
        var twoMonths = w.MemberOf(w.CellA1, 2);
        await MeetingsAsync([2, 5], 1, 2);
        await MeetingsAsync([8], 1);
        var client = await fx.ClientForAsync("secretaryA1");

        await EvaluateAsync(client);
        var page = await Forms.GetDocumentAsync(client, $"/Signals?cellId={w.CellA1.Id}");
        var row = page.QuerySelector($"#signals tr[data-member='{threeMonths.Id}'][data-kind='MissedMeetings']");
        Assert.NotNull(row);
        Assert.Contains($"10/02/{Year}, 10/05/{Year}, 10/08/{Year}", row.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{twoMonths.Id}']"));
        // Signals never change anyone's status by themselves.
        var state = await fx.Factory.WithDbAsync(db => db.Members.Where(m => m.Id == threeMonths.Id).Select(m => m.RollState).SingleAsync());
        Assert.Equal(PartyRoster.Domain.Members.RollState.Active, state);

        var open = await Forms.PostFormAsync(client, $"/Signals?cellId={w.CellA1.Id}", new Dictionary<string, string?>(),
            $"#signals tr[data-member='{threeMonths.Id}'] form");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("/Screening/Case/", open.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (created, signal) = await fx.Factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.AsNoTracking().SingleAsync(c => c.MemberId == threeMonths.Id);
            var s = await db.Signals.AsNoTracking().SingleAsync(s => s.MemberId == threeMonths.Id);
            return (c, s);
        });
        Assert.Equal(ScreeningTrack.DirectRemoval, created.Track);
        Assert.Equal(ScreeningStatus.Proposed, created.Status);
        Assert.Equal(created.Id, signal.CaseId);
        Assert.Contains($"10/08/{Year}", created.Evidence, StringComparison.Ordinal);

        // Evaluating again neither duplicates the signal nor lists it as waiting.
        await EvaluateAsync(client);
        Assert.Equal(1, await fx.Factory.WithDbAsync(db => db.Signals.CountAsync(s => s.MemberId == threeMonths.Id)));
        page = await Forms.GetDocumentAsync(client, $"/Signals?cellId={w.CellA1.Id}");
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{threeMonths.Id}']"));
        Assert.NotNull(page.QuerySelector("#signals-with-case"));
    }

    [Fact]
    public async Task CorrectingTheBook_ResolvesTheSignal()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 4);
        var meetings = await MeetingsAsync([3, 6, 9], 4);
        var client = await fx.ClientForAsync("secretaryA1");
        await EvaluateAsync(client);
        Assert.NotNull(await fx.Factory.WithDbAsync(db => db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.MemberId == member.Id && s.ResolvedOn == null)));

        // The September absence was excused after all.
        await fx.Factory.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetings[2]);
            meeting.RecordAttendance(member.Id, AttendanceStatus.AbsentWithReason, "Nằm viện, có giấy ra viện");
            await db.SaveChangesAsync();
        });
        await EvaluateAsync(client);
        var signal = await fx.Factory.WithDbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.MemberId == member.Id));
        Assert.NotNull(signal.ResolvedOn);
        var page = await Forms.GetDocumentAsync(client, $"/Signals?cellId={w.CellA1.Id}");
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{member.Id}']"));
    }

    [Fact]
    public async Task Scope_OtherCell404_AdminForbidden_CommitteeSeesButCannotOpenACase()
    {
        var w = fx.World;
        var secretaryB = await fx.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(secretaryB, $"/Signals?cellId={w.CellA1.Id}", HttpStatusCode.NotFound);
        var admin = await fx.ClientForAsync("admin");
        await Forms.GetDocumentAsync(admin, "/Signals", HttpStatusCode.Forbidden);

        var member = w.MemberOf(w.CellA1, 3);
        await MeetingsAsync([1, 4, 7], 3);
        var committee = await fx.ClientForAsync("committeeA");
        var response = await Forms.PostFormAsync(committee, $"/Signals?cellId={w.CellA1.Id}", new Dictionary<string, string?>(), "form[action*='handler=Evaluate']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.GetDocumentAsync(committee, "/Signals");
        var row = page.QuerySelector($"#signals tr[data-member='{member.Id}']");
        Assert.NotNull(row);
        Assert.Null(row.QuerySelector("form"));

        // A forged post from the committee opens nothing.
        var signalId = await fx.Factory.WithDbAsync(db => db.Signals.Where(s => s.MemberId == member.Id).Select(s => s.Id).SingleAsync());
        var form = (await Forms.GetDocumentAsync(committee, $"/Signals?cellId={w.CellA1.Id}")).QuerySelector("form[action*='handler=Evaluate']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var post = await committee.PostAsync($"/Signals?handler=StartCase&signalId={Id(signalId)}&cellId={Id(w.CellA1.Id)}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await fx.Factory.WithDbAsync(db => db.ScreeningCases.AnyAsync(c => c.MemberId == member.Id)));
        var after = await Forms.GetDocumentAsync(committee, $"/Signals?cellId={w.CellA1.Id}");
        Assert.Contains("bí thư", after.QuerySelector("#signal-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotCompletedTwoYearsRunning_RaisesTheC1Signal_OneYearDoesNot()
    {
        var w = fx.World;
        var twice = w.MemberOf(w.CellA2, 0);
        var once = w.MemberOf(w.CellA2, 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var year in new[] { Year - 1, Year })
        {
            await fx.Factory.WithDbAsync(async db =>
            {
                var sheet = new RatingSheet(w.CellA2.Id, year);
                var members = w.MembersByCell[w.CellA2.Id];
                sheet.Record(new DateOnly(year, 12, 20), false, null,
                    members.Select(m => new RatingEntry(m.Id, m.Id == twice.Id || (m.Id == once.Id && year == Year) ? 40 : 80, null, null, null)),
                    members.Select(m => m.Id).ToHashSet(), RatingRuleBook.Default.ForYear(year), today);
                db.RatingSheets.Add(sheet);
                await db.SaveChangesAsync();
            });
        }
        var dept = await fx.ClientForAsync("dept");
        var response = await Forms.PostFormAsync(dept, $"/Signals?cellId={w.CellA2.Id}", new Dictionary<string, string?>(), "form[action*='handler=Evaluate']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.GetDocumentAsync(dept, $"/Signals?cellId={w.CellA2.Id}");
        var row = page.QuerySelector($"#signals tr[data-member='{twice.Id}'][data-kind='NotCompletedTwoYears']");
        Assert.NotNull(row);
        Assert.Contains($"năm {Year - 1}, {Year}", row.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{once.Id}']"));
    }
}
