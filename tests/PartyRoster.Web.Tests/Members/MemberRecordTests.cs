using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Members;

public sealed class MemberRecordTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static int _next;

    /// <summary>A CCCD no other test in this class uses.</summary>
    private static string NewCitizenId() => "0770" + Interlocked.Increment(ref _next).ToString("D8", CultureInfo.InvariantCulture);

    private static string NewCard() => "KT" + Interlocked.Increment(ref _next).ToString("D6", CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> ValidForm(string name, int cellId) => new()
    {
        ["Input.FullName"] = name,
        ["Input.BirthName"] = name,
        ["Input.Gender"] = "Female",
        ["Input.DateOfBirth"] = "15/08/1990",
        ["Input.PlaceOfBirth"] = "Nam Định",
        ["Input.HomeTown"] = "Nghĩa Hưng, Nam Định",
        ["Input.PermanentResidence"] = "Số 3 Lê Lợi",
        ["Input.Ethnicity"] = "Tày",
        ["Input.Religion"] = "Không",
        ["Input.CitizenId"] = NewCitizenId(),
        ["Input.Phone"] = "+84 912 345 678",
        ["Input.Occupation"] = "Giáo viên",
        ["Input.GeneralEducation"] = "12/12",
        ["Input.PoliticalTheory"] = "Intermediate",
        ["Input.AdmissionDecisionDate"] = "01/03/2015",
        ["Input.AdmissionCeremonyDate"] = "19/03/2015",
        ["Input.OfficialDate"] = "19/03/2016",
        ["Input.PartyCardNumber"] = NewCard(),
        ["Input.CellId"] = cellId.ToString(CultureInfo.InvariantCulture),
    };

    private Task<Member> AddMemberAsync(string name, int cellId) => fx.Factory.WithDbAsync(async db =>
    {
        var cell = await db.Organizations.SingleAsync(o => o.Id == cellId);
        var m = new Member(
            new MemberProfile { FullName = name, Gender = Gender.Male, DateOfBirth = new DateOnly(1975, 6, 1), Ethnicity = "Kinh", CitizenId = NewCitizenId() },
            new MemberAdmission { AdmissionDecisionDate = new DateOnly(2000, 1, 1), AdmissionCeremonyDate = new DateOnly(2000, 2, 1), OfficialDate = new DateOnly(2001, 2, 1) },
            cell);
        db.Members.Add(m);
        await db.SaveChangesAsync();
        return m;
    });

    private Task<int> MemberCountAsync() => fx.Factory.WithDbAsync(db => db.Members.CountAsync());

    [Fact]
    public async Task Create_ByDept_SavesMemberAndWritesAudit()
    {
        var client = await fx.ClientForAsync("dept");
        var form = ValidForm("Hoàng Thị Mai Lan", fx.World.GrassrootsCell.Id);

        var response = await Forms.PostFormAsync(client, "/Members/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        var (member, audited) = await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.Include(x => x.NameTokens).SingleAsync(x => x.Id == id);
            var a = await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Member) && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "Tạo mới");
            return (m, a);
        });
        Assert.Equal("Hoàng Thị Mai Lan", member.FullName);
        Assert.Equal(fx.World.GrassrootsCell.Id, member.OrganizationId);
        Assert.Equal(form["Input.CitizenId"], member.CitizenId);
        Assert.Equal(new DateOnly(1990, 8, 15), member.DateOfBirth);
        Assert.Equal("Tày", member.Ethnicity);
        Assert.Equal(PoliticalTheoryLevel.Intermediate, member.PoliticalTheory);
        Assert.Equal(Standing.Official, member.Standing);
        Assert.Equal("hoang thi mai lan", member.SearchName);
        Assert.Equal(4, member.NameTokens.Count);
        Assert.True(audited);

        var details = await Forms.GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal("Chính thức", details.QuerySelector("#standing")!.TextContent.Trim());
        Assert.Equal("Đang sinh hoạt", details.QuerySelector("#roll-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task Create_WithBadCitizenIdCeremonyBeforeDecisionAndAge17_ShowsAllErrorsAndSavesNothing()
    {
        var client = await fx.ClientForAsync("dept");
        var before = await MemberCountAsync();
        var form = ValidForm("Lý Văn Sai", fx.World.GrassrootsCell.Id);
        form["Input.CitizenId"] = "00123456789"; // 11 digits
        form["Input.DateOfBirth"] = "01/06/1998"; // 17 at the decision
        form["Input.AdmissionDecisionDate"] = "01/03/2016";
        form["Input.AdmissionCeremonyDate"] = "01/02/2016";
        form["Input.OfficialDate"] = "";

        var response = await Forms.PostFormAsync(client, "/Members/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", errors);
        Assert.Contains("Ngày lễ kết nạp không được trước ngày quyết định kết nạp.", errors);
        Assert.Contains("Đảng viên phải đủ 18 tuổi vào ngày quyết định kết nạp.", errors);
        Assert.Equal(before, await MemberCountAsync());
    }

    [Fact]
    public async Task Create_WithMissingRequiredFields_ShowsEachAndKeepsTypedValues()
    {
        var client = await fx.ClientForAsync("dept");
        var form = ValidForm("", fx.World.GrassrootsCell.Id);
        form["Input.Gender"] = null;
        form["Input.DateOfBirth"] = "31/02/1990";
        form["Input.Ethnicity"] = "";
        form["Input.AdmissionCeremonyDate"] = "";
        form["Input.CellId"] = "";
        form["Input.Phone"] = "09x";

        var response = await Forms.PostFormAsync(client, "/Members/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Forms.ParseAsync(response);
        var errors = Forms.Errors(doc);
        Assert.Contains("Hãy nhập họ và tên đang dùng.", errors);
        Assert.Contains("Hãy chọn giới tính.", errors);
        Assert.Contains("Ngày sinh không hợp lệ (dd/mm/yyyy).", errors);
        Assert.Contains("Hãy chọn dân tộc.", errors);
        Assert.Contains("Hãy nhập ngày lễ kết nạp.", errors);
        Assert.Contains("Hãy chọn chi bộ.", errors);
        Assert.Contains("Số điện thoại chỉ gồm chữ số, dấu + và khoảng trắng.", errors);
        Assert.Equal("31/02/1990", doc.QuerySelector("input[name='Input.DateOfBirth']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Create_InACommitteeOrOutsideScope_IsRefused()
    {
        var client = await fx.ClientForAsync("committeeA");
        var before = await MemberCountAsync();

        var committee = await Forms.PostFormAsync(client, "/Members/Create", ValidForm("Mai Văn Tổ", fx.World.CommitteeA.Id));
        var otherCommittee = await Forms.PostFormAsync(client, "/Members/Create", ValidForm("Mai Văn Ngoài", fx.World.CellB1.Id));

        Assert.Equal(HttpStatusCode.OK, committee.StatusCode);
        Assert.Contains("Chi bộ không hợp lệ hoặc ngoài phạm vi quản lý.", Forms.Errors(await Forms.ParseAsync(committee)));
        Assert.Equal(HttpStatusCode.OK, otherCommittee.StatusCode);
        Assert.Contains("Chi bộ không hợp lệ hoặc ngoài phạm vi quản lý.", Forms.Errors(await Forms.ParseAsync(otherCommittee)));
        Assert.Equal(before, await MemberCountAsync());
    }

    [Fact]
    public async Task Create_WithCitizenIdOfMemberOnTheRoll_ShowsErrorAndSavesNothing()
    {
        var client = await fx.ClientForAsync("dept");
        var before = await MemberCountAsync();
        var form = ValidForm("Trịnh Văn Trùng", fx.World.GrassrootsCell.Id);
        form["Input.CitizenId"] = fx.World.MemberOf(fx.World.CellB1).CitizenId;
        form["Input.PartyCardNumber"] = fx.World.MemberOf(fx.World.CellB1).PartyCardNumber;

        var response = await Forms.PostFormAsync(client, "/Members/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.StartsWith("Số CCCD", StringComparison.Ordinal) && e.Contains("đang trong danh sách", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Số thẻ đảng viên", StringComparison.Ordinal) && e.Contains("đã được cấp", StringComparison.Ordinal));
        Assert.Equal(before, await MemberCountAsync());
    }

    [Fact]
    public async Task Create_WithCitizenIdOfDeceasedMember_IsAllowed()
    {
        var dead = await AddMemberAsync("Cao Văn Cũ", fx.World.GrassrootsCell.Id);
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == dead.Id);
            m.RecordDeath(new DateOnly(2020, 1, 1), null);
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("dept");
        var form = ValidForm("Cao Văn Mới", fx.World.GrassrootsCell.Id);
        form["Input.CitizenId"] = dead.CitizenId;

        var response = await Forms.PostFormAsync(client, "/Members/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Edit_ChangesFieldsAndName_AndSearchFindsTheNewName()
    {
        var member = await AddMemberAsync("Nguyễn Văn Khoa", fx.World.GrassrootsCell.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, $"/Members/Edit/{member.Id}", new Dictionary<string, string?>
        {
            ["Input.FullName"] = "Nguyễn Văn Khoát",
            ["Input.Workplace"] = "Ủy ban nhân dân phường",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fx.Factory.WithDbAsync(db => db.Members.Include(m => m.NameTokens).SingleAsync(m => m.Id == member.Id));
        Assert.Equal("Nguyễn Văn Khoát", saved.FullName);
        Assert.Equal("Ủy ban nhân dân phường", saved.Workplace);
        Assert.Equal(member.CitizenId, saved.CitizenId);
        Assert.Equal(["khoat", "nguyen", "van"], saved.NameTokens.Select(t => t.Token).Order(StringComparer.Ordinal));
        Assert.Equal(1, saved.Version);

        var found = await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+van+khoat");
        var old = await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+van+khoa");
        Assert.Single(found.QuerySelectorAll("#members tbody tr"));
        Assert.Contains("Tìm thấy 1 đảng viên", old.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal); // "khoa" is a prefix of "khoat"
        Assert.Empty((await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+van+khoa+x")).QuerySelectorAll("#members tbody tr"));
    }

    [Fact]
    public async Task Edit_WithDuplicateCitizenId_ShowsErrorAndSavesNothing()
    {
        var member = await AddMemberAsync("Bùi Văn Sửa", fx.World.GrassrootsCell.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, $"/Members/Edit/{member.Id}", new Dictionary<string, string?>
        {
            ["Input.CitizenId"] = fx.World.MemberOf(fx.World.CellA1, 1).CitizenId,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("đang trong danh sách", StringComparison.Ordinal));
        var saved = await fx.Factory.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == member.Id));
        Assert.Equal(member.CitizenId, saved.CitizenId);
    }

    [Fact]
    public async Task Edit_WithStaleVersion_ShowsConflictAndKeepsTheOtherChange()
    {
        var member = await AddMemberAsync("Đỗ Văn Xung", fx.World.GrassrootsCell.Id);
        var client = await fx.ClientForAsync("dept");
        // Someone else saves first.
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            m.UpdateProfile(new MemberProfile { FullName = m.FullName, Gender = m.Gender, DateOfBirth = m.DateOfBirth, Ethnicity = m.Ethnicity, CitizenId = m.CitizenId, Occupation = "Kỹ sư" });
            await db.SaveChangesAsync();
        });

        var response = await Forms.PostFormAsync(client, $"/Members/Edit/{member.Id}", new Dictionary<string, string?>
        {
            ["Input.Occupation"] = "Bác sĩ",
            ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Forms.ParseAsync(response);
        Assert.Contains("Hồ sơ vừa được người khác cập nhật. Dữ liệu mới nhất đã được tải lại; hãy xem lại và lưu lần nữa.", Forms.Errors(doc));
        Assert.Equal("Kỹ sư", doc.QuerySelector("input[name='Input.Occupation']")!.GetAttribute("value"));
        Assert.Equal("1", doc.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        var saved = await fx.Factory.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == member.Id));
        Assert.Equal("Kỹ sư", saved.Occupation);
    }

    [Fact]
    public async Task Details_OfMemberOutsideScope_IsNotFound()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var outside = await client.GetAsync($"/Members/Details/{fx.World.MemberOf(fx.World.CellB1).Id}");
        var own = await Forms.GetDocumentAsync(client, $"/Members/Details/{fx.World.MemberOf(fx.World.CellA1).Id}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("Nguyễn Văn An", own.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(own.QuerySelector("a[href*='/Members/Edit']"));
    }

    [Fact]
    public async Task Edit_BySecretary_IsForbidden()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var response = await client.GetAsync($"/Members/Edit/{fx.World.MemberOf(fx.World.CellA1).Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Edit_ByCommitteeOutsideItsSubtree_IsNotFound()
    {
        var client = await fx.ClientForAsync("committeeA");

        var outside = await client.GetAsync($"/Members/Edit/{fx.World.MemberOf(fx.World.CellB1).Id}");
        var inside = await client.GetAsync($"/Members/Edit/{fx.World.MemberOf(fx.World.CellA2).Id}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task RecordDeath_ListsMemberInDeceasedRegister_AndTakesThemOffTheRoll()
    {
        var member = await AddMemberAsync("Tạ Văn Mất", fx.World.GrassrootsCell.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, $"/Members/Details/{member.Id}", new Dictionary<string, string?>
        {
            ["Death.Date"] = "02/01/2025",
            ["Death.Note"] = "Từ trần do tuổi cao",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var register = await Forms.GetDocumentAsync(client, $"/Registers/Deceased?OrganizationId={fx.World.GrassrootsCell.Id}");
        var row = register.QuerySelectorAll("#deceased tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Single(c => c[1] == "Tạ Văn Mất");
        Assert.Equal("25 năm", row[3]);   // decision 01/01/2000 → death 02/01/2025
        Assert.Equal("02/01/2025", row[4]);
        Assert.Contains("Ngày in:", register.QuerySelector(".print-only")!.TextContent, StringComparison.Ordinal);

        var onRoll = await Forms.GetDocumentAsync(client, $"/Registers/OnRoll?OrganizationId={fx.World.GrassrootsCell.Id}");
        Assert.DoesNotContain("Tạ Văn Mất", onRoll.Body!.TextContent, StringComparison.Ordinal);
        var details = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.Equal("Đã từ trần", details.QuerySelector("#roll-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task RecordDeath_WithBadDate_ShowsErrorAndChangesNothing()
    {
        var member = await AddMemberAsync("Tạ Văn Sống", fx.World.GrassrootsCell.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, $"/Members/Details/{member.Id}", new Dictionary<string, string?> { ["Death.Date"] = "32/01/2025" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày từ trần không hợp lệ (dd/mm/yyyy).", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.Equal(RollState.Active, await fx.Factory.WithDbAsync(db => db.Members.Where(m => m.Id == member.Id).Select(m => m.RollState).SingleAsync()));
    }

    [Fact]
    public async Task OnRollRegister_GroupsByCell_AndLeftRegisterGroupsByReason()
    {
        var leaver = await AddMemberAsync("Phan Văn Đi", fx.World.CellB1.Id);
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == leaver.Id);
            m.Leave(RollState.RemovedFromRoll, new DateOnly(2024, 6, 1), "Quyết định xóa tên");
            await db.SaveChangesAsync();
        });
        var client = await fx.ClientForAsync("committeeA");
        var dept = await fx.ClientForAsync("dept");

        var onRoll = await Forms.GetDocumentAsync(client, "/Registers/OnRoll");
        var left = await Forms.GetDocumentAsync(dept, $"/Registers/Left?Year=2024&OrganizationId={fx.World.CommitteeB.Id}");
        var otherYear = await Forms.GetDocumentAsync(dept, $"/Registers/Left?Year=2023&OrganizationId={fx.World.CommitteeB.Id}");

        var headings = onRoll.QuerySelectorAll(".register-group h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(2, headings.Count);
        Assert.Contains(headings, h => h.StartsWith(fx.World.CellA1.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(fx.World.CellB1.Name, onRoll.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Phan Văn Đi", left.QuerySelector("#reason-RemovedFromRoll")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Phan Văn Đi", otherYear.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registers_ForSecretary_AreForbidden()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var response = await client.GetAsync("/Registers/OnRoll");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
