using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Access;

/// <summary>
/// Every page × every role × in scope / out of scope. In scope → 200; the role lacks the capability
/// → 403; the role has it elsewhere but not over this record → 404 (ids cannot be probed).
/// </summary>
public sealed class AccessMatrixTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    public static readonly TheoryData<string> Users =
        new(["secretaryA1", "secretaryB1", "committeeA", "dept", "inspector", "standing", "admin"]);

    private static readonly Dictionary<string, (Role Role, Func<TestWorld, string> Path)> Grants = new()
    {
        ["secretaryA1"] = (Role.CellSecretary, w => w.CellA1.Path),
        ["secretaryB1"] = (Role.CellSecretary, w => w.CellB1.Path),
        ["committeeA"] = (Role.GrassrootsCommittee, w => w.CommitteeA.Path),
        ["dept"] = (Role.OrganizationDept, w => w.Root.Path),
        ["inspector"] = (Role.InspectionCommittee, w => w.Root.Path),
        ["standing"] = (Role.StandingCommittee, w => w.Root.Path),
        ["admin"] = (Role.Admin, w => w.Root.Path),
    };

    /// <summary>Pages that list or create within the user's scope: allowed when the capability is held anywhere.</summary>
    private static readonly (string Url, Capability Capability)[] ScopePages =
    [
        ("/Members", Capability.ViewMembers),
        ("/Members/Create", Capability.EditMembers),
        ("/Members/Import", Capability.ImportMembers),
        ("/Organizations", Capability.ViewOrganizations),
        ("/Organizations/Create", Capability.ManageOrganizations),
        ("/Registers", Capability.ViewRegisters),
        ("/Registers/OnRoll", Capability.ViewRegisters),
        ("/Registers/Left", Capability.ViewRegisters),
        ("/Registers/Deceased", Capability.ViewRegisters),
        ("/Registers/Admitted", Capability.ViewRegisters),
        ("/Registers/Transfers", Capability.ViewRegisters),
        ("/Registers/Transfers?Kind=OfficialOut&Year=2023&Quarter=1&handler=Xlsx", Capability.ViewRegisters),
        ("/Reports", Capability.ViewReports),
        ("/Reports/removals", Capability.ViewReports),
        ("/Reports/help-list", Capability.ViewReports),
        ("/Reports/dues", Capability.ViewReports),
        ("/Reports/dues?Year=2023&handler=Xlsx", Capability.ViewReports),
        ("/Admin/Users", Capability.ManageUsers),
        ("/Admin/Users/Create", Capability.ManageUsers),
        ("/Audit", Capability.ViewAudit),
        ("/Meetings", Capability.ViewMeetings),
        ("/Meetings/Statistics", Capability.ViewMeetings),
        ("/Signals", Capability.ViewSignals),
        ("/Ratings", Capability.ViewRatings),
        ("/Exemptions", Capability.ViewMembers),
        ("/Dues", Capability.ViewDues),
        ("/Dues/Arrears", Capability.ViewDues),
        ("/Dues/Arrears?year=2023&minMonths=3", Capability.ViewDues),
        ("/Dues/Rates", Capability.ViewDues),
        ("/Screening", Capability.ViewCases),
        ("/Screening/Queue", Capability.ViewCases),
        ("/Transfers", Capability.ViewTransfers),
        ("/Transfers/Reportable", Capability.ViewTransfers),
        ("/Transfers/Receive", Capability.ManageTransfers),
        ("/Transfers/Guest", Capability.ManageTransfers),
        ("/Transfers/Proceedings", Capability.RecordInspections),
    ];

    private HttpStatusCode Expected(string user, Capability capability, string? targetPath)
    {
        var (role, path) = Grants[user];
        Grant[] grants = [new(role, 0, path(fx.World))];
        if (!AccessPolicy.AllowsAnywhere(grants, capability)) return HttpStatusCode.Forbidden;
        if (targetPath is null) return HttpStatusCode.OK;
        return AccessPolicy.Allows(grants, capability, targetPath) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
    }

    private static async Task AssertStatusAsync(HttpClient client, string user, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{user} GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task ScopePages_AnswerByCapability(string user)
    {
        var client = await fx.ClientForAsync(user);
        foreach (var (url, capability) in ScopePages)
            await AssertStatusAsync(client, user, url, Expected(user, capability, null));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task RecordPages_AnswerByCapabilityAndScope(string user)
    {
        var w = fx.World;
        var client = await fx.ClientForAsync(user);
        foreach (var cell in new[] { w.CellA1, w.CellB1 })
        {
            var member = w.MemberOf(cell);
            await AssertStatusAsync(client, user, $"/Members/Details/{member.Id}", Expected(user, Capability.ViewMembers, cell.Path));
            await AssertStatusAsync(client, user, $"/Members/Edit/{member.Id}", Expected(user, Capability.EditMembers, cell.Path));
            await AssertStatusAsync(client, user, $"/Organizations/Details/{cell.Id}", Expected(user, Capability.ViewOrganizations, cell.Path));
            await AssertStatusAsync(client, user, $"/Meetings/Attendance?cellId={cell.Id}", Expected(user, Capability.ViewMeetings, cell.Path));
            await AssertStatusAsync(client, user, $"/Signals?cellId={cell.Id}", Expected(user, Capability.ViewSignals, cell.Path));
            await AssertStatusAsync(client, user, $"/Dues/Arrears?orgId={cell.Id}&year=2023", Expected(user, Capability.ViewDues, cell.Path));
            await AssertStatusAsync(client, user, $"/Reports/dues?OrganizationId={cell.Id}&Year=2023", Expected(user, Capability.ViewReports, cell.Path));
        }
        await AssertStatusAsync(client, user, $"/Organizations/Details/{w.CommitteeB.Id}", Expected(user, Capability.ViewOrganizations, w.CommitteeB.Path));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EditingAMemberOutsideScope_ChangesNothing(string user)
    {
        var w = fx.World;
        var target = w.MemberOf(w.CellB1, 1);
        var client = await fx.ClientForAsync(user);
        var expected = Expected(user, Capability.EditMembers, w.CellB1.Path);
        if (expected == HttpStatusCode.OK) return; // in scope: covered by the member record tests

        // Any page's antiforgery token is valid for this user's session: take it from the home page.
        var home = await Forms.GetDocumentAsync(client, "/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/Members/Edit/{target.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.FullName"] = "Người Lạ Sửa",
            ["Input.Version"] = "0",
        }));
        Assert.Equal(expected, response.StatusCode);

        var death = await client.PostAsync($"/Members/Details/{target.Id}?handler=Death", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Death.Date"] = "01/01/2026",
            ["Death.Version"] = "0",
        }));
        Assert.Contains(death.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        var saved = await fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == target.Id));
        Assert.Equal(target.FullName, saved.FullName);
        Assert.Equal(RollState.Active, saved.RollState);
    }

    [Fact]
    public async Task CellSecretary_GuessingAnotherCellsMemberId_Gets404()
    {
        var client = await fx.ClientForAsync("secretaryA1");
        var other = fx.World.MemberOf(fx.World.CellB1);
        var response = await client.GetAsync($"/Members/Details/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(other.FullName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToLogin()
    {
        var client = fx.Factory.CreateBrowserlessClient();
        var response = await client.GetAsync($"/Members/Details/{fx.World.MemberOf(fx.World.CellA1).Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPageOutsideAccount_DeclaresACapabilityPolicy()
    {
        var open = new HashSet<string> { "IndexModel", "ErrorModel" };
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract
                        && t.Namespace?.Contains(".Pages.Account", StringComparison.Ordinal) != true
                        && !(t.Namespace == "PartyRoster.Web.Pages" && open.Contains(t.Name)))
            .ToList();
        Assert.NotEmpty(pages);
        var missing = pages.Where(t => t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).All(a => string.IsNullOrEmpty(a.Policy)))
            .Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Pages without a capability policy: " + string.Join(", ", missing));
    }
}
