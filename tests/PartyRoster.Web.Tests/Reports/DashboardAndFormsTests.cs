using System.Net;
using PartyRoster.Domain.Reports;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>The home dashboard for two roles, the printable forms, and the case list's status groups, on the known dataset.</summary>
public sealed class DashboardAndFormsTests(ReportWorldFixture fx) : IClassFixture<ReportWorldFixture>
{
    [Fact]
    public async Task Secretary_SeesTheirCell_WithEachFigureLinkingToItsList()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("secretaryA1");
        var home = await Forms.GetDocumentAsync(client, "/");
        var panel = home.QuerySelector($"#cell-panel-{w.CellA1.Id}")!;
        Assert.NotNull(panel);
        Assert.Null(home.QuerySelector("#subtree-dashboard"));

        // Cell A1: 5 − 2 removed + 1 admitted in 2021 (official since 2022).
        var official = panel.QuerySelector("[data-figure=official]")!;
        Assert.Equal("4", official.QuerySelector(".display-6")!.TextContent.Trim());
        Assert.Equal($"/Members?OrganizationId={w.CellA1.Id}&Standing=Official", official.GetAttribute("href"));
        Assert.Equal("0", panel.QuerySelector("[data-figure=probationary] .display-6")!.TextContent.Trim());
        Assert.Equal($"/Screening/DirectionList?cellId={w.CellA1.Id}", panel.QuerySelector("[data-figure=direction-list]")!.GetAttribute("href"));

        var members = await Forms.GetDocumentAsync(client, official.GetAttribute("href")!);
        Assert.Equal(4, members.QuerySelectorAll("a[href^='/Members/Details/']").Select(a => a.GetAttribute("href")).Distinct().Count());
    }

    [Fact]
    public async Task Dept_SeesSubtreeCharts_WhoseBarsMatchTheListsBehindThem()
    {
        var client = await fx.World.ClientForAsync("dept");
        var home = await Forms.GetDocumentAsync(client, "/");
        Assert.NotNull(home.QuerySelector("#subtree-dashboard"));
        Assert.Empty(home.QuerySelectorAll(".cell-panel"));

        // On the roll: 13 official, 1 probationary (see Roll report test).
        var roll = home.QuerySelectorAll("#chart-roll .chart-table tr").Select(tr => tr.TextContent.Trim()).ToList();
        Assert.Contains(roll, r => r.StartsWith("Chính thức", StringComparison.Ordinal) && r.EndsWith("13", StringComparison.Ordinal));
        Assert.Contains(roll, r => r.StartsWith("Dự bị", StringComparison.Ordinal) && r.EndsWith('1'));

        // Removals over the five years to this one, by reason: the withdrawal bar links to the register of exactly those members.
        var from = fx.ThisYear - 4;
        int[] withdrawals = [2021, fx.ThisYear];
        var expected = withdrawals.Count(y => y >= from);
        var bar = home.QuerySelectorAll("#chart-removals a").Single(a => a.QuerySelector("title")!.TextContent.StartsWith(RemovalReason.Withdrew.ShortName(), StringComparison.Ordinal));
        Assert.EndsWith($": {expected}", bar.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        var href = bar.GetAttribute("href")!;
        Assert.Equal($"/Registers/Left?FromYear={from}&ToYear={fx.ThisYear}&Reason=Withdrew", href);
        var register = await Forms.GetDocumentAsync(client, href);
        Assert.Equal(expected, register.QuerySelectorAll(".register-group tbody tr").Length);

        // Help list outcomes: one member under help, linking to the case list filtered to those statuses.
        var help = home.QuerySelectorAll("#chart-help a").Single(a => a.QuerySelector("title")!.TextContent.StartsWith(HelpOutcome.UnderHelp.DisplayName(), StringComparison.Ordinal));
        Assert.EndsWith(": 1", help.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        var cases = await Forms.GetDocumentAsync(client, help.GetAttribute("href")!);
        Assert.Single(cases.QuerySelectorAll($"a[href='/Screening/Case/{fx.HelpCaseId}']").Select(a => a.GetAttribute("href")).Distinct());
        Assert.Empty(cases.QuerySelectorAll($"a[href='/Screening/Case/{fx.ProposedCaseId}']"));
    }

    [Fact]
    public async Task Dashboard_ShowsDuesCompliance_ForTheCommittee_AndArrearsForEachSecretary()
    {
        var w = fx.W;
        var today = fx.Today;
        var dept = await fx.World.ClientForAsync("dept");
        var home = await Forms.GetDocumentAsync(dept, "/");
        var bars = home.QuerySelectorAll("#chart-dues a").Select(a => (Title: a.QuerySelector("title")!.TextContent, Href: a.GetAttribute("href"))).ToList();
        // This year to last month: A1's two paying members paid every month (100%), B1 paid nothing (0%); A2 and the chi bộ cơ sở owed nothing.
        // In January no month of the year has ended yet: nothing is counted.
        var january = today.Month == 1;
        Assert.Equal([$"Đã đóng đủ (100%): {(january ? 0 : 1)}", "Từ 80% đến dưới 100%: 0", $"Dưới 80%: {(january ? 0 : 1)}"], bars.Select(b => b.Title));
        Assert.All(bars, b => Assert.Equal($"/Reports/dues?Year={today.Year}", b.Href));
        if (!january)
        {
            var report = await Forms.GetDocumentAsync(dept, bars[0].Href!);
            Assert.Equal("100,0%", report.QuerySelectorAll($"#dues-by-cell tr[data-key='{w.CellA1.Id}'] td")[5].TextContent.Trim());
            Assert.Equal("0,0%", report.QuerySelectorAll($"#dues-by-cell tr[data-key='{w.CellB1.Id}'] td")[5].TextContent.Trim());
        }

        // Cell panels: arrears over the last twelve ended months, as the arrears page counts them.
        var b1 = (await Forms.GetDocumentAsync(await fx.World.ClientForAsync("secretaryB1"), "/")).QuerySelector("[data-figure=dues]")!;
        Assert.Equal("2", b1.QuerySelector(".display-6")!.TextContent.Trim());
        Assert.Contains("(24 tháng)", b1.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Dues/Arrears?orgId={w.CellB1.Id}", b1.GetAttribute("href"));
        // A1[3] paid this year's months only: the window's months of last year (13 − this month of them) are owed.
        var a1 = (await Forms.GetDocumentAsync(await fx.World.ClientForAsync("secretaryA1"), "/")).QuerySelector($"#cell-panel-{w.CellA1.Id} [data-figure=dues]")!;
        Assert.Equal("1", a1.QuerySelector(".display-6")!.TextContent.Trim());
        Assert.Contains($"({13 - today.Month} tháng)", a1.TextContent, StringComparison.Ordinal);
        var arrears = await Forms.GetDocumentAsync(await fx.World.ClientForAsync("secretaryA1"), a1.GetAttribute("href")!);
        Assert.Equal("1", arrears.QuerySelector("#in-arrears")!.TextContent.Trim());
    }

    [Fact]
    public async Task BallotMinutes_ShowTheTally_ThresholdAndResult_AndStayInScope()
    {
        var client = await fx.World.ClientForAsync("secretaryA1");
        // Step 3 of the charter case is the cell's removal ballot: 5 eligible, 4 for, 1 against.
        var page = await Forms.GetDocumentAsync(client, $"/Screening/Minutes/{fx.CharterCaseId}?step=3");
        Assert.Equal("5", page.QuerySelector("#eligible")!.TextContent.Trim());
        Assert.Equal("4", page.QuerySelector("#for")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#against")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("#other")!.TextContent.Trim());
        Assert.Contains("ít nhất 4 phiếu đồng ý", page.QuerySelector("#minutes-threshold")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4/5 phiếu đồng ý – đạt tỷ lệ", page.QuerySelector("#minutes-result")!.TextContent, StringComparison.Ordinal);
        // Today the cell has 4 official members, which no longer matches the recorded basis of 5: left blank to fill in by hand.
        Assert.Equal("......", page.QuerySelector("#official")!.TextContent.Trim());
        Assert.Contains("TỔ TRƯỞNG TỔ KIỂM PHIẾU", page.QuerySelector(".minutes-signatures")!.TextContent, StringComparison.Ordinal);

        // The opening step has no tally; another cell's secretary may not read the case.
        await Forms.GetDocumentAsync(client, $"/Screening/Minutes/{fx.CharterCaseId}?step=1", HttpStatusCode.NotFound);
        var other = await fx.World.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(other, $"/Screening/Minutes/{fx.CharterCaseId}?step=3", HttpStatusCode.NotFound);

        var casePage = await Forms.GetDocumentAsync(client, $"/Screening/Case/{fx.CharterCaseId}");
        Assert.NotNull(casePage.QuerySelector($"a[href='/Screening/Minutes/{fx.CharterCaseId}?step=3']"));
    }

    [Fact]
    public async Task DirectionList_ListsTheCellsProposals_WithReasonsAndEvidence()
    {
        var w = fx.W;
        var client = await fx.World.ClientForAsync("secretaryA1");
        var page = await Forms.GetDocumentAsync(client, $"/Screening/DirectionList?cellId={w.CellA1.Id}");
        var row = Assert.Single(page.QuerySelectorAll("#direction-rows tbody tr"));
        Assert.Equal(fx.ProposedCaseId.ToString(), row.GetAttribute("data-case"));
        var text = row.TextContent;
        Assert.Contains(w.MemberOf(w.CellA1, 2).FullName, text, StringComparison.Ordinal);
        Assert.Contains("C4", text, StringComparison.Ordinal);
        Assert.Contains("Uống rượu say gây mất trật tự", text, StringComparison.Ordinal);
        Assert.Contains($"Kính gửi: {w.CommitteeA.Name}", page.QuerySelector("#direction-list")!.TextContent, StringComparison.Ordinal);

        var other = await fx.World.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(other, $"/Screening/DirectionList?cellId={w.CellA1.Id}", HttpStatusCode.NotFound);
        var empty = await Forms.GetDocumentAsync(other, $"/Screening/DirectionList?cellId={w.CellB1.Id}");
        Assert.NotNull(empty.QuerySelector("#direction-empty"));
    }

    [Fact]
    public async Task MemberSheet_PrintsTheRecord_InScopeOnly()
    {
        var w = fx.W;
        var member = w.MemberOf(w.CellA1, 3);
        var client = await fx.World.ClientForAsync("secretaryA1");
        var sheet = await Forms.GetDocumentAsync(client, $"/Members/Sheet/{member.Id}");
        var text = sheet.QuerySelector("#member-sheet")!.TextContent;
        Assert.Contains("PHIẾU ĐẢNG VIÊN", text, StringComparison.Ordinal);
        Assert.Contains(member.FullName, text, StringComparison.Ordinal);
        Assert.Contains(member.PartyCardNumber!, text, StringComparison.Ordinal);
        Assert.Contains(w.CommitteeA.Name, text, StringComparison.Ordinal);
        Assert.Contains("01/05/2005", text, StringComparison.Ordinal);
        var details = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.NotNull(details.QuerySelector($"a[href='/Members/Sheet/{member.Id}']"));

        var other = await fx.World.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(other, $"/Members/Sheet/{member.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CaseList_AcceptsSeveralStatuses_AndIgnoresUnknownOnes()
    {
        var client = await fx.World.ClientForAsync("dept");
        var both = await Forms.GetDocumentAsync(client, "/Screening?Status=Listed,Proposed&Track=Education");
        Assert.NotEmpty(both.QuerySelectorAll($"a[href='/Screening/Case/{fx.HelpCaseId}']"));
        Assert.NotEmpty(both.QuerySelectorAll($"a[href='/Screening/Case/{fx.ProposedCaseId}']"));
        var listed = await Forms.GetDocumentAsync(client, "/Screening?Status=Listed,Nonsense&Track=Education");
        Assert.NotEmpty(listed.QuerySelectorAll($"a[href='/Screening/Case/{fx.HelpCaseId}']"));
        Assert.Empty(listed.QuerySelectorAll($"a[href='/Screening/Case/{fx.ProposedCaseId}']"));
    }
}
