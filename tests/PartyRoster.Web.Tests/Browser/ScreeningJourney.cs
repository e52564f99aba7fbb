using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Browser;

/// <summary>
/// The screening workflow driven through the real UI (issue #3 point 7): one case from the cell's
/// proposal to the Ban Thường vụ's removal decision, passing through five accounts (bí thư chi bộ,
/// đảng ủy cơ sở, UBKT, Ban Tổ chức, Ban Thường vụ), and one case that ends with progress recognised.
/// Each person signs in in their own browser context, finds the case where they would (the member's
/// profile, "Việc cần làm"), opens the step's collapsed form, fills it by its Vietnamese labels and
/// reads the result on the page. Effective dates lie in 2024–2025 so the 12-month help period is over
/// by today (the domain refuses effective dates after today).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ScreeningJourney(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const string CellName = "Chi bộ Giáo viên Toán";

    [Fact]
    public async Task RemovalCase_FromCellProposalToStandingCommitteeDecision_TakesTheMemberOffTheRoll()
    {
        var subject = fx.World.MemberOf(fx.World.CellA1, 3);   // Phạm Thị Dung
        var helper = fx.World.MemberOf(fx.World.CellA1, 0);    // Nguyễn Văn An
        var secretary = await SignedInAsync("secretaryA1");
        var caseId = await ProposeThroughFinalReviewAsync(secretary, subject.FullName, helper.FullName, screenshots: true);

        // Step 6: the cell votes 4 of 5 to propose removal.
        var basis = await ExpectVotingBasisAsync(secretary, ScreeningAction.RecordBallot);
        var ballot = await OpenStepAsync(secretary, ScreeningAction.RecordBallot);
        await FillTallyAsync(ballot, basis, present: basis, cast: basis, votesFor: basis - 1, against: 1);
        await FillCommonAsync(ballot, "10/04/2025", "Biên bản", note: "Chi bộ họp, biểu quyết bằng phiếu kín.");
        await SubmitAsync(secretary, ballot, ScreeningAction.RecordBallot, "Đã ghi kết quả biểu quyết.");
        await ExpectStatusAsync(secretary, "Chi bộ đề nghị đưa ra khỏi Đảng");
        await Assertions.Expect(secretary.Locator("#timeline li").Last).ToContainTextAsync($"Đề nghị đưa ra khỏi Đảng: {basis - 1}/{basis} phiếu");
        // A chi bộ trực thuộc does not forward by itself: its đảng ủy cơ sở does.
        await Assertions.Expect(secretary.Locator("#action-Forward")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(secretary, "12-rasoat-ho-so-timeline");

        // Step 7: the đảng ủy cơ sở forwards with its own vote (8 of 9 committee members).
        var committee = await SignedInAsync("committeeA");
        await OpenFromQueueAsync(committee, ScreeningQueueSection.ToForward, subject.FullName);
        var forward = await OpenStepAsync(committee, ScreeningAction.Forward);
        // The committee's size is not the cell's basis: the count starts empty for the user to type.
        await Assertions.Expect(forward.GetByLabel(Label("Số có quyền biểu quyết"))).ToHaveValueAsync("");
        await FillTallyAsync(forward, eligible: 9, present: 9, cast: 9, votesFor: 8, against: 1);
        await FillCommonAsync(forward, "20/04/2025", "Nghị quyết", "12-NQ/ĐU", signer: "Bí thư Đảng ủy");
        await SubmitAsync(committee, forward, ScreeningAction.Forward, "Đã chuyển hồ sơ lên cấp trên.");
        await ExpectStatusAsync(committee, "Đã chuyển cấp trên");
        await Assertions.Expect(committee.Locator("#timeline li").Last).ToContainTextAsync("Đảng ủy cơ sở đề nghị: 8/9 phiếu");

        // Step 8: the UBKT verifies and confirms the violations.
        var inspector = await SignedInAsync("inspector");
        await OpenFromQueueAsync(inspector, ScreeningQueueSection.ToVerify, subject.FullName);
        var verify = await OpenStepAsync(inspector, ScreeningAction.RecordVerification);
        await verify.GetByLabel("Khẳng định vi phạm").CheckAsync();
        await verify.GetByLabel(Label("Nội dung kết luận thẩm tra")).FillAsync("Xác minh đúng: hai năm liền không hoàn thành nhiệm vụ, không tiến bộ sau 12 tháng giúp đỡ.");
        await FillCommonAsync(verify, "05/05/2025", "Kết luận", "03-KL/UBKT");
        await SubmitAsync(inspector, verify, ScreeningAction.RecordVerification, "Đã ghi kết luận thẩm tra.");
        await ExpectStatusAsync(inspector, "Đã thẩm tra");

        // Step 9: the Ban Tổ chức advises removal from the roll.
        var dept = await SignedInAsync("dept");
        await OpenFromQueueAsync(dept, ScreeningQueueSection.ToAdvise, subject.FullName);
        var advise = await OpenStepAsync(dept, ScreeningAction.Advise);
        await advise.GetByLabel(Label("Hình thức xử lý")).SelectOptionAsync(new SelectOptionValue { Label = "Xóa tên" });
        await FillCommonAsync(advise, "15/05/2025", "Tờ trình", "21-TTr/BTC");
        await SubmitAsync(dept, advise, ScreeningAction.Advise, "Đã ghi tờ trình tham mưu.");
        await ExpectStatusAsync(dept, "Đã có tờ trình của Ban Tổ chức");

        // Step 10: the Ban Thường vụ decides (5 of 7), with the decision's number and date; the button asks for confirmation.
        var standing = await SignedInAsync("standing");
        await OpenFromQueueAsync(standing, ScreeningQueueSection.ToDecide, subject.FullName);
        var decide = await OpenStepAsync(standing, ScreeningAction.Decide);
        await Assertions.Expect(decide.GetByLabel(Label("Hình thức xử lý"))).ToHaveValueAsync(nameof(Disposition.RemoveFromRoll));
        await Assertions.Expect(decide.GetByLabel(Label("Số có quyền biểu quyết"))).ToHaveValueAsync("");
        await FillTallyAsync(decide, eligible: 7, present: 7, cast: 7, votesFor: 5, against: 2);
        await FillCommonAsync(decide, "30/05/2025", "Quyết định", "125-QĐ/ĐU", signer: "Phó Bí thư Thường trực");
        string? confirmation = null;
        standing.Dialog += async (_, dialog) => { confirmation = dialog.Message; await dialog.AcceptAsync(); };
        await SubmitAsync(standing, decide, ScreeningAction.Decide, "Đã ghi quyết định xử lý.");
        Assert.Equal($"Xác nhận 'Ghi quyết định xử lý' cho đảng viên {subject.FullName}?", confirmation);
        await ExpectStatusAsync(standing, "Đã xóa tên");
        var decision = standing.Locator("#timeline li").Last;
        await Assertions.Expect(decision).ToContainTextAsync("Ghi quyết định xử lý");
        await Assertions.Expect(decision).ToContainTextAsync("Văn bản: Quyết định số 125-QĐ/ĐU ngày 30/05/2025, người ký: Phó Bí thư Thường trực");
        await Assertions.Expect(decision).ToContainTextAsync("standing (");
        await Assertions.Expect(standing.Locator("#due")).ToContainTextAsync("Hồ sơ đã kết thúc");
        await BrowserFixture.ScreenshotAsync(standing, "13-rasoat-quyet-dinh-xoa-ten");

        // Five different accounts acted on the case, each under its own role.
        var actors = await standing.Locator("#timeline li .text-muted").AllTextContentsAsync();
        foreach (var who in new[] { "secretaryA1", "committeeA", "inspector", "dept", "standing" })
            Assert.Contains(actors, a => a.Contains(who + " (", StringComparison.Ordinal));

        // The member's profile shows the new roll state, changed with the decision.
        await standing.Locator("#member-link").ClickAsync();
        await Assertions.Expect(standing.GetByRole(AriaRole.Heading, new() { Name = subject.FullName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(standing.Locator("#roll-state")).ToHaveTextAsync("Đã xóa tên");
        await Assertions.Expect(standing.Locator("#screening-cases")).ToContainTextAsync("Đã xóa tên");
        var state = await fx.Server.WithDbAsync(db => db.Members.Where(m => m.Id == subject.Id).Select(m => m.RollState).SingleAsync());
        Assert.Equal(RollState.RemovedFromRoll, state);

        // The case page stays readable on a phone: nothing wider than the screen.
        var phone = await SignedInAsync("secretaryA1", phone: true);
        await phone.GotoAsync($"/Screening/Case/{caseId}");
        await ExpectStatusAsync(phone, "Đã xóa tên");
        await BrowserFixture.ScreenshotAsync(phone, "15-rasoat-ho-so-dien-thoai");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The case page overflows a 390 px wide phone screen.");

        foreach (var p in new[] { secretary, committee, inspector, dept, standing, phone }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task ProgressCase_CellRecognisesProgress_MemberStaysOnTheRoll()
    {
        var subject = fx.World.MemberOf(fx.World.CellA1, 4);   // Đặng Văn Đức
        var helper = fx.World.MemberOf(fx.World.CellA1, 1);    // Trần Thị Bình
        var secretary = await SignedInAsync("secretaryA1");
        await ProposeThroughFinalReviewAsync(secretary, subject.FullName, helper.FullName, screenshots: false);

        // Step 6: the cell votes to keep the member — "Không đồng ý" are the votes against removal.
        var basis = await ExpectVotingBasisAsync(secretary, ScreeningAction.RecordBallot);
        var ballot = await OpenStepAsync(secretary, ScreeningAction.RecordBallot);
        await FillTallyAsync(ballot, basis, present: basis, cast: basis, votesFor: 0, against: basis);
        await FillCommonAsync(ballot, "10/04/2025", "Biên bản");
        await SubmitAsync(secretary, ballot, ScreeningAction.RecordBallot, "Đã ghi kết quả biểu quyết.");
        await ExpectStatusAsync(secretary, ScreeningStatus.ProgressRecognized.DisplayName());
        await Assertions.Expect(secretary.Locator("#case-status")).ToHaveTextAsync("Đã công nhận tiến bộ");
        await Assertions.Expect(secretary.Locator("#timeline li").Last).ToContainTextAsync($"giữ lại: {basis}/{basis}");
        await Assertions.Expect(secretary.Locator("#due")).ToContainTextAsync("Hồ sơ đã kết thúc");
        await Assertions.Expect(secretary.Locator("#actions")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(secretary, "14-rasoat-ghi-nhan-tien-bo");

        // Nothing waits for anyone up the chain, and the member is still on the roll.
        await secretary.Locator("#member-link").ClickAsync();
        await Assertions.Expect(secretary.Locator("#roll-state")).ToHaveTextAsync("Đang sinh hoạt");
        await Assertions.Expect(secretary.Locator("#screening-cases")).ToContainTextAsync("Đã công nhận tiến bộ");
        var state = await fx.Server.WithDbAsync(db => db.Members.Where(m => m.Id == subject.Id).Select(m => m.RollState).SingleAsync());
        Assert.Equal(RollState.Active, state);

        var committee = await SignedInAsync("committeeA");
        await committee.GetByRole(AriaRole.Link, new() { Name = "Việc cần làm", Exact = true }).ClickAsync();
        await Assertions.Expect(committee.Locator("main")).Not.ToContainTextAsync(subject.FullName);

        foreach (var p in new[] { secretary, committee }) await p.Context.CloseAsync();
    }

    // ---------------------------------------------------------------- the common start (steps 1–5)

    /// <summary>
    /// Steps 1–5 as the cell and its đảng ủy do them: the secretary proposes from the member's profile, the
    /// đảng ủy approves from its queue, the secretary records the list ballot, the self-criticism, the helper
    /// (help 01/04/2024 – 01/04/2025), a progress note, and the final review once the period is over.
    /// Leaves <paramref name="secretary"/> on the case page in "Đã kiểm điểm cuối kỳ"; returns the case id.
    /// </summary>
    private async Task<int> ProposeThroughFinalReviewAsync(IPage secretary, string subjectName, string helperName, bool screenshots)
    {
        // Step 1: from the member list to the profile to the proposal form.
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Đảng viên", Exact = true }).ClickAsync();
        await secretary.Locator("#members tbody tr").GetByRole(AriaRole.Link, new() { Name = subjectName, Exact = true }).ClickAsync();
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Đề xuất rà soát" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Mở hồ sơ rà soát, sàng lọc" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByLabel("Giáo dục, giúp đỡ")).ToBeCheckedAsync();
        await secretary.GetByLabel("Hai năm liên tiếp xếp loại không hoàn thành nhiệm vụ").CheckAsync();
        await secretary.GetByLabel("Chứng cứ, ý kiến thu thập được").FillAsync(
            "Xếp loại không hoàn thành nhiệm vụ năm 2022 và 2023 (nghị quyết chi bộ).\nÝ kiến Ban công tác Mặt trận khu dân cư: ít tham gia sinh hoạt.");
        await secretary.GetByLabel(Label("Ngày đề xuất")).FillAsync("05/02/2024");
        if (screenshots) await BrowserFixture.ScreenshotAsync(secretary, "10-rasoat-de-xuat");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã mở hồ sơ rà soát cho đảng viên {subjectName}.");
        await ExpectStatusAsync(secretary, "Đã đề xuất");
        await Assertions.Expect(secretary.Locator("#reasons")).ToContainTextAsync("C1");
        var caseId = int.Parse(new Uri(secretary.Url).Segments[^1], CultureInfo.InvariantCulture);
        // Directing is the superior's step, not the cell's.
        await Assertions.Expect(secretary.Locator("#action-Direct")).ToHaveCountAsync(0);

        // Step 2: the đảng ủy cơ sở finds the entry in its queue and approves it.
        var committee = await SignedInAsync("committeeA");
        var row = await QueueRowAsync(committee, ScreeningQueueSection.ToDirect, subjectName);
        if (screenshots) await BrowserFixture.ScreenshotAsync(committee, "11-rasoat-hang-doi-dang-uy");
        await row.GetByRole(AriaRole.Link, new() { Name = subjectName }).ClickAsync();
        var direct = await OpenStepAsync(committee, ScreeningAction.Direct);
        await direct.GetByLabel("Đồng ý đưa vào danh sách dự kiến").CheckAsync();
        await FillCommonAsync(direct, "20/02/2024", note: "Đồng ý với đề xuất của chi bộ.");
        await SubmitAsync(committee, direct, ScreeningAction.Direct, "Đã ghi ý kiến chỉ đạo: đồng ý đưa vào danh sách dự kiến.");
        await ExpectStatusAsync(committee, "Cấp trên đã chỉ đạo");
        await committee.Context.CloseAsync();

        // Step 3: the list ballot, on the basis the page computes (official, non-exempt members of the cell).
        await secretary.ReloadAsync();
        await ExpectStatusAsync(secretary, "Cấp trên đã chỉ đạo");
        var basis = await ExpectVotingBasisAsync(secretary, ScreeningAction.RecordListBallot);
        var list = await OpenStepAsync(secretary, ScreeningAction.RecordListBallot);
        await FillTallyAsync(list, basis, present: basis, cast: basis, votesFor: basis - 1, against: 1);
        await FillCommonAsync(list, "05/03/2024", "Biên bản");
        await SubmitAsync(secretary, list, ScreeningAction.RecordListBallot, "Đã ghi kết quả biểu quyết đưa vào danh sách.");
        await ExpectStatusAsync(secretary, "Đã vào danh sách giúp đỡ");
        await Assertions.Expect(secretary.Locator("#timeline li").Last).ToContainTextAsync($"Đưa vào danh sách: {basis - 1}/{basis} phiếu");

        // Step 4: self-criticism, then the cell's resolution assigning the helper.
        var self = await OpenStepAsync(secretary, ScreeningAction.RecordSelfCriticism);
        await FillCommonAsync(self, "15/03/2024", "Bản tự kiểm điểm");
        await SubmitAsync(secretary, self, ScreeningAction.RecordSelfCriticism, "Đã ghi nhận bản tự kiểm điểm.");

        var assign = await OpenStepAsync(secretary, ScreeningAction.AssignHelper);
        await assign.GetByLabel(Label("Người giúp đỡ")).SelectOptionAsync(new SelectOptionValue { Label = $"{helperName} (Chính thức)" });
        await FillCommonAsync(assign, "01/04/2024", "Nghị quyết", "05-NQ/CB");
        await SubmitAsync(secretary, assign, ScreeningAction.AssignHelper, "Đã phân công người giúp đỡ.");
        await ExpectStatusAsync(secretary, "Đang giúp đỡ");
        await Assertions.Expect(secretary.Locator("#helper")).ToHaveTextAsync(helperName);
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("01/04/2024 – 01/04/2025");

        var progress = await OpenStepAsync(secretary, ScreeningAction.AddProgressNote);
        await progress.GetByLabel(Label("Nội dung nhận xét của người giúp đỡ")).FillAsync("Sau 6 tháng: đã tham gia đủ các buổi sinh hoạt chi bộ.");
        await FillCommonAsync(progress, "01/10/2024");
        await SubmitAsync(secretary, progress, ScreeningAction.AddProgressNote, "Đã ghi nhận xét quá trình giúp đỡ.");

        // The help period is over: the case is in the secretary's queue under "Sắp hết thời hạn giúp đỡ", marked overdue.
        var due = await QueueRowAsync(secretary, ScreeningQueueSection.HelpEnding, subjectName);
        await Assertions.Expect(due).ToContainTextAsync("01/04/2025 (quá hạn)");
        await due.GetByRole(AriaRole.Link, new() { Name = subjectName }).ClickAsync();

        // Step 5: a final review dated inside the help period is refused, with the first allowed day.
        var review = await OpenStepAsync(secretary, ScreeningAction.RecordFinalReview);
        await review.GetByLabel(Label("Tự kiểm điểm của đảng viên (so với cam kết)")).FillAsync("Đã khắc phục một phần: tham gia sinh hoạt đầy đủ.");
        await review.GetByLabel(Label("Nhận xét của người giúp đỡ")).FillAsync("Có chuyển biến về sinh hoạt; chất lượng công việc còn hạn chế.");
        await FillCommonAsync(review, "15/03/2025", "Bản tự kiểm điểm");
        await review.GetByRole(AriaRole.Button, new() { Name = ScreeningAction.RecordFinalReview.DisplayName(), Exact = true }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".alert-danger")).ToContainTextAsync("Chưa hết thời hạn giúp đỡ: chỉ kiểm điểm cuối kỳ từ ngày 01/04/2025");
        await ExpectStatusAsync(secretary, "Đang giúp đỡ");
        // The failed form is open again with what was typed.
        review = secretary.Locator("#form-RecordFinalReview");
        await Assertions.Expect(review).ToBeVisibleAsync();
        await Assertions.Expect(review.GetByLabel(Label("Nhận xét của người giúp đỡ"))).ToHaveValueAsync("Có chuyển biến về sinh hoạt; chất lượng công việc còn hạn chế.");
        await FillCommonAsync(review, "02/04/2025", "Bản tự kiểm điểm");
        await SubmitAsync(secretary, review, ScreeningAction.RecordFinalReview, "Đã ghi kiểm điểm cuối kỳ.");
        await ExpectStatusAsync(secretary, "Đã kiểm điểm cuối kỳ");
        return caseId;
    }

    // ---------------------------------------------------------------- helpers

    private enum ScreeningQueueSection { ToDirect, HelpEnding, ToForward, ToVerify, ToAdvise, ToDecide }

    private async Task<IPage> SignedInAsync(string key, bool phone = false)
    {
        var page = await fx.NewPageAsync(phone);
        await fx.SignInAsync(page, key);
        return page;
    }

    /// <summary>A label as rendered: its text, plus the " *" that CSS adds to required fields.</summary>
    private static Regex Label(string text) => new("^" + Regex.Escape(text) + @"(\s*\*)?$");

    /// <summary>"Việc cần làm" from the nav, then the row of the member (in our cell) in one section.</summary>
    private static async Task<ILocator> QueueRowAsync(IPage page, ScreeningQueueSection section, string memberName)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Việc cần làm", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm – rà soát, sàng lọc", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator($"#queue-{section} tbody tr").Filter(new() { HasText = CellName })
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = memberName, Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row;
    }

    private static async Task OpenFromQueueAsync(IPage page, ScreeningQueueSection section, string memberName)
    {
        var row = await QueueRowAsync(page, section, memberName);
        await row.GetByRole(AriaRole.Link, new() { Name = memberName }).ClickAsync();
        await Assertions.Expect(page.Locator("#member-link")).ToHaveTextAsync(memberName);
    }

    /// <summary>Opens the collapsed form of a step (its summary names the step) and returns the form.</summary>
    private static async Task<ILocator> OpenStepAsync(IPage page, ScreeningAction action)
    {
        var summary = page.Locator($"#action-{action} > summary");
        await Assertions.Expect(summary).ToContainTextAsync(action.DisplayName());
        var form = page.Locator($"#form-{action}");
        if (!await form.IsVisibleAsync()) await summary.ClickAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        return form;
    }

    /// <summary>The fields every step has: effective date, document kind and number, signer, note.</summary>
    private static async Task FillCommonAsync(ILocator form, string effectiveOn, string? documentKind = null, string? number = null,
        string? signer = null, string? note = null)
    {
        await form.GetByLabel(Label("Ngày hiệu lực")).FillAsync(effectiveOn);
        if (documentKind is not null)
            await form.GetByLabel(Label("Văn bản")).SelectOptionAsync(new SelectOptionValue { Label = documentKind });
        if (number is not null) await form.GetByLabel(Label("Số văn bản")).FillAsync(number);
        if (signer is not null) await form.GetByLabel(Label("Người ký")).FillAsync(signer);
        if (note is not null) await form.GetByLabel(Label("Ghi chú")).FillAsync(note);
    }

    private static async Task FillTallyAsync(ILocator form, int eligible, int present, int cast, int votesFor, int against)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        await form.GetByLabel(Label("Số có quyền biểu quyết")).FillAsync(N(eligible));
        await form.GetByLabel(Label("Có mặt")).FillAsync(N(present));
        await form.GetByLabel(Label("Số phiếu phát ra")).FillAsync(N(cast));
        await form.GetByLabel(Label("Đồng ý")).FillAsync(N(votesFor));
        await form.GetByLabel(Label("Không đồng ý")).FillAsync(N(against));
    }

    private static async Task SubmitAsync(IPage page, ILocator form, ScreeningAction action, string message)
    {
        await form.GetByRole(AriaRole.Button, new() { Name = action.DisplayName(), Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(message);
    }

    private static Task ExpectStatusAsync(IPage page, string status) =>
        Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync(status);

    /// <summary>
    /// The ballot form states the basis (official members on the roll, exempt ones left out) and pre-fills it;
    /// both must equal what the database says of the cell (5 in the test world until a member leaves).
    /// </summary>
    private async Task<int> ExpectVotingBasisAsync(IPage page, ScreeningAction action)
    {
        var cellId = fx.World.CellA1.Id;
        var expected = await fx.Server.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == cellId
            && m.Standing == Standing.Official && (m.RollState == RollState.Active || m.RollState == RollState.TemporarilyAway)));
        Assert.InRange(expected, 4, 5);
        var form = await OpenStepAsync(page, action);
        await Assertions.Expect(form).ToContainTextAsync(
            $"Số có quyền biểu quyết phải bằng số đảng viên chính thức không được miễn sinh hoạt của chi bộ: {expected}.");
        await Assertions.Expect(form.GetByLabel(Label("Số có quyền biểu quyết"))).ToHaveValueAsync(expected.ToString(CultureInfo.InvariantCulture));
        return expected;
    }
}
