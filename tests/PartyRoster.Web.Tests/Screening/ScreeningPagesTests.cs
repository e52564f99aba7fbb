using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Screening;

public sealed class ScreeningPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static int _next;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh official member of <paramref name="cellId"/>, so tests do not share cases.</summary>
    private Task<Member> AddMemberAsync(int cellId, string name = "Vũ Văn Khánh") => fx.Factory.WithDbAsync(async db =>
    {
        var cell = await db.Organizations.SingleAsync(o => o.Id == cellId);
        var n = Interlocked.Increment(ref _next);
        var m = new Member(
            new MemberProfile { FullName = $"{name} {n}", Gender = Gender.Male, DateOfBirth = new DateOnly(1980, 1, 1), Ethnicity = "Kinh", CitizenId = "0880" + n.ToString("D8", CultureInfo.InvariantCulture) },
            new MemberAdmission { AdmissionDecisionDate = new DateOnly(2005, 1, 1), AdmissionCeremonyDate = new DateOnly(2005, 2, 1), OfficialDate = new DateOnly(2006, 2, 1) },
            cell);
        db.Members.Add(m);
        await db.SaveChangesAsync();
        return m;
    });

    private static async Task<Actor> ActorAsync(PartyRosterDbContext db, string key, Role role, int organizationId)
    {
        var id = await db.Users.Where(u => u.Email == key + "@test.vn").Select(u => u.Id).SingleAsync();
        return new Actor(id, key, role, organizationId);
    }

    /// <summary>A case opened 20 days ago in <paramref name="cell"/>, optionally directed 15 days ago.</summary>
    private async Task<(int CaseId, Member Member)> NewCaseAsync(Organization cell, bool directed)
    {
        var member = await AddMemberAsync(cell.Id);
        var id = await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            var secretary = await ActorAsync(db, "secretaryA1", Role.CellSecretary, cell.Id);
            var c = ScreeningCase.Propose(m, [ReasonCode.C1], "Hai năm liền không hoàn thành nhiệm vụ",
                new StepContext(secretary, Today.AddDays(-20), DateTime.UtcNow));
            if (directed)
            {
                var superior = cell.Kind == OrganizationKind.Cell
                    ? await ActorAsync(db, "committeeA", Role.GrassrootsCommittee, fx.World.CommitteeA.Id)
                    : await ActorAsync(db, "dept", Role.OrganizationDept, fx.World.Root.Id);
                c.Direct(true, new StepContext(superior, Today.AddDays(-15), DateTime.UtcNow));
            }
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return (id, member);
    }

    [Fact]
    public async Task EscalatedCase_AfterThreeInconclusiveBallots_WaitsInTheGrassrootsCommitteesQueue()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id, "Hà Văn Lưỡng");
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var caseId = await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            var secretary = await ActorAsync(db, "secretaryA1", Role.CellSecretary, fx.World.CellA1.Id);
            StepContext Ctx(int daysAgo, DocumentRef? doc = null) => new(secretary, Today.AddDays(-daysAgo), DateTime.UtcNow, doc);
            var c = ScreeningCase.ProposeDirectRemoval(m, [DirectRemovalGround.MissedMeetings], "Bỏ sinh hoạt tháng 3, 5, 7 không lý do", Ctx(40));
            c.RecordSelfCriticism(Ctx(35, new DocumentRef(DocumentKind.BanTuKiemDiem, null, Today.AddDays(-35))));
            for (var round = 0; round < 3; round++)
            {
                // Half for, half against: neither side reaches 2/3.
                var tally = new BallotTally(basis, basis, basis, basis / 2, basis - basis / 2);
                c.RecordBallot(tally, basis, Domain.Rules.RuleBook.Default, Ctx(30 - round, new DocumentRef(DocumentKind.BienBan, N(round + 1) + "-BB/CB", Today.AddDays(round - 30))));
            }
            Assert.Equal(ScreeningStatus.Escalated, c.Status);
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

        var queue = await Forms.GetDocumentAsync(await fx.ClientForAsync("committeeA"), "/Screening/Queue");
        var section = queue.QuerySelector("#queue-Escalated");
        Assert.NotNull(section);
        Assert.Contains(section!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Screening/Case/{caseId}");
    }

    private Task<ScreeningCase> LoadCaseAsync(int id) =>
        fx.Factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().Include(c => c.Steps).SingleAsync(c => c.Id == id));

    private Task<int> BasisAsync(int cellId) => fx.Factory.WithDbAsync(db => db.Members.CountAsync(m =>
        m.OrganizationId == cellId && m.Standing == Standing.Official
        && (m.RollState == RollState.Active || m.RollState == RollState.TemporarilyAway)));

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var doc = await Forms.GetDocumentAsync(client, url);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    private static Dictionary<string, string?> Tally(int eligible, int present, int cast, int votesFor, int votesAgainst) => new()
    {
        ["Input.Eligible"] = N(eligible),
        ["Input.Present"] = N(present),
        ["Input.BallotsCast"] = N(cast),
        ["Input.VotesFor"] = N(votesFor),
        ["Input.VotesAgainst"] = N(votesAgainst),
    };

    // ---------------------------------------------------------------- opening and queues

    [Fact]
    public async Task Propose_BySecretaryOfTheCell_OpensCaseThatWaitsInTheCommitteesQueue()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id, "Hồ Văn Quang");
        var secretary = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(secretary, $"/Screening/Propose?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Track"] = "Education",
            ["Input.Reasons"] = "C5",
            ["Input.Evidence"] = "Ý kiến Ban công tác Mặt trận khu dân cư: thường xuyên vắng sinh hoạt.",
        }, "#form-Propose");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await fx.Factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(x => x.MemberId == member.Id));
        Assert.Equal(ScreeningStatus.Proposed, c.Status);
        Assert.Equal([ReasonCode.C5], c.Reasons);
        Assert.Equal($"/Screening/Case/{c.Id}", response.Headers.Location!.OriginalString);

        var committee = await fx.ClientForAsync("committeeA");
        var queue = await Forms.GetDocumentAsync(committee, "/Screening/Queue");
        var section = queue.QuerySelector("#queue-ToDirect");
        Assert.NotNull(section);
        Assert.Contains(member.FullName, section!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector($"a[href='/Screening/Case/{c.Id}']"));

        // The same case is not the Ban Tổ chức's to direct (a chi bộ trực thuộc's superior is its đảng ủy cơ sở).
        var dept = await fx.ClientForAsync("dept");
        var deptQueue = await Forms.GetDocumentAsync(dept, "/Screening/Queue");
        Assert.DoesNotContain(member.FullName, deptQueue.QuerySelector("#queue-ToDirect")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_WithoutAnyReason_ShowsErrorAndOpensNothing()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(secretary, $"/Screening/Propose?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Track"] = "Education",
        }, "#form-Propose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Cần chọn ít nhất một tiêu chí", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.ScreeningCases.AnyAsync(c => c.MemberId == member.Id)));
    }

    [Fact]
    public async Task Propose_ForAMemberOfAnotherCell_IsNotFound()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var other = await fx.ClientForAsync("secretaryB1");
        await Forms.GetDocumentAsync(other, $"/Screening/Propose?memberId={member.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task QueueCounts_ShowWorkPerSectionForTheUser()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var queue = await Forms.GetDocumentAsync(secretary, "/Screening/Queue");
        var section = queue.QuerySelector("#queue-ToBallot")!;
        var expected = await fx.Factory.WithDbAsync(db => db.ScreeningCases.CountAsync(c => c.CellId == fx.World.CellA1.Id
            && (c.Status == ScreeningStatus.Directed || c.Status == ScreeningStatus.FinalReview || c.Status == ScreeningStatus.Ballot)));
        Assert.Equal(N(expected), section.QuerySelector(".queue-count")!.TextContent.Trim());
        Assert.NotNull(section.QuerySelector($"a[href='/Screening/Case/{id}']"));
        // The home page's partial (also shown atop the queue) agrees with the list.
        Assert.Equal(N(expected), queue.QuerySelector("#queue-counts [data-queue=ToBallot] .display-6")!.TextContent.Trim());

        // Nothing waits for the inspection committee while no case has been forwarded.
        var inspector = await fx.ClientForAsync("inspector");
        var inspectorQueue = await Forms.GetDocumentAsync(inspector, "/Screening/Queue");
        Assert.Null(inspectorQueue.QuerySelector($"a[href='/Screening/Case/{id}']"));
    }

    [Fact]
    public async Task Index_FiltersByStatusAndOrganisationSubtree()
    {
        var (directedId, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var (proposedId, _) = await NewCaseAsync(fx.World.GrassrootsCell, directed: false);
        var dept = await fx.ClientForAsync("dept");

        var all = await Forms.GetDocumentAsync(dept, "/Screening");
        Assert.NotNull(all.QuerySelector($"a[href='/Screening/Case/{directedId}']"));
        Assert.NotNull(all.QuerySelector($"a[href='/Screening/Case/{proposedId}']"));

        var directed = await Forms.GetDocumentAsync(dept, "/Screening?Status=Directed");
        Assert.NotNull(directed.QuerySelector($"a[href='/Screening/Case/{directedId}']"));
        Assert.Null(directed.QuerySelector($"a[href='/Screening/Case/{proposedId}']"));

        var underA = await Forms.GetDocumentAsync(dept, $"/Screening?OrganizationId={fx.World.CommitteeA.Id}");
        Assert.NotNull(underA.QuerySelector($"a[href='/Screening/Case/{directedId}']"));
        Assert.Null(underA.QuerySelector($"a[href='/Screening/Case/{proposedId}']"));

        // An organisation outside the user's scope narrows to nothing rather than revealing its cases.
        var secretary = await fx.ClientForAsync("secretaryA1");
        var probe = await Forms.GetDocumentAsync(secretary, $"/Screening?OrganizationId={fx.World.GrassrootsCell.Id}");
        Assert.Empty(probe.QuerySelectorAll("#cases tbody tr"));
    }

    [Fact]
    public async Task ProposeDirectRemoval_WithGrounds_OpensADirectCase()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(secretary, $"/Screening/Propose?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Track"] = "DirectRemoval",
            ["Input.Grounds"] = "MissedMeetings",
            ["Input.Evidence"] = "Sổ điểm danh: vắng tháng 3, 5, 8 không lý do.",
        }, "#form-Propose");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await fx.Factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(x => x.MemberId == member.Id));
        Assert.Equal(ScreeningTrack.DirectRemoval, c.Track);
        Assert.Equal([DirectRemovalGround.MissedMeetings], c.Grounds);

        // A second open case for the same member is refused.
        var again = await Forms.PostFormAsync(secretary, $"/Screening/Propose?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Track"] = "DirectRemoval",
            ["Input.Grounds"] = "UnpaidDues",
        }, "#form-Propose");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(again)), e => e.Contains("đang có hồ sơ rà soát chưa kết thúc", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- step 2

    [Fact]
    public async Task Direct_ByGrassrootsCommittee_MovesCaseToDirected()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: false);
        var committee = await fx.ClientForAsync("committeeA");

        var response = await Forms.PostFormAsync(committee, $"/Screening/Case/{id}", new Dictionary<string, string?>
        {
            ["Input.Approve"] = "true",
            ["Input.Note"] = "Đồng ý với đề xuất của chi bộ",
        }, "#form-Direct");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.Directed, c.Status);
        var step = c.Steps.OrderBy(s => s.Sequence).Last();
        Assert.Equal(Role.GrassrootsCommittee, step.Actor.Role);
        Assert.Equal(fx.World.CommitteeA.Id, step.Actor.OrganizationId);
        Assert.Equal(Today, step.EffectiveOn);
    }

    [Fact]
    public async Task Direct_ByOrganizationDeptOnACellsCase_IsNotOfferedAndRefused()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: false);
        var dept = await fx.ClientForAsync("dept");

        var page = await Forms.GetDocumentAsync(dept, $"/Screening/Case/{id}");
        Assert.Null(page.QuerySelector("#form-Direct"));

        var token = await TokenAsync(dept, $"/Screening/Case/{id}");
        var response = await dept.PostAsync($"/Screening/Case/{id}?handler=Direct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = "1",
            ["Input.Approve"] = "true",
            ["Input.EffectiveOn"] = D(Today),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Bạn không được", StringComparison.Ordinal));
        Assert.Equal(ScreeningStatus.Proposed, (await LoadCaseAsync(id)).Status);
    }

    [Fact]
    public async Task Direct_ByOrganizationDeptOnAGrassrootsCellsCase_IsAllowed()
    {
        var (id, _) = await NewCaseAsync(fx.World.GrassrootsCell, directed: false);
        var dept = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(dept, $"/Screening/Case/{id}", new Dictionary<string, string?>
        {
            ["Input.Approve"] = "true",
        }, "#form-Direct");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);
    }

    // ---------------------------------------------------------------- step 3

    [Fact]
    public async Task ListBallot_WithTheCellsBasis_PutsTheMemberOnTheList()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var page = await Forms.GetDocumentAsync(secretary, $"/Screening/Case/{id}");
        Assert.Equal(N(basis), page.QuerySelector("#form-RecordListBallot input[name='Input.Eligible']")!.GetAttribute("value"));

        var values = Tally(basis, basis, basis, basis, 0);
        values["Input.DocumentKind"] = "BienBan";
        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", values, "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.Listed, c.Status);
        Assert.Equal(basis, c.Steps.OrderBy(s => s.Sequence).Last().Tally!.Eligible);

        // The timeline shows the tally and the document.
        var after = await Forms.GetDocumentAsync(secretary, $"/Screening/Case/{id}");
        Assert.Contains("Biên bản", after.QuerySelector("#step-3")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#step-3 table"));
    }

    [Fact]
    public async Task ListBallot_WithATallyThatDoesNotAddUp_ShowsErrorAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", Tally(basis, basis, basis - 1, basis, 1), "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Forms.ParseAsync(response);
        Assert.Contains(Forms.Errors(doc), e => e.Contains("cộng lại không được vượt số phiếu phát ra", StringComparison.Ordinal));
        Assert.True(doc.QuerySelector("#action-RecordListBallot")!.HasAttribute("open"));
        var c = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.Directed, c.Status);
        Assert.Equal(2, c.Steps.Count);
    }

    [Fact]
    public async Task ListBallot_WithAnEligibleCountOtherThanTheBasis_ShowsErrorAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", Tally(basis + 1, basis, basis, basis, 0), "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("phải bằng số đảng viên chính thức", StringComparison.Ordinal));
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);
    }

    [Fact]
    public async Task ListBallot_DatedBeforeThePreviousStep_ShowsErrorAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var values = Tally(basis, basis, basis, basis, 0);
        values["Input.EffectiveOn"] = D(Today.AddDays(-30));
        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", values, "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("không được trước ngày của bước trước", StringComparison.Ordinal));
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);
    }

    [Fact]
    public async Task ListBallot_WithADateThatDoesNotParse_ShowsErrorAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var values = Tally(basis, basis, basis, basis, 0);
        values["Input.EffectiveOn"] = "31/02/2026";
        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", values, "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Ngày hiệu lực không hợp lệ (dd/mm/yyyy)", StringComparison.Ordinal));
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);
    }

    [Fact]
    public async Task ListBallot_WithAResolutionWithoutNumber_ShowsErrorAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");

        var values = Tally(basis, basis, basis, basis, 0);
        values["Input.DocumentKind"] = "NghiQuyet";
        values["Input.DocumentNumber"] = "";
        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", values, "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Nghị quyết phải có số văn bản", StringComparison.Ordinal));
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);
    }

    [Fact]
    public async Task ListBallot_WithAStaleVersion_ShowsConflictAndSavesNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var basis = await BasisAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var current = (await LoadCaseAsync(id)).Version;

        var values = Tally(basis, basis, basis, basis, 0);
        values["Input.Version"] = N(current + 7);
        var response = await Forms.PostFormAsync(secretary, $"/Screening/Case/{id}", values, "#form-RecordListBallot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Forms.ParseAsync(response);
        Assert.Contains(Forms.Errors(doc), e => e.Contains("Hồ sơ vừa được người khác cập nhật", StringComparison.Ordinal));
        // The re-rendered form carries the current version, so a second try can succeed.
        Assert.Equal(N(current), doc.QuerySelector("#form-RecordListBallot input[name='Input.Version']")!.GetAttribute("value"));
        var c = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.Directed, c.Status);
        Assert.Equal(current, c.Version);
    }

    // ---------------------------------------------------------------- scope

    [Fact]
    public async Task SecretaryOfAnotherCell_GetsNotFoundOnGetAndPost()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var member = await AddMemberAsync(fx.World.CellB1.Id);
        var other = await fx.ClientForAsync("secretaryB1");

        await Forms.GetDocumentAsync(other, $"/Screening/Case/{id}", HttpStatusCode.NotFound);

        var token = await TokenAsync(other, $"/Screening/Propose?memberId={member.Id}");
        var response = await other.PostAsync($"/Screening/Case/{id}?handler=RecordListBallot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = "1",
            ["Input.EffectiveOn"] = D(Today),
            ["Input.Eligible"] = "5", ["Input.Present"] = "5", ["Input.BallotsCast"] = "5", ["Input.VotesFor"] = "5", ["Input.VotesAgainst"] = "0",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ScreeningStatus.Directed, (await LoadCaseAsync(id)).Status);

        var list = await Forms.GetDocumentAsync(other, "/Screening?Status=all");
        Assert.Null(list.QuerySelector($"a[href='/Screening/Case/{id}']"));
    }

    [Fact]
    public async Task Admin_SeesNoCases()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: false);
        var admin = await fx.ClientForAsync("admin");
        var response = await admin.GetAsync($"/Screening/Case/{id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Inspector_ReadsTheWholeFileButGetsNoCellButtons()
    {
        var (id, member) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var inspector = await fx.ClientForAsync("inspector");

        var page = await Forms.GetDocumentAsync(inspector, $"/Screening/Case/{id}");
        Assert.Contains(member.FullName, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#timeline > li").Length);
        Assert.Contains("Chi bộ biểu quyết", page.QuerySelector("#due")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#actions"));
        Assert.Null(page.QuerySelector("#form-RecordListBallot"));
        Assert.Null(page.QuerySelector("#form-Upload"));

        var list = await Forms.GetDocumentAsync(inspector, "/Screening");
        Assert.NotNull(list.QuerySelector($"a[href='/Screening/Case/{id}']"));
    }

    [Fact]
    public async Task Secretary_SeesOnlyTheStepsLegalNow()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: true);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var page = await Forms.GetDocumentAsync(secretary, $"/Screening/Case/{id}");
        var forms = page.QuerySelectorAll("#actions form").Select(f => f.Id).Order().ToList();
        Assert.Equal(["form-RecordListBallot", "form-Withdraw"], forms);
    }

    // ---------------------------------------------------------------- the whole path, each role in turn

    [Fact]
    public async Task EducationCase_FromHelpToRemovalAndAppeal_EachRoleTakesItsStep()
    {
        var cell = fx.World.CellA1;
        var member = await AddMemberAsync(cell.Id, "Đinh Văn Tuấn");
        var helper = await AddMemberAsync(cell.Id, "Lý Thị Hoa");
        var start = Today.AddDays(-430);
        var id = await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            var secretary = await ActorAsync(db, "secretaryA1", Role.CellSecretary, cell.Id);
            var committee = await ActorAsync(db, "committeeA", Role.GrassrootsCommittee, fx.World.CommitteeA.Id);
            var basis = await db.Members.CountAsync(x => x.OrganizationId == cell.Id && x.Standing == Standing.Official && x.RollState == RollState.Active);
            var c = ScreeningCase.Propose(m, [ReasonCode.C1, ReasonCode.C4], "Chứng cứ", new StepContext(secretary, start, DateTime.UtcNow));
            c.Direct(true, new StepContext(committee, start.AddDays(5), DateTime.UtcNow));
            c.RecordListBallot(new BallotTally(basis, basis, basis, basis, 0), basis, Domain.Rules.RuleBook.Default,
                new StepContext(secretary, start.AddDays(10), DateTime.UtcNow, new DocumentRef(DocumentKind.BienBan, null, start.AddDays(10))));
            c.RecordSelfCriticism(new StepContext(secretary, start.AddDays(15), DateTime.UtcNow, new DocumentRef(DocumentKind.BanTuKiemDiem, null, start.AddDays(15))));
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var url = $"/Screening/Case/{id}";
        var secretaryClient = await fx.ClientForAsync("secretaryA1");

        // Step 4: the helper, chosen from the cell's official members (never the subject).
        var page = await Forms.GetDocumentAsync(secretaryClient, url);
        var options = page.QuerySelectorAll("#helper-id option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(N(helper.Id), options);
        Assert.DoesNotContain(N(member.Id), options);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(secretaryClient, url, new Dictionary<string, string?>
        {
            ["Input.HelperId"] = N(helper.Id),
            ["Input.EffectiveOn"] = D(start.AddDays(20)),
            ["Input.DocumentNumber"] = "03-NQ/CB",
        }, "#form-AssignHelper")).StatusCode);
        var afterHelper = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.UnderHelp, afterHelper.Status);
        Assert.Equal(helper.Id, afterHelper.HelperMemberId);

        // A progress note changes no column of the case but still moves its version.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(secretaryClient, url, new Dictionary<string, string?>
        {
            ["Input.Text"] = "Đã tham gia đủ các buổi sinh hoạt quý I.",
            ["Input.EffectiveOn"] = D(start.AddDays(100)),
        }, "#form-AddProgressNote")).StatusCode);
        Assert.True((await LoadCaseAsync(id)).Version > afterHelper.Version);

        // Step 5–6: final review once the 12 months are over, then the cell's ballot proposes removal.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(secretaryClient, url, new Dictionary<string, string?>
        {
            ["Input.Text"] = "Chưa khắc phục được khuyết điểm.",
            ["Input.Text2"] = "Không tiến bộ.",
        }, "#form-RecordFinalReview")).StatusCode);
        var basisNow = await BasisAsync(cell.Id);
        var ballot = Tally(basisNow, basisNow, basisNow, basisNow, 0);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(secretaryClient, url, ballot, "#form-RecordBallot")).StatusCode);
        Assert.Equal(ScreeningStatus.RemovalProposed, (await LoadCaseAsync(id)).Status);

        // Step 7: a chi bộ trực thuộc goes up through its đảng ủy cơ sở (the secretary cannot forward it).
        Assert.Null((await Forms.GetDocumentAsync(secretaryClient, url)).QuerySelector("#form-Forward"));
        var committeeClient = await fx.ClientForAsync("committeeA");
        var forward = Tally(9, 9, 9, 8, 1);
        forward["Input.DocumentKind"] = "NghiQuyet";
        forward["Input.DocumentNumber"] = "15-NQ/ĐU";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(committeeClient, url, forward, "#form-Forward")).StatusCode);

        // Step 8: the UBKT finds it in its queue and records its conclusion.
        var inspector = await fx.ClientForAsync("inspector");
        Assert.NotNull((await Forms.GetDocumentAsync(inspector, "/Screening/Queue")).QuerySelector($"#queue-ToVerify a[href='{url}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(inspector, url, new Dictionary<string, string?>
        {
            ["Input.Approve"] = "true",
            ["Input.Text"] = "Vi phạm được khẳng định qua xác minh tại nơi cư trú.",
            ["Input.DocumentNumber"] = "05-KL/UBKT",
        }, "#form-RecordVerification")).StatusCode);

        // Steps 9–10: the Ban Tổ chức advises, the Ban Thường vụ decides; the member leaves the roll with the decision.
        var dept = await fx.ClientForAsync("dept");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(dept, url, new Dictionary<string, string?>
        {
            ["Input.Disposition"] = "RemoveFromRoll",
            ["Input.DocumentNumber"] = "21-TTr/BTC",
        }, "#form-Advise")).StatusCode);
        var standing = await fx.ClientForAsync("standing");
        Assert.NotNull((await Forms.GetDocumentAsync(standing, "/Screening/Queue")).QuerySelector($"#queue-ToDecide a[href='{url}']"));
        var decide = Tally(7, 7, 7, 6, 1);
        decide["Input.Disposition"] = "RemoveFromRoll";
        decide["Input.DocumentNumber"] = "130-QĐ/ĐU";
        decide["Input.DocumentSigner"] = "Nguyễn Văn Bí Thư";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(standing, url, decide, "#form-Decide")).StatusCode);
        Assert.Equal(ScreeningStatus.RemovedFromRoll, (await LoadCaseAsync(id)).Status);
        Assert.Equal(RollState.RemovedFromRoll, await fx.Factory.WithDbAsync(db => db.Members.Where(m => m.Id == member.Id).Select(m => m.RollState).SingleAsync()));

        // Step 11: the appeal, with its answer due date from the working-day calendar.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(dept, url, new Dictionary<string, string?>
        {
            ["Input.ReceivedOn"] = D(Today),
        }, "#form-LodgeAppeal")).StatusCode);
        var appealed = await LoadCaseAsync(id);
        Assert.Equal(ScreeningStatus.Appealed, appealed.Status);
        Assert.NotNull(appealed.AppealAnswerDueOn);

        var final = await Forms.GetDocumentAsync(inspector, url);
        Assert.Equal(appealed.Steps.Count, final.QuerySelectorAll("#timeline > li").Length);
        Assert.Contains("130-QĐ/ĐU", final.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trả lời khiếu nại", final.QuerySelector("#due")!.TextContent, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- attachments

    [Fact]
    public async Task Upload_SmallPdf_IsListedAndDownloadable()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: false);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var token = await TokenAsync(secretary, $"/Screening/Case/{id}");
        var bytes = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("1"), "UploadStep" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload", "bien-ban-hop-chi-bo.pdf");
        var response = await secretary.PostAsync($"/Screening/Case/{id}?handler=Upload", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await Forms.GetDocumentAsync(secretary, $"/Screening/Case/{id}");
        var link = page.QuerySelectorAll("#attachments a").OfType<IHtmlAnchorElement>().Single(a => a.TextContent == "bien-ban-hop-chi-bo.pdf");
        Assert.NotNull(page.QuerySelector("#step-1 a"));

        var download = await secretary.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var other = await fx.ClientForAsync("secretaryB1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task Upload_ANonPdfFile_ShowsErrorAndKeepsNothing()
    {
        var (id, _) = await NewCaseAsync(fx.World.CellA1, directed: false);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var token = await TokenAsync(secretary, $"/Screening/Case/{id}");

        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent("MZ not a pdf"u8.ToArray()), "Upload", "virus.pdf");
        var response = await secretary.PostAsync($"/Screening/Case/{id}?handler=Upload", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Chỉ nhận tệp PDF", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.CaseAttachments.AnyAsync(a => a.ScreeningCaseId == id)));
    }
}
