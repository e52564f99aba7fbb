using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Dues;

/// <summary>
/// Dues pages over HTTP: the whole-cell collection, single payments late or ahead, the basis form, the
/// printable sheet, arrears, and scope. Tests share one world: the whole-cell collection uses cell A1 for this
/// month; the single-payment tests use cell B1 and distinct members or months.
/// </summary>
public sealed class DuesPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);
    private static DateOnly ThisMonth => DuesCalendar.Of(Today);
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every member of the cell gets a salary basis (30.000.000 đ → 300.000 đ a month) from January of last year, once.</summary>
    private Task EnsureSalaryBasesAsync(Organization cell, long salary = 30_000_000) => fx.Factory.WithDbAsync(async db =>
    {
        var today = Today;
        foreach (var m in fx.World.MembersByCell[cell.Id])
        {
            if (await db.DuesBases.AnyAsync(b => b.MemberId == m.Id)) continue;
            db.DuesBases.Add(new DuesBasis(new DuesMember(m.Id, m.AdmissionDecisionDate, true),
                new DuesBasisTerms(new DateOnly(today.Year - 1, 1, 1), DuesBasisKind.InsuredSalary, salary), DuesRateBook.Default, today));
        }
        await db.SaveChangesAsync();
    });

    private Task<int> PaymentsAsync(int memberId) =>
        fx.Factory.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == memberId));

    [Fact]
    public async Task Collect_WholeCell_SavesEveryTickedMember_AuditsThem_AndTheSheetPrintsTheTotals()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellA1);
        var client = await fx.ClientForAsync("secretaryA1");
        var url = $"/Dues/Collect?cellId={w.CellA1.Id}&year={ThisMonth.Year}&month={ThisMonth.Month}";
        var form = await Forms.GetDocumentAsync(client, url);
        string RowOf(int memberId) => form.QuerySelectorAll("input[type=hidden][name$='.MemberId']")
            .Single(e => e.GetAttribute("value") == Id(memberId)).GetAttribute("name")!.Replace(".MemberId", "", StringComparison.Ordinal);
        Assert.Equal(5, form.QuerySelectorAll("#collect-rows input[type=checkbox]:checked").Length);
        Assert.Equal("300.000", form.QuerySelector($"#amount-{w.MemberOf(w.CellA1, 0).Id}")!.GetAttribute("value"));

        var auditsBefore = await fx.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(DuesPayment)));
        var skipped = w.MemberOf(w.CellA1, 4);
        var over = w.MemberOf(w.CellA1, 1);
        var response = await Forms.PostFormAsync(client, url, new Dictionary<string, string?>
        {
            [RowOf(skipped.Id) + ".Selected"] = null,
            [RowOf(over.Id) + ".Amount"] = "350.000 đ",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await fx.Factory.WithDbAsync(db => db.DuesPayments.AsNoTracking().Where(p => p.CellId == w.CellA1.Id && p.DuesMonth == ThisMonth).ToListAsync());
        Assert.Equal(4, saved.Count);
        Assert.DoesNotContain(saved, p => p.MemberId == skipped.Id);
        Assert.Equal(350_000, saved.Single(p => p.MemberId == over.Id).Amount);
        Assert.All(saved, p => Assert.Equal(Today, p.PaidOn));
        var auditsAfter = await fx.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(DuesPayment)));
        Assert.Equal(auditsBefore + 4, auditsAfter);

        var sheet = await Forms.GetDocumentAsync(client, $"/Dues?cellId={w.CellA1.Id}&year={ThisMonth.Year}&month={ThisMonth.Month}");
        Assert.Equal("1.500.000", sheet.QuerySelector("#sum-owed")!.TextContent.Trim());
        Assert.Equal("1.250.000", sheet.QuerySelector("#sum-collected")!.TextContent.Trim());
        Assert.Contains("300.000", sheet.QuerySelector("#total-outstanding")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"SỔ THU ĐẢNG PHÍ THÁNG {DuesText.Month(ThisMonth)}", sheet.QuerySelector(".dues-print-heading")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(sheet.QuerySelector("th.dues-sign-col"));
        Assert.NotNull(sheet.QuerySelector("button[data-print]"));
        Assert.Contains("Thừa 50.000", sheet.QuerySelector($"#member-{over.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(DuesLineState.Open), sheet.QuerySelector($"#member-{skipped.Id}")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Pay_BeyondTheAdvanceLimit_ShowsAVietnameseErrorAndSavesNothing()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellB1);
        var member = w.MemberOf(w.CellB1, 0);
        var client = await fx.ClientForAsync("secretaryB1");
        var tooFar = ThisMonth.AddMonths(13);
        var response = await Forms.PostFormAsync(client, $"/Dues/Pay?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Month"] = tooFar.ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Amount"] = "300.000",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Chỉ được đóng đảng phí trước tối đa 12 tháng", StringComparison.Ordinal));
        Assert.Equal(0, await PaymentsAsync(member.Id));
    }

    [Theory]
    [InlineData("-300.000", "Số tiền đảng phí phải lớn hơn 0 đồng.")]
    [InlineData("0", "Số tiền đảng phí phải lớn hơn 0 đồng.")]
    [InlineData("300,5", "Số tiền không hợp lệ")]
    public async Task Pay_WithABadAmount_ShowsAVietnameseErrorAndSavesNothing(string amount, string error)
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellB1);
        var member = w.MemberOf(w.CellB1, 1);
        var client = await fx.ClientForAsync("secretaryB1");
        var response = await Forms.PostFormAsync(client, $"/Dues/Pay?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Amount"] = amount,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(Forms.Errors(page), e => e.Contains(error, StringComparison.Ordinal));
        Assert.Equal(amount, page.QuerySelector("#amount")!.GetAttribute("value"));
        Assert.Equal(0, await PaymentsAsync(member.Id));
    }

    [Fact]
    public async Task Pay_LateForAnEndedMonth_IsMarkedLate_AndCancellingItIsAudited()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellB1);
        var member = w.MemberOf(w.CellB1, 2);
        var client = await fx.ClientForAsync("secretaryB1");
        var lastMonth = ThisMonth.AddMonths(-1);
        var payUrl = $"/Dues/Pay?memberId={member.Id}&year={lastMonth.Year}&month={lastMonth.Month}";
        var form = await Forms.GetDocumentAsync(client, payUrl);
        Assert.Equal("300.000", form.QuerySelector("#amount")!.GetAttribute("value"));
        var response = await Forms.PostFormAsync(client, payUrl, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var payment = await fx.Factory.WithDbAsync(db => db.DuesPayments.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(lastMonth, payment.DuesMonth);
        Assert.True(payment.IsLate);

        var details = await Forms.GetDocumentAsync(client, $"/Dues/Member/{member.Id}");
        var row = details.QuerySelector($"#month-{lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture)}")!;
        Assert.Equal(nameof(DuesLineState.PaidLate), row.GetAttribute("data-state"));
        Assert.Contains("Nộp muộn", row.TextContent, StringComparison.Ordinal);

        // The same month again is refused with what was already recorded.
        var again = await Forms.PostFormAsync(client, payUrl, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(again)), e => e.Contains("đã ghi nhận nộp 300.000 đ", StringComparison.Ordinal));

        var page = await Forms.GetDocumentAsync(client, payUrl);
        var cancel = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.GetAttribute("action")!.Contains($"paymentId={payment.Id}", StringComparison.Ordinal));
        var cancelled = await Forms.SubmitAsync(client, payUrl, cancel, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(0, await PaymentsAsync(member.Id));
        Assert.True(await fx.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DuesPayment) && a.EntityId == Id(payment.Id) && a.Action == "Xóa")));
    }

    [Fact]
    public async Task Basis_DeclaredThroughTheForm_IsSaved_AndAnUnfoundedExemptionIsRefused()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellB1, 3);
        await fx.Factory.WithDbAsync(async db =>
        {
            await db.DuesBases.Where(b => b.MemberId == member.Id).ExecuteDeleteAsync();
        });
        var client = await fx.ClientForAsync("secretaryB1");
        var url = $"/Dues/Basis?memberId={member.Id}";
        var refused = await Forms.PostFormAsync(client, url, new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(DuesBasisKind.Exempt),
            ["Input.Ground"] = nameof(DuesExemptionGround.FiftyYearsPartyAge),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(refused)), e => e.Contains("chưa đủ 50 năm tuổi đảng", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.DuesBases.AnyAsync(b => b.MemberId == member.Id)));

        var from = ThisMonth.AddMonths(-2);
        var response = await Forms.PostFormAsync(client, url, new Dictionary<string, string?>
        {
            ["Input.From"] = from.ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(DuesBasisKind.Pension),
            ["Input.Amount"] = "6.000.000",
            ["Input.Relief"] = "50",
            ["Input.ReliefUntil"] = from.AddMonths(2).ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Note"] = "Đơn ngày 01/09",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var basis = await fx.Factory.WithDbAsync(db => db.DuesBases.AsNoTracking().SingleAsync(b => b.MemberId == member.Id));
        Assert.Equal((DuesBasisKind.Pension, 6_000_000L, from, 50), (basis.Kind, basis.BaseAmount!.Value, basis.EffectiveFrom, basis.ReliefPercent!.Value));
        Assert.True(await fx.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DuesBasis) && a.EntityId == Id(basis.Id))));

        // 0,5% of 6.000.000 halved; the two ended months are in arrears.
        var details = await Forms.GetDocumentAsync(client, $"/Dues/Member/{member.Id}");
        Assert.Contains("15.000", details.QuerySelector("#this-month")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nợ 2 tháng", details.QuerySelector("#arrears")!.TextContent, StringComparison.Ordinal);
        var profile = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.Contains("2 tháng", profile.QuerySelector("#dues-arrears")!.TextContent, StringComparison.Ordinal);

        // On the sheet, a member of the cell without any basis has a link to declare one.
        var undeclared = w.MemberOf(w.CellB1, 4);
        await fx.Factory.WithDbAsync(db => db.DuesBases.Where(b => b.MemberId == undeclared.Id).ExecuteDeleteAsync());
        var sheet = await Forms.GetDocumentAsync(client, $"/Dues?cellId={w.CellB1.Id}");
        Assert.Equal(nameof(DuesMonthStatus.NoBasis), sheet.QuerySelector($"#member-{undeclared.Id}")!.GetAttribute("data-status"));
        Assert.NotNull(sheet.QuerySelector($"#member-{undeclared.Id} a[href='/Dues/Basis?memberId={undeclared.Id}']"));
    }

    [Fact]
    public async Task OtherCellsSecretary_GetsNotFound_AndCannotPost()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellA1);
        var target = w.MemberOf(w.CellA1, 3);
        var client = await fx.ClientForAsync("secretaryB1");
        foreach (var url in new[]
                 {
                     $"/Dues?cellId={w.CellA1.Id}", $"/Dues/Collect?cellId={w.CellA1.Id}", $"/Dues/Member/{target.Id}",
                     $"/Dues/Pay?memberId={target.Id}", $"/Dues/Basis?memberId={target.Id}", $"/Dues/Arrears?orgId={w.CellA1.Id}",
                 })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var token = (await Forms.GetDocumentAsync(client, "/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await PaymentsAsync(target.Id);
        var post = await client.PostAsync($"/Dues/Pay?memberId={target.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Month"] = ThisMonth.AddMonths(-3).ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Amount"] = "300.000",
            ["Input.PaidOn"] = Format.Date(Today),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var collect = await client.PostAsync($"/Dues/Collect?cellId={w.CellA1.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.PaidOn"] = Format.Date(Today),
            ["Input.Rows[0].MemberId"] = Id(target.Id),
            ["Input.Rows[0].Selected"] = "true",
            ["Input.Rows[0].Amount"] = "300.000",
        }));
        Assert.Equal(HttpStatusCode.NotFound, collect.StatusCode);
        Assert.Equal(before, await PaymentsAsync(target.Id));
    }

    [Fact]
    public async Task Inspector_ReadsEveryCellsDues_ButEveryRecordingPostIsForbidden()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellA1);
        var target = w.MemberOf(w.CellA1, 2);
        var client = await fx.ClientForAsync("inspector");
        Assert.NotNull((await Forms.GetDocumentAsync(client, $"/Dues?cellId={w.CellA1.Id}")).QuerySelector("#sheet"));
        Assert.NotNull((await Forms.GetDocumentAsync(client, $"/Dues/Member/{target.Id}")).QuerySelector("#statement"));
        var sheet = await Forms.GetDocumentAsync(client, $"/Dues?cellId={w.CellA1.Id}");
        Assert.Null(sheet.QuerySelector("a[href*='/Dues/Collect']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Dues/Collect?cellId={w.CellA1.Id}")).StatusCode);

        var token = (await Forms.GetDocumentAsync(client, "/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await PaymentsAsync(target.Id);
        var pay = await client.PostAsync($"/Dues/Pay?memberId={target.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Month"] = ThisMonth.AddMonths(-4).ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Amount"] = "300.000",
            ["Input.PaidOn"] = Format.Date(Today),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, pay.StatusCode);
        var basis = await client.PostAsync($"/Dues/Basis?memberId={target.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.From"] = ThisMonth.ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(DuesBasisKind.Student),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, basis.StatusCode);
        Assert.Equal(before, await PaymentsAsync(target.Id));
        Assert.Equal(DuesBasisKind.InsuredSalary, await fx.Factory.WithDbAsync(db => db.DuesBases.Where(b => b.MemberId == target.Id).Select(b => b.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Arrears_ForACommittee_ListsItsCellsWithTotals_AndForACell_ItsMembers()
    {
        var w = fx.World;
        await EnsureSalaryBasesAsync(w.CellA1);
        var client = await fx.ClientForAsync("committeeA");
        var committee = await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CommitteeA.Id}");
        var row = committee.QuerySelector($"#cell-{w.CellA1.Id}")!;
        Assert.Equal("5", row.QuerySelector("[data-cell=in-arrears]")!.TextContent.Trim());
        // Nobody in B1 belongs to committee A.
        Assert.Null(committee.QuerySelector($"#cell-{w.CellB1.Id}"));

        var cell = await Forms.GetDocumentAsync(client, $"/Dues/Arrears?orgId={w.CellA1.Id}");
        var member = w.MemberOf(w.CellA1, 0);
        // Bases from January last year, nothing paid before this month: all twelve ended months are owed.
        Assert.Equal("12", cell.QuerySelector($"#member-{member.Id} [data-cell=months]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Dues/Arrears?orgId={w.CellB1.Id}")).StatusCode);
    }
}
