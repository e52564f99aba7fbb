using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Exemptions;

/// <summary>Granting and ending exemptions from activities, and what they change elsewhere (the attendance form).</summary>
public sealed class ExemptionPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    private Task<Member> MemberAsync(int id) => fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    private static async Task<bool> InAttendanceFormAsync(HttpClient client, int cellId, int memberId)
    {
        var form = await Forms.GetDocumentAsync(client, $"/Meetings/Record?cellId={cellId}");
        return form.QuerySelectorAll("input[type=hidden][name$='.MemberId']").Any(e => e.GetAttribute("value") == memberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Grant_MakesTheMemberExemptAndTakesThemOffTheAttendanceForm_ReturnBringsThemBack()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 1);
        var client = await fx.ClientForAsync("secretaryA1");
        Assert.True(await InAttendanceFormAsync(client, w.CellA1.Id, member.Id));

        var response = await Forms.PostFormAsync(client, $"/Exemptions/Grant?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Ground"] = nameof(ExemptionGround.Illness),
            ["Input.ResolutionNumber"] = "07-NQ/CB",
            ["Input.ResolutionDate"] = Format.Date(Today.AddDays(-3)),
            ["Input.StartsOn"] = Format.Date(Today.AddDays(-2)),
        }, "#form-grant");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Members/Details/{member.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(RollState.ExemptFromActivities, (await MemberAsync(member.Id)).RollState);
        var exemption = await fx.Factory.WithDbAsync(db => db.Exemptions.AsNoTracking().SingleAsync(e => e.MemberId == member.Id));
        Assert.Equal(w.CellA1.Id, exemption.CellId);
        Assert.True(await fx.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Exemption))));
        Assert.False(await InAttendanceFormAsync(client, w.CellA1.Id, member.Id));
        var meeting = await Forms.GetDocumentAsync(client, $"/Meetings/Record?cellId={w.CellA1.Id}");
        Assert.Contains(member.FullName, meeting.QuerySelector("#exempt")!.TextContent, StringComparison.Ordinal);

        var profile = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.Contains("Sức khỏe yếu, ốm đau", profile.QuerySelector("#exemption-current")!.TextContent, StringComparison.Ordinal);
        var list = await Forms.GetDocumentAsync(client, $"/Exemptions?cellId={w.CellA1.Id}");
        Assert.NotNull(list.QuerySelector($"#exempt tr[data-member='{member.Id}']"));

        var back = await Forms.PostFormAsync(client, $"/Exemptions/Return/{exemption.Id}", new Dictionary<string, string?>
        {
            ["Input.ReturnedOn"] = Format.Date(Today),
            ["Input.Note"] = "Sức khỏe ổn định, xin trở lại sinh hoạt",
        }, "#form-return");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);
        Assert.Equal(Today, (await fx.Factory.WithDbAsync(db => db.Exemptions.AsNoTracking().SingleAsync(e => e.Id == exemption.Id))).ReturnedOn);
        Assert.True(await InAttendanceFormAsync(client, w.CellA1.Id, member.Id));
        profile = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.Contains("07-NQ/CB", profile.QuerySelector("#exemption-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WorkingAwayWithoutAnEndDate_ShowsAnErrorAndChangesNothing()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 2);
        var client = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(client, $"/Exemptions/Grant?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Ground"] = nameof(ExemptionGround.WorkingAway),
            ["Input.ResolutionNumber"] = "08-NQ/CB",
        }, "#form-grant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Miễn vì đi làm ăn xa là miễn tạm thời: phải ghi ngày kết thúc.", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);
        Assert.False(await fx.Factory.WithDbAsync(db => db.Exemptions.AnyAsync(e => e.MemberId == member.Id)));
    }

    [Fact]
    public async Task Grant_EndingBeforeItStarts_ShowsAnErrorAndChangesNothing()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 3);
        var client = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(client, $"/Exemptions/Grant?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Ground"] = nameof(ExemptionGround.WorkingAway),
            ["Input.ResolutionNumber"] = "09-NQ/CB",
            ["Input.EndsOn"] = Format.Date(Today.AddDays(-1)),
        }, "#form-grant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày kết thúc miễn phải sau ngày bắt đầu.", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);
    }

    [Fact]
    public async Task OverdueTemporaryExemption_IsFlaggedOnTheCellsList_AndStaysExempt()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 4);
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            db.Exemptions.Add(Exemption.Grant(m, null, ExemptionGround.WorkingAway, Today.AddDays(-300), Today.AddDays(-10),
                "03-NQ/CB", Today.AddDays(-305), "Đi làm việc tại Hàn Quốc", Today));
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("committeeA");

        var list = await Forms.GetDocumentAsync(client, $"/Exemptions?cellId={w.CellA1.Id}");

        var row = list.QuerySelector($"#exempt tr[data-member='{member.Id}']")!.TextContent;
        Assert.Contains("Quá hạn, cần làm thủ tục trở lại", row, StringComparison.Ordinal);
        Assert.Equal(RollState.ExemptFromActivities, (await MemberAsync(member.Id)).RollState);
        // The committee reads the list but records nothing.
        Assert.Null(list.QuerySelector("#form-grant-pick"));
    }

    [Fact]
    public async Task OtherCellsSecretary_GetsNotFound_AndTheCommitteeIsForbidden()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 0);
        var other = await fx.ClientForAsync("secretaryB1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Exemptions/Grant?memberId={member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Exemptions?cellId={w.CellA1.Id}")).StatusCode);

        var home = await Forms.GetDocumentAsync(other, "/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await other.PostAsync($"/Exemptions/Grant?memberId={member.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Ground"] = nameof(ExemptionGround.Age),
            ["Input.ResolutionNumber"] = "99-NQ/CB",
            ["Input.ResolutionDate"] = Format.Date(Today),
            ["Input.StartsOn"] = Format.Date(Today),
            ["Input.Version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);

        var committee = await fx.ClientForAsync("committeeA");
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync($"/Exemptions/Grant?memberId={member.Id}")).StatusCode);
    }
}
