using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Browser;

/// <summary>
/// A cell secretary's month-to-month work on a phone (issue #4, domain.md §4): three regular meetings where the
/// same member is absent without reason, the dues basis and one month of dues for the whole cell, the on-demand
/// signal evaluation that raises "bỏ sinh hoạt 3 tháng" (and not "không đóng đảng phí" for a single unpaid month),
/// and the screening case opened from the signal in one step, carrying its evidence.
/// </summary>
/// <remarks>
/// Dates follow the app's clock (<see cref="TimeProvider.System"/> in tests, read in Vietnam): the meetings fall in
/// the three months before the current one. From January to March those lie partly in last year, so the meetings go
/// to October–December of last year instead, which the evaluation also reads (it covers last year and this year).
/// </remarks>
[Collection(BrowserJourneys.Name)]
public sealed class CellLifeJourney(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const long InsuredSalary = 8_000_000;
    private const long MonthlyDues = InsuredSalary / 100;   // 1 % of the insured salary

    [Fact]
    public async Task CellSecretary_OnAPhone_RecordsAbsences_AndOpensACaseFromTheSignal()
    {
        var w = fx.World;
        var cell = w.CellA1;
        var members = w.MembersByCell[cell.Id];
        var absent = w.MemberOf(cell, 2);   // Lê Văn Cường
        var today = Format.Today(TimeProvider.System);
        var year = today.Month > 3 ? today.Year : today.Year - 1;
        var lastMonth = today.Month > 3 ? today.Month - 1 : 12;
        var meetingDates = new[] { lastMonth - 2, lastMonth - 1, lastMonth }.Select(m => new DateOnly(year, m, 5)).ToList();
        var duesMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        var page = await fx.NewPageAsync(phone: true);
        await fx.SignInAsync(page, "secretaryA1");

        // Three regular meetings: everyone present by default, the one member marked "Vắng không lý do" each time.
        await MenuAsync(page, "Sinh hoạt chi bộ");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sinh hoạt chi bộ", Level = 1 })).ToBeVisibleAsync();
        for (var i = 0; i < meetingDates.Count; i++)
        {
            var heldOn = meetingDates[i];
            if (i == 0 && year != today.Year) await page.GotoAsync($"/Meetings?cellId={cell.Id}&year={year}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ghi buổi sinh hoạt" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghi buổi sinh hoạt chi bộ" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#attendance > li")).ToHaveCountAsync(members.Count);
            await page.GetByLabel(Label("Ngày sinh hoạt")).FillAsync(D(heldOn));
            await Assertions.Expect(page.GetByLabel(Label("Loại"))).ToHaveValueAsync("Regular");
            await page.GetByRole(AriaRole.Group, new() { Name = $"Điểm danh {absent.FullName}" }).GetByText("Vắng không lý do").ClickAsync();
            foreach (var other in members.Where(m => m.Id != absent.Id))
                await Assertions.Expect(page.Locator($"#att-{other.Id}-Present")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator($"#att-{absent.Id}-AbsentWithoutReason")).ToBeCheckedAsync();
            if (i == 0) await BrowserFixture.ScreenshotAsync(page, "20-bi-thu-ghi-sinh-hoat");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu buổi sinh hoạt" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã lưu buổi sinh hoạt ngày {D(heldOn)}.");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sinh hoạt thường kỳ ngày {D(heldOn)}" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#meeting")).ToContainTextAsync($"{members.Count - 1}/{members.Count}; vắng có lý do 0, vắng không lý do 1");
            await Assertions.Expect(page.Locator("#attendance tbody tr").Filter(new() { HasText = absent.FullName })).ToContainTextAsync("Vắng không lý do");
            await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sinh hoạt của chi bộ" }).ClickAsync();
        }
        foreach (var heldOn in meetingDates)
        {
            await Assertions.Expect(page.Locator($"#month-{heldOn.Month}")).ToContainTextAsync("✓ đã sinh hoạt");
            await Assertions.Expect(page.Locator("#meetings")).ToContainTextAsync(D(heldOn));
        }

        // Dues: the cell has declared no basis yet; the secretary declares each member's salary from last month on.
        await MenuAsync(page, "Đảng phí");
        await page.GetByLabel("Tháng", new() { Exact = true }).SelectOptionAsync(duesMonth.Month.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Năm", new() { Exact = true }).FillAsync(duesMonth.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sổ thu đảng phí tháng {M(duesMonth)} – {cell.Name}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#without-basis")).ToContainTextAsync($"{members.Count} đảng viên chưa được khai căn cứ đóng đảng phí");
        var sheetUrl = page.Url;
        foreach (var member in members)
        {
            await page.Locator($"#member-{member.Id}").GetByRole(AriaRole.Link, new() { Name = "Khai căn cứ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Căn cứ đóng đảng phí", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel(Label("Áp dụng từ tháng")).FillAsync(M(duesMonth));
            await page.GetByRole(AriaRole.Radio, new() { Name = "Tham gia BHXH bắt buộc (theo tiền lương)" }).CheckAsync();
            await page.GetByLabel("Số tiền căn cứ").FillAsync(Money(InsuredSalary));
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu căn cứ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã khai căn cứ đóng đảng phí từ tháng {M(duesMonth)}.");
            await page.GotoAsync(sheetUrl);
        }
        await Assertions.Expect(page.Locator("#without-basis")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#total-owed")).ToHaveTextAsync($"{Money(MonthlyDues * members.Count)} đ ({members.Count} đảng viên)");

        // One form for the whole cell: everyone is ticked at the amount owed; the absent member has not paid.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận thu cả chi bộ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghi nhận thu đảng phí cả chi bộ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#collect-count")).ToHaveTextAsync(members.Count.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#pay-{absent.Id}").UncheckAsync();
        await Assertions.Expect(page.Locator("#collect-count")).ToHaveTextAsync((members.Count - 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#collect-total")).ToHaveTextAsync(Money(MonthlyDues * (members.Count - 1)));
        await BrowserFixture.ScreenshotAsync(page, "21-bi-thu-thu-dang-phi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu khoản thu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Đã ghi nhận đảng phí tháng {M(duesMonth)} của {members.Count - 1} đảng viên, tổng {Money(MonthlyDues * (members.Count - 1))} đ.");
        await Assertions.Expect(page.Locator("#total-outstanding")).ToHaveTextAsync($"{Money(MonthlyDues)} đ");
        await Assertions.Expect(page.Locator($"#member-{absent.Id} [data-cell=arrears]")).ToHaveTextAsync("1");

        // The evaluation on demand: one signal, the missed meetings; a single unpaid month raises nothing.
        await MenuAsync(page, "Cảnh báo cần xem xét");
        await Assertions.Expect(page.Locator("#no-signals")).ToHaveTextAsync("Không có cảnh báo nào.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh giá lại ngay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Đã đánh giá lại {members.Count} đảng viên: 1 cảnh báo mới, 0 cảnh báo không còn căn cứ, 1 cảnh báo đang chờ xem xét.");
        await Assertions.Expect(page.Locator("#last-run")).ToContainTextAsync(cell.Name);
        var rows = page.Locator("#signals tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        await Assertions.Expect(row).ToContainTextAsync(absent.FullName);
        await Assertions.Expect(row).ToContainTextAsync(SignalKind.MissedMeetings.DisplayName());
        var evidence = $"Vắng sinh hoạt không có lý do 3 tháng trong năm {year} (tháng {string.Join(", ", meetingDates.Select(d => d.Month))}): "
            + $"các buổi sinh hoạt ngày {string.Join(", ", meetingDates.Select(D))}.";
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(evidence);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(SignalKind.UnpaidDues.DisplayName());
        // On a phone each signal is one block: the evidence is not squeezed into a column, the button spans the screen.
        var evidenceBox = await row.Locator("td").Nth(2).BoundingBoxAsync();
        var buttonBox = await row.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ rà soát" }).BoundingBoxAsync();
        Assert.True(evidenceBox!.Width > 300 && buttonBox!.Width > 300, $"Evidence {evidenceBox.Width} px and button {buttonBox?.Width} px wide on a 390 px screen.");
        await BrowserFixture.ScreenshotAsync(page, "22-tin-hieu-vang-sinh-hoat");

        // One button opens the direct-removal case with the signal's ground and evidence.
        await row.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ rà soát" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Đã mở hồ sơ rà soát cho đảng viên {absent.FullName} từ cảnh báo; chứng cứ đã được ghi vào hồ sơ.");
        await Assertions.Expect(page.Locator("#member-link")).ToHaveTextAsync(absent.FullName);
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync(ScreeningStatus.Proposed.DisplayName());
        await Assertions.Expect(page.Locator("#grounds")).ToHaveTextAsync(DirectRemovalGround.MissedMeetings.DisplayName());
        await Assertions.Expect(page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Chứng cứ" }) })
            .Locator("p.text-pre-line")).ToHaveTextAsync(evidence);
        var opening = page.Locator("#timeline li").First;
        await Assertions.Expect(opening).ToContainTextAsync($"{D(today)} – {ScreeningAction.ProposeDirectRemoval.DisplayName()}");
        await Assertions.Expect(opening).ToContainTextAsync($"Ghi chú: Mở từ cảnh báo: {SignalKind.MissedMeetings.DisplayName()} ({year}).");
        var caseId = int.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);
        await BrowserFixture.ScreenshotAsync(page, "23-mo-ho-so-tu-tin-hieu");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The case page overflows a 390 px wide phone screen.");

        // The signal has left the waiting list and points at its case.
        await MenuAsync(page, "Cảnh báo cần xem xét");
        await Assertions.Expect(page.Locator("#no-signals")).ToBeVisibleAsync();
        var withCase = page.Locator("#signals-with-case li");
        await Assertions.Expect(withCase).ToHaveCountAsync(1);
        await Assertions.Expect(withCase).ToContainTextAsync($"{absent.FullName} – {SignalKind.MissedMeetings.DisplayName()} ({year})");
        await withCase.GetByRole(AriaRole.Link, new() { Name = $"hồ sơ số {caseId}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#member-link")).ToHaveTextAsync(absent.FullName);

        // The member stays on the roll: a signal and a proposal change nothing by themselves.
        await page.Locator("#member-link").ClickAsync();
        await Assertions.Expect(page.Locator("#roll-state")).ToHaveTextAsync(RollState.Active.DisplayName());
        await page.Context.CloseAsync();
    }

    /// <summary>The phone's collapsed menu: "Mở trình đơn", then "Chi bộ", then the item.</summary>
    private static async Task MenuAsync(IPage page, string item)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở trình đơn" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Chi bộ", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    /// <summary>A label as rendered: its text, plus the " *" that CSS adds to required fields.</summary>
    private static Regex Label(string text) => new("^" + Regex.Escape(text) + @"(\s*\*)?$");

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string M(DateOnly d) => d.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    private static string Money(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
