using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Signals;

/// <summary>
/// The signals a secretary sees: raised from the attendance book, the dues book, the ratings and the transfer
/// letters, with their evidence, not raised one month short, resolved when the book is corrected, and turned into
/// a screening case in one step.
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

    private async Task EvaluateAsync(HttpClient client, Organization? cell = null)
    {
        var url = $"/Signals?cellId={(cell ?? fx.World.CellA1).Id}";
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

    [Fact]
    public async Task ThreeUnpaidMonths_RaiseTheDuesSignal_TwoDoNot_NorDoesAnExemptMember()
    {
        var w = fx.World;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var members = w.MembersByCell[w.CellB1.Id];
        int[] threeUnpaid = [3, 7, 11], twoUnpaid = [4, 9];
        await fx.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                var m = members[i];
                var dues = new DuesMember(m.Id, m.AdmissionDecisionDate, true);
                var terms = i == 2
                    ? new DuesBasisTerms(new DateOnly(Year, 1, 1), DuesBasisKind.Exempt, Ground: DuesExemptionGround.SeriousIllness)
                    : new DuesBasisTerms(new DateOnly(Year, 1, 1), DuesBasisKind.Student);
                var basis = new DuesBasis(dues, terms, DuesRateBook.Default, today);
                db.DuesBases.Add(basis);
                if (i == 2) continue; // exempt: owes nothing, pays nothing
                // Every month paid up to this one (this year too), except the skipped months of last year.
                foreach (var due in DuesCalendar.Range(new DateOnly(Year, 1, 1), DuesCalendar.Of(today)))
                {
                    if (due.Year == Year && (i == 0 ? threeUnpaid : twoUnpaid).Contains(due.Month)) continue;
                    db.DuesPayments.Add(new DuesPayment(dues, w.CellB1.Id, [basis], due, DuesLedger.Due(dues, [basis], due).Amount,
                        due.AddDays(5), null, DuesRateBook.Default, today));
                }
            }
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("secretaryB1");

        await EvaluateAsync(client, w.CellB1);
        var page = await Forms.GetDocumentAsync(client, $"/Signals?cellId={w.CellB1.Id}");
        var row = page.QuerySelector($"#signals tr[data-member='{members[0].Id}'][data-kind='UnpaidDues']");
        Assert.NotNull(row);
        Assert.Contains($"3 tháng trong năm {Year}: tháng 3, 7, 11/{Year}", row.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{members[1].Id}'][data-kind='UnpaidDues']"));
        Assert.Null(page.QuerySelector($"#signals tr[data-member='{members[2].Id}'][data-kind='UnpaidDues']"));

        // November is paid late after all: two months remain, and the signal is resolved.
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = members[0];
            var dues = new DuesMember(m.Id, m.AdmissionDecisionDate, true);
            var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == m.Id).ToListAsync();
            var november = new DateOnly(Year, 11, 1);
            db.DuesPayments.Add(new DuesPayment(dues, w.CellB1.Id, bases, november, DuesLedger.Due(dues, bases, november).Amount, today, null, DuesRateBook.Default, today));
            await db.SaveChangesAsync();
        });
        await EvaluateAsync(client, w.CellB1);
        var signal = await fx.Factory.WithDbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.MemberId == members[0].Id && s.Kind == SignalKind.UnpaidDues));
        Assert.NotNull(signal.ResolvedOn);
    }

    [Fact]
    public async Task ALateTransferLetter_RaisesASignal_UntilTheSlipComesBack()
    {
        var w = fx.World;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var leaving = w.MemberOf(w.CellB1, 3);
        var transferId = await fx.Factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == leaving.Id);
            var transfer = Transfer.IssueOfficialOut(member, [], "25-GGT/ĐU", today.AddMonths(-3), "Đảng ủy phường Bến Thành", null,
                new WorkingDayCalendar([]), RuleBook.Default, today);
            db.Transfers.Add(transfer);
            await db.SaveChangesAsync();
            return transfer.Id;
        });
        var client = await fx.ClientForAsync("secretaryB1");

        await EvaluateAsync(client, w.CellB1);
        var page = await Forms.GetDocumentAsync(client, $"/Signals?cellId={w.CellB1.Id}");
        var row = page.QuerySelector($"#signals tr[data-member='{leaving.Id}'][data-kind='TransferPapersLate']");
        Assert.NotNull(row);
        Assert.Contains("số 25-GGT/ĐU", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("đến Đảng ủy phường Bến Thành", row.TextContent, StringComparison.Ordinal);
        // The member has left the cell's roll with the letter: no screening case, a link to the letter instead.
        Assert.Null(row.QuerySelector("form"));
        Assert.Equal($"/Transfers/Details/{transferId}", row.QuerySelector("a.btn")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Transfers/Details/{transferId}")).StatusCode);

        // The slip comes back: the letter is no longer late and the signal is resolved.
        await fx.Factory.WithDbAsync(async db =>
        {
            var transfer = await db.Transfers.SingleAsync(t => t.Id == transferId);
            transfer.ConfirmPresented(today, null, today);
            await db.SaveChangesAsync();
        });
        await EvaluateAsync(client, w.CellB1);
        var signal = await fx.Factory.WithDbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.MemberId == leaving.Id && s.Kind == SignalKind.TransferPapersLate));
        Assert.NotNull(signal.ResolvedOn);
    }
}
