using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Browser;

/// <summary>
/// Ban Tổ chức's main path (issue #2): sign in, find a member by a name typed without diacritics,
/// open the profile, change a field, see it saved. Screenshots go to docs/screenshots.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class MemberRecordJourney(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OrganizationDept_FindsMemberWithoutDiacritics_EditsPhone_SeesItSaved()
    {
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, "dept");
        await BrowserFixture.ScreenshotAsync(page, "01-trang-chu-ban-to-chuc");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đảng viên", Exact = true }).ClickAsync();
        await page.GetByLabel("Tìm theo tên / CCCD / số thẻ").FillAsync("dang van duc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("Tìm thấy 4 đảng viên");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "02-tim-kiem-khong-dau");

        await page.Locator("#members tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "Đặng Văn Đức" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đặng Văn Đức" })).ToBeVisibleAsync();
        var memberId = int.Parse(page.Url.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.ScreenshotAsync(page, "03-ly-lich-dang-vien");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa hồ sơ" }).ClickAsync();
        await page.GetByLabel("Điện thoại").FillAsync("0912 345 678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ đảng viên Đặng Văn Đức");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("0912 345 678");
        await BrowserFixture.ScreenshotAsync(page, "04-da-luu-ho-so");

        var phone = await fx.Server.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Phone).SingleAsync());
        Assert.Equal("0912 345 678", phone);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CellSecretary_OnAPhone_SeesOnlyTheirCellAndAReadableProfile()
    {
        var page = await fx.NewPageAsync(phone: true);
        await fx.SignInAsync(page, "secretaryA1");
        await page.GotoAsync("/Members");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#members")).Not.ToContainTextAsync(fx.World.CellB1.Name);
        await BrowserFixture.ScreenshotAsync(page, "05-bi-thu-dien-thoai-danh-sach");

        // The table scrolls inside its own box: the page itself never becomes wider than the phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The member list overflows a 390 px wide phone screen.");
        await page.Context.CloseAsync();
    }
}
