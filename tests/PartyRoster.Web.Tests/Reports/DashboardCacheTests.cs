using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>
/// The committee charts kept in memory (Dashboard:RefreshMinutes): a change to the roll shows after "Tính lại ngay", or
/// by itself once the period is over (the next view recomputes them in the background), never in between.
/// </summary>
public sealed class DashboardCacheTests
{
    [Fact]
    public async Task KeptFigures_ShowTheirTime_AndTinhLaiNgayComputesThemAgain()
    {
        using var factory = new PartyRosterFactory { RefreshDashboardMinutes = "10" };
        var (world, client) = await DeptAsync(factory);
        var before = await OnRollAsync(client, "/");
        var computedAt = (await Forms.GetDocumentAsync(client, "/")).QuerySelector("#computed-at")!.TextContent;
        Assert.Matches(@"Số liệu tính lúc \d{2}/\d{2}/\d{4} \d{2}:\d{2}", computedAt);

        await RecordDeathAsync(factory, world);

        Assert.Equal(before, await OnRollAsync(client, "/"));
        var home = await Forms.GetDocumentAsync(client, "/");
        Assert.Equal("/?refresh=true", home.QuerySelector("#refresh-dashboard")!.GetAttribute("href"));
        Assert.Equal(before - 1, await OnRollAsync(client, "/?refresh=true"));
        Assert.Equal(before - 1, await OnRollAsync(client, "/"));
    }

    [Fact]
    public async Task FiguresOlderThanThePeriod_AreServedOnce_ThenReplacedByFreshOnes()
    {
        using var factory = new PartyRosterFactory { RefreshDashboardMinutes = "0.001" };
        var (world, client) = await DeptAsync(factory);
        var before = await OnRollAsync(client, "/");

        await RecordDeathAsync(factory, world);
        await Task.Delay(100);

        // The view that finds the figures old gets them at once and starts the new computation.
        Assert.Equal(before, await OnRollAsync(client, "/"));
        var after = before;
        for (var i = 0; i < 100 && after == before; i++)
        {
            await Task.Delay(100);
            after = await OnRollAsync(client, "/");
        }
        Assert.Equal(before - 1, after);
    }

    private static async Task<(TestWorld World, HttpClient Client)> DeptAsync(PartyRosterFactory factory)
    {
        var world = await TestWorld.CreateAsync(factory);
        var client = factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, world.Emails["dept"], TestWorld.Password);
        return (world, client);
    }

    /// <summary>The roll chart's title figure: "Đảng viên trong danh sách: N".</summary>
    private static async Task<int> OnRollAsync(HttpClient client, string url)
    {
        var title = (await Forms.GetDocumentAsync(client, url)).QuerySelector("#chart-roll")!.TextContent;
        var match = System.Text.RegularExpressions.Regex.Match(title, @"Đảng viên trong danh sách: ([\d.]+)");
        Assert.True(match.Success, title);
        return int.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task RecordDeathAsync(PartyRosterFactory factory, TestWorld world)
    {
        var member = world.MemberOf(world.CellA1).Id;
        Assert.Equal(1, await factory.WithDbAsync(db => db.Members.Where(m => m.Id == member)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RollState, RollState.Deceased))));
    }
}
