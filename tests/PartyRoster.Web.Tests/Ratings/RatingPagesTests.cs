using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Ratings;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Ratings;

/// <summary>
/// Recording a cell's annual ratings, the quota warning, the committee's view and the scope rules. Tests in this
/// class share one world, so each works on its own cell and year.
/// </summary>
public sealed class RatingPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);
    private static int LastYear => Today.Year - 1;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form's rows in order: the field prefix ("Input.Rows[2]") of each member id.</summary>
    private static Dictionary<int, string> Rows(IHtmlDocument form) =>
        form.QuerySelectorAll("input[type=hidden][name$='.MemberId']")
            .ToDictionary(e => int.Parse(e.GetAttribute("value")!, CultureInfo.InvariantCulture),
                e => e.GetAttribute("name")!.Replace(".MemberId", "", StringComparison.Ordinal));

    [Fact]
    public async Task Record_SavesEveryMembersRating_AuditsIt_AndShowsTheQuotaWarning()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryA1");
        var url = $"/Ratings/Record?cellId={w.CellA1.Id}&year={LastYear}";
        var rows = Rows(await Forms.GetDocumentAsync(client, url));
        var members = w.MembersByCell[w.CellA1.Id];
        Assert.Equal(members.Select(m => m.Id).Order(), rows.Keys.Order());

        // 1 excellent, 2 good, 1 completed, 1 lowered to "không hoàn thành": one excellent is over 20% of two good.
        int[] scores = [95, 80, 75, 60, 85];
        var values = new Dictionary<string, string?>
        {
            ["Input.RatedOn"] = $"20/12/{LastYear}",
            ["Input.Resolution"] = "15-NQ/CB",
        };
        for (var i = 0; i < members.Count; i++) values[rows[members[i].Id] + ".Score"] = Id(scores[i]);
        var lowered = members[4];
        values[rows[lowered.Id] + ".LoweredTo"] = nameof(RatingLevel.NotCompleted);
        values[rows[lowered.Id] + ".LoweringReason"] = "Bị kỷ luật khiển trách trong năm";

        var response = await Forms.PostFormAsync(client, url, values, "#form-ratings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (sheet, audited) = await fx.Factory.WithDbAsync(async db => (
            await db.RatingSheets.AsNoTracking().SingleAsync(s => s.CellId == w.CellA1.Id && s.Year == LastYear),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(AnnualRating))));
        Assert.Equal(new DateOnly(LastYear, 12, 20), sheet.RatedOn);
        var levels = sheet.Ratings.ToDictionary(r => r.MemberId, r => r.Level);
        Assert.Equal(RatingLevel.Excellent, levels[members[0].Id]);
        Assert.Equal(RatingLevel.Good, levels[members[1].Id]);
        Assert.Equal(RatingLevel.Completed, levels[members[3].Id]);
        Assert.Equal(RatingLevel.NotCompleted, levels[lowered.Id]);
        Assert.Equal(85, sheet.Ratings.Single(r => r.MemberId == lowered.Id).Score);
        Assert.True(audited >= members.Count);
        Assert.NotNull(sheet.QuotaWarning);

        var page = await Forms.GetDocumentAsync(client, $"/Ratings?orgId={w.CellA1.Id}&year={LastYear}");
        Assert.Contains("vượt quá 20%", page.QuerySelector("#quota-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("#dist-count-Good")!.TextContent.Trim());
        Assert.Equal("40%", page.QuerySelector("#dist-pct-Good")!.TextContent.Trim());
        Assert.Equal(5, page.QuerySelectorAll("#ratings tbody tr").Length);

        var profile = await Forms.GetDocumentAsync(client, $"/Members/Details/{lowered.Id}");
        var history = profile.QuerySelector($"#rating-history tr[data-year='{LastYear}']")!.TextContent;
        Assert.Contains("Không hoàn thành nhiệm vụ", history, StringComparison.Ordinal);
        Assert.Contains("Bị kỷ luật khiển trách", history, StringComparison.Ordinal);

        // Saving again corrects: the excellent member becomes good, which also ends the quota warning.
        values[rows[members[0].Id] + ".Score"] = "88";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(client, url, values, "#form-ratings")).StatusCode);
        var corrected = await fx.Factory.WithDbAsync(db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.CellId == w.CellA1.Id && s.Year == LastYear));
        Assert.Equal(5, corrected.Ratings.Count);
        Assert.Equal(RatingLevel.Good, corrected.Ratings.Single(r => r.MemberId == members[0].Id).Level);
        Assert.Null(corrected.QuotaWarning);
        Assert.True(corrected.Version > sheet.Version);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public async Task Record_ScoreOffTheScale_ShowsAVietnameseErrorAndSavesNothing(string score)
    {
        var w = fx.World;
        var year = LastYear - 1;
        var client = await fx.ClientForAsync("secretaryA1");
        var url = $"/Ratings/Record?cellId={w.CellA1.Id}&year={year}";
        var rows = Rows(await Forms.GetDocumentAsync(client, url));
        var values = rows.Values.ToDictionary(p => p + ".Score", _ => (string?)"80");
        values[rows[w.MemberOf(w.CellA1, 2).Id] + ".Score"] = score;
        values["Input.RatedOn"] = $"28/12/{year}";

        var response = await Forms.PostFormAsync(client, url, values, "#form-ratings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains(w.MemberOf(w.CellA1, 2).FullName, StringComparison.Ordinal)
                                     && e.Contains("số nguyên từ 0 đến 100", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.RatingSheets.AnyAsync(s => s.CellId == w.CellA1.Id && s.Year == year)));
    }

    [Fact]
    public async Task Record_WithAMissingScore_ShowsAnErrorAndSavesNothing()
    {
        var w = fx.World;
        var year = LastYear - 2;
        var client = await fx.ClientForAsync("secretaryA1");
        var url = $"/Ratings/Record?cellId={w.CellA1.Id}&year={year}";
        var response = await Forms.PostFormAsync(client, url, new Dictionary<string, string?> { ["Input.RatedOn"] = $"28/12/{year}" }, "#form-ratings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Còn 5 đảng viên chưa có điểm.", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.False(await fx.Factory.WithDbAsync(db => db.RatingSheets.AnyAsync(s => s.CellId == w.CellA1.Id && s.Year == year)));
    }

    [Fact]
    public async Task OtherCellsSecretary_GetsNotFound_AndCannotPost()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("secretaryB1");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Ratings?orgId={w.CellA1.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Ratings/Record?cellId={w.CellA1.Id}&year={LastYear}")).StatusCode);

        // A valid token (from B1's own form) does not open A1's sheet.
        var own = await Forms.GetDocumentAsync(client, $"/Ratings/Record?cellId={w.CellB1.Id}&year={LastYear - 2}");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync($"/Ratings/Record?cellId={w.CellA1.Id}&year={LastYear - 2}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.RatedOn"] = $"28/12/{LastYear - 2}",
            ["Input.Rows[0].MemberId"] = Id(w.MemberOf(w.CellA1).Id),
            ["Input.Rows[0].Score"] = "99",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await fx.Factory.WithDbAsync(db => db.AnnualRatings.AnyAsync(r => r.MemberId == w.MemberOf(w.CellA1).Id && r.Year == LastYear - 2)));
    }

    [Fact]
    public async Task Committee_SeesTheDistributionOfItsCells_ButCannotRecord()
    {
        var w = fx.World;
        var year = LastYear;
        await fx.Factory.WithDbAsync(async db =>
        {
            var sheet = new RatingSheet(w.CellA2.Id, year);
            int[] scores = [92, 91, 80, 79, 45];
            var members = w.MembersByCell[w.CellA2.Id];
            sheet.Record(new DateOnly(year, 12, 18), false, null,
                members.Select((m, i) => new RatingEntry(m.Id, scores[i], null, null, null)), members.Select(m => m.Id).ToHashSet(),
                RatingRuleBook.Default.ForYear(year), Today);
            db.RatingSheets.Add(sheet);
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("committeeA");

        var page = await Forms.GetDocumentAsync(client, $"/Ratings?orgId={w.CommitteeA.Id}&year={year}");

        var row = page.QuerySelector($"#cells tr[data-cell='{w.CellA2.Id}']")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["5", "5", "2", "2", "0", "1"], cells.Skip(1).Take(6));
        Assert.Contains("Vượt tỷ lệ xuất sắc", cells[^1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#cells tr[data-cell='{w.CellA1.Id}']"));
        Assert.Null(page.QuerySelector($"#cells tr[data-cell='{w.CellB1.Id}']"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Ratings?orgId={w.CommitteeB.Id}&year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Ratings/Record?cellId={w.CellA2.Id}&year={year}")).StatusCode);
    }

    [Fact]
    public async Task MembersNotToBeRated_AreLeftOutWithTheirReason()
    {
        var w = fx.World;
        var year = LastYear;
        var exempt = w.MemberOf(w.CellB1, 4);
        var newcomer = w.MemberOf(w.CellB1, 3);
        await fx.Factory.WithDbAsync(async db =>
        {
            (await db.Members.SingleAsync(m => m.Id == exempt.Id)).SetRollStateOnRoll(RollState.ExemptFromActivities);
            var m = await db.Members.SingleAsync(x => x.Id == newcomer.Id);
            // Admitted five months before the end of the year: too recent to be rated.
            var ceremony = new DateOnly(year, 7, 31);
            m.UpdateAdmission(new MemberAdmission { AdmissionDecisionDate = ceremony.AddDays(-14), AdmissionCeremonyDate = ceremony });
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("secretaryB1");

        var form = await Forms.GetDocumentAsync(client, $"/Ratings/Record?cellId={w.CellB1.Id}&year={year}");

        Assert.Equal(3, Rows(form).Count);
        var leftOut = form.QuerySelector("#left-out")!.TextContent;
        Assert.Contains($"{exempt.FullName} – Được miễn công tác và sinh hoạt đảng", leftOut, StringComparison.Ordinal);
        Assert.Contains($"{newcomer.FullName} – Mới kết nạp", leftOut, StringComparison.Ordinal);
        Assert.Contains("31/07/" + year, leftOut, StringComparison.Ordinal);
    }
}
