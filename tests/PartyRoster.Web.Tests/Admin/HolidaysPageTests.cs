using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Calendar;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Admin;

public sealed class HolidaysPageTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private const string Url = "/Admin/Holidays";

    private static Task<HttpResponseMessage> AddAsync(HttpClient admin, string date, string name, HolidayKind kind = HolidayKind.Holiday) =>
        Forms.PostFormAsync(admin, Url, new Dictionary<string, string?>
        {
            ["Input.Date"] = date,
            ["Input.Name"] = name,
            ["Input.Kind"] = kind.ToString(),
        }, "form#add-holiday-form");

    [Fact]
    public async Task Index_ForYear2026_ListsTheSeededTetDays()
    {
        var admin = await fx.ClientForAsync("admin");
        var doc = await Forms.GetDocumentAsync(admin, Url + "?year=2026");
        var rows = doc.QuerySelectorAll("#holidays tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("17/02/2026", StringComparison.Ordinal) && r.Contains("Tết Nguyên đán Bính Ngọ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("27/04/2026", StringComparison.Ordinal) && r.Contains("Nghỉ bù", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("/2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_ValidDay_IsSavedAuditedAndCountedByTheCalendarAtOnce()
    {
        var admin = await fx.ClientForAsync("admin");
        var calendars = fx.Factory.Services.GetRequiredService<WorkingCalendarService>();
        var day = new DateOnly(2028, 11, 24); // a Friday, beyond the seeded years
        Assert.True((await calendars.GetAsync()).IsWorkingDay(day));

        var response = await AddAsync(admin, "24/11/2028", "Ngày Văn hóa Việt Nam");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fx.Factory.WithDbAsync(db => db.Holidays.AsNoTracking().SingleAsync(h => h.Date == day));
        Assert.Equal(("Ngày Văn hóa Việt Nam", HolidayKind.Holiday), (saved.Name, saved.Kind));
        Assert.False((await calendars.GetAsync()).IsWorkingDay(day));
        var audit = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Holiday) && a.EntityId == "2028-11-24").ToListAsync());
        Assert.Single(audit);
        Assert.Equal("Tạo mới", audit[0].Action);
    }

    [Theory]
    [InlineData("30/02/2026", "Ngày không hợp lệ (dd/mm/yyyy).")]
    [InlineData("", "Hãy nhập ngày (dd/mm/yyyy).")]
    [InlineData("17/02/2026", "Ngày 17/02/2026 đã có trong lịch (Tết Nguyên đán Bính Ngọ).")]
    public async Task Add_WithBadOrDuplicateDate_ShowsVietnameseErrorAndSavesNothing(string date, string error)
    {
        var admin = await fx.ClientForAsync("admin");
        var before = await fx.Factory.WithDbAsync(db => db.Holidays.CountAsync());

        var response = await AddAsync(admin, date, "Ngày thử");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, Forms.Errors(await Forms.ParseAsync(response)));
        Assert.Equal(before, await fx.Factory.WithDbAsync(db => db.Holidays.CountAsync()));
        var tet = await fx.Factory.WithDbAsync(db => db.Holidays.AsNoTracking().SingleAsync(h => h.Date == new DateOnly(2026, 2, 17)));
        Assert.Equal("Tết Nguyên đán Bính Ngọ", tet.Name);
    }

    [Fact]
    public async Task Add_WorkingDayOnAWeekday_IsRefused()
    {
        var admin = await fx.ClientForAsync("admin");
        var response = await AddAsync(admin, "07/06/2028", "Làm bù", HolidayKind.WorkingDay);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; 07/06/2028 là Thứ Tư.", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == new DateOnly(2028, 6, 7))));
    }

    [Fact]
    public async Task Remove_Day_IsDeletedAndTheCalendarCountsItAsWorkingAgain()
    {
        var admin = await fx.ClientForAsync("admin");
        var calendars = fx.Factory.Services.GetRequiredService<WorkingCalendarService>();
        var day = new DateOnly(2029, 3, 8); // Thursday
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(admin, "08/03/2029", "Ngày thử xóa")).StatusCode);
        Assert.False((await calendars.GetAsync()).IsWorkingDay(day));

        var response = await Forms.PostFormAsync(admin, Url + "?year=2029", new Dictionary<string, string?>(), "form.remove-form[action*='date=2029-03-08']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await fx.Factory.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == day)));
        Assert.True((await calendars.GetAsync()).IsWorkingDay(day));
    }

    [Theory]
    [InlineData("secretaryA1")]
    [InlineData("dept")]
    public async Task Index_ForNonAdmin_IsForbidden(string user)
    {
        var client = await fx.ClientForAsync(user);
        var response = await client.GetAsync(Url);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
    }
}
