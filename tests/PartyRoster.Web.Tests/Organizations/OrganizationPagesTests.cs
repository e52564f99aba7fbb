using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Pages.Organizations;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Organizations;

/// <summary>The organisation tree over HTTP: viewing in scope, creating, renaming, moving, dissolving.</summary>
public sealed class OrganizationPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private TestWorld W => fx.World;

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    private static string DetailsUrl(int id) => $"/Organizations/Details/{id}";

    /// <summary>Tests that mutate work on organisations of their own, so they never depend on each other.</summary>
    private Task<int> CreateOrgAsync(string name, OrganizationKind kind, int parentId) => fx.Factory.WithDbAsync(async db =>
    {
        var parent = await db.Organizations.SingleAsync(o => o.Id == parentId);
        var org = new Organization(name, kind, parent, new DateOnly(2010, 1, 1));
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.AssignPath();
        await db.SaveChangesAsync();
        return org.Id;
    });

    private Task<Organization?> FindAsync(int id) =>
        fx.Factory.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.History).SingleOrDefaultAsync(o => o.Id == id));

    private static bool Links(IHtmlDocument doc, int id) => doc.QuerySelector($"a[href='{DetailsUrl(id)}']") is not null;

    // ---- viewing ----

    [Fact]
    public async Task Index_ForCellSecretary_ShowsOnlyOwnCell()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var doc = await Forms.GetDocumentAsync(client, "/Organizations");

        Assert.True(Links(doc, W.CellA1.Id));
        Assert.False(Links(doc, W.CommitteeA.Id));
        Assert.False(Links(doc, W.CommitteeB.Id));
        Assert.False(Links(doc, W.CellB1.Id));
        Assert.DoesNotContain("Thêm tổ chức", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ForDept_NestsTheWholeTreeWithMemberCounts()
    {
        var client = await fx.ClientForAsync("dept");

        var doc = await Forms.GetDocumentAsync(client, "/Organizations");

        var subItem = doc.QuerySelector($".tree a[href='{DetailsUrl(W.SubCommitteeA.Id)}']")!.ParentElement!;
        Assert.NotNull(subItem.QuerySelector($"ul a[href='{DetailsUrl(W.CellA2.Id)}']"));
        var cellItem = doc.QuerySelector($".tree a[href='{DetailsUrl(W.CellA1.Id)}']")!.ParentElement!;
        Assert.Contains("5 đảng viên", cellItem.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chi bộ trực thuộc", cellItem.TextContent, StringComparison.Ordinal);
        Assert.True(Links(doc, W.CommitteeB.Id));
        Assert.NotNull(doc.QuerySelector("a[href='/Organizations/Create']"));
    }

    [Fact]
    public async Task Details_ShowsDirectSuperiorAndGrassrootsComputedFromTheTree()
    {
        var client = await fx.ClientForAsync("dept");

        var cellUnderSub = await Forms.GetDocumentAsync(client, DetailsUrl(W.CellA2.Id));
        var grassrootsCell = await Forms.GetDocumentAsync(client, DetailsUrl(W.GrassrootsCell.Id));

        Assert.Equal(W.SubCommitteeA.Name, cellUnderSub.QuerySelector("#direct-superior")!.TextContent.Trim());
        Assert.Equal(W.CommitteeA.Name, cellUnderSub.QuerySelector("#grassroots")!.TextContent.Trim());
        Assert.Equal(W.Root.Name, grassrootsCell.QuerySelector("#direct-superior")!.TextContent.Trim());
        Assert.Equal("5", cellUnderSub.QuerySelector("#official-count")!.TextContent.Trim());
        Assert.Contains("chỉ có bí thư", cellUnderSub.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_ForCellSecretary_ShowsSuperiorWithoutLinkAndNoManagementForms()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(W.CellA1.Id));

        Assert.Equal(W.CommitteeA.Name, doc.QuerySelector("#direct-superior")!.TextContent.Trim());
        Assert.False(Links(doc, W.CommitteeA.Id));
        Assert.Null(doc.QuerySelector("#rename-form"));
        Assert.Null(doc.QuerySelector("#dissolve-form"));
    }

    [Fact]
    public async Task Details_OfMissingOrganisation_Returns404()
    {
        var client = await fx.ClientForAsync("dept");

        await Forms.GetDocumentAsync(client, DetailsUrl(999_999), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Details_OutsideScope_Returns404()
    {
        var client = await fx.ClientForAsync("committeeA");

        await Forms.GetDocumentAsync(client, DetailsUrl(W.CellB1.Id), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Details_OfSmallChiBoTrucThuoc_WarnsAboutThreeOfficialMembers()
    {
        var id = await CreateOrgAsync(Unique("Chi bộ Nhỏ"), OrganizationKind.Cell, W.CommitteeA.Id);
        var client = await fx.ClientForAsync("dept");

        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(id));

        Assert.Contains("cần ít nhất 3 đảng viên chính thức", doc.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
    }

    // ---- creating ----

    [Fact]
    public async Task Create_CellUnderGrassrootsCommittee_RedirectsAndAssignsPath()
    {
        var client = await fx.ClientForAsync("dept");
        var name = Unique("Chi bộ Giáo viên Văn");

        var response = await Forms.PostFormAsync(client, $"/Organizations/Create?parentId={W.CommitteeA.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(OrganizationKind.Cell),
            ["Input.Name"] = name,
            ["Input.Code"] = Unique("CB").Replace(' ', '-'),
            ["Input.EstablishedOn"] = "15/03/2024",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await fx.Factory.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.History).SingleAsync(o => o.Name == name));
        Assert.Equal($"{DetailsUrl(created.Id)}", response.Headers.Location!.OriginalString);
        Assert.Equal(W.CommitteeA.Id, created.ParentId);
        Assert.Equal($"{W.CommitteeA.Path}{created.Id}/", created.Path);
        Assert.Equal(new DateOnly(2024, 3, 15), created.EstablishedOn);
        Assert.Equal(OrganizationChange.Created, Assert.Single(created.History).Change);

        var tree = await Forms.GetDocumentAsync(client, "/Organizations");
        var committeeItem = tree.QuerySelector($".tree a[href='{DetailsUrl(W.CommitteeA.Id)}']")!.ParentElement!;
        Assert.NotNull(committeeItem.QuerySelector($"ul a[href='{DetailsUrl(created.Id)}']"));
    }

    [Theory]
    [InlineData("cell", "Không thể đặt chi bộ trực thuộc trực thuộc chi bộ trực thuộc")]
    [InlineData("root", "Không thể đặt chi bộ trực thuộc trực thuộc đảng bộ cấp trên trực tiếp")]
    public async Task Create_CellInInvalidPlace_ShowsPlacementErrorAndCreatesNothing(string where, string expected)
    {
        var client = await fx.ClientForAsync("dept");
        var name = Unique("Chi bộ Sai Chỗ");
        var parentId = where == "cell" ? W.CellA1.Id : W.Root.Id;

        var response = await Forms.PostFormAsync(client, $"/Organizations/Create?parentId={W.CommitteeA.Id}", new Dictionary<string, string?>
        {
            ["Input.ParentId"] = parentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(OrganizationKind.Cell),
            ["Input.Name"] = name,
            ["Input.EstablishedOn"] = "01/01/2024",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task Create_WithDuplicateCode_ShowsErrorAndCreatesNothing()
    {
        var client = await fx.ClientForAsync("dept");
        var code = Unique("DUP").Replace(' ', '-');
        var first = await Forms.PostFormAsync(client, $"/Organizations/Create?parentId={W.CommitteeB.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(OrganizationKind.Cell), ["Input.Name"] = Unique("Chi bộ Một"), ["Input.Code"] = code,
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var name = Unique("Chi bộ Hai");

        var response = await Forms.PostFormAsync(client, $"/Organizations/Create?parentId={W.CommitteeB.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(OrganizationKind.Cell), ["Input.Name"] = name, ["Input.Code"] = code,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("đã được dùng", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task Create_WithBadDate_ShowsVietnameseError()
    {
        var client = await fx.ClientForAsync("dept");
        var name = Unique("Chi bộ Ngày Sai");

        var response = await Forms.PostFormAsync(client, $"/Organizations/Create?parentId={W.CommitteeA.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(OrganizationKind.Cell), ["Input.Name"] = name, ["Input.EstablishedOn"] = "31/02/2024",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày thành lập không hợp lệ (dd/mm/yyyy).", Forms.Errors(await Forms.ParseAsync(response)));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task Create_PageOffersOnlyKindsAllowedUnderTheParent()
    {
        var client = await fx.ClientForAsync("dept");

        var underRoot = await Forms.GetDocumentAsync(client, $"/Organizations/Create?parentId={W.Root.Id}");
        var underSub = await Forms.GetDocumentAsync(client, $"/Organizations/Create?parentId={W.SubCommitteeA.Id}");

        static List<string> Kinds(IHtmlDocument d) =>
            [.. d.QuerySelectorAll("select[name='Input.Kind'] option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0)];
        Assert.Equal([nameof(OrganizationKind.GrassrootsCommittee), nameof(OrganizationKind.GrassrootsCell)], Kinds(underRoot));
        Assert.Equal([nameof(OrganizationKind.Cell)], Kinds(underSub));
    }

    [Fact]
    public async Task Create_ForCellSecretary_IsRefusedByPolicy()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var response = await client.GetAsync("/Organizations/Create");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // ---- renaming ----

    [Fact]
    public async Task Rename_RecordsHistoryAndShowsIt()
    {
        var oldName = Unique("Chi bộ Cũ");
        var id = await CreateOrgAsync(oldName, OrganizationKind.Cell, W.CommitteeA.Id);
        var client = await fx.ClientForAsync("dept");
        var newName = Unique("Chi bộ Mới");

        var response = await Forms.PostFormAsync(client, DetailsUrl(id), new Dictionary<string, string?>
        {
            ["Rename.NewName"] = newName, ["Rename.EffectiveOn"] = "01/07/2025", ["Rename.Note"] = "QĐ 15-QĐ/ĐU",
        }, "#rename-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var org = (await FindAsync(id))!;
        Assert.Equal(newName, org.Name);
        var entry = org.History.Single(h => h.Change == OrganizationChange.Renamed);
        Assert.Equal((oldName, newName, "QĐ 15-QĐ/ĐU", new DateOnly(2025, 7, 1)), (entry.Before, entry.After, entry.Note, entry.EffectiveOn));

        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(id));
        var history = doc.QuerySelector("#history")!.TextContent;
        Assert.Contains("Đổi tên", history, StringComparison.Ordinal);
        Assert.Contains("01/07/2025", history, StringComparison.Ordinal);
        Assert.Contains(oldName, history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_ByCellSecretaryOnOwnCell_Returns404AndChangesNothing()
    {
        var client = await fx.ClientForAsync("secretaryA1");
        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(W.CellA1.Id));
        var token = doc.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await client.PostAsync($"{DetailsUrl(W.CellA1.Id)}?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = "0",
            ["Rename.NewName"] = "Chi bộ Đổi Trộm", ["Rename.EffectiveOn"] = "01/07/2025",
        }));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(W.CellA1.Name, (await FindAsync(W.CellA1.Id))!.Name);
    }

    [Fact]
    public async Task Rename_WithStaleVersion_ShowsConflictAndKeepsTheOtherChange()
    {
        var id = await CreateOrgAsync(Unique("Chi bộ Đồng Thời"), OrganizationKind.Cell, W.CommitteeB.Id);
        var client = await fx.ClientForAsync("dept");
        var stale = await Forms.GetDocumentAsync(client, DetailsUrl(id));
        var firstName = Unique("Chi bộ Người Thứ Nhất");
        var first = await Forms.PostFormAsync(client, DetailsUrl(id), new Dictionary<string, string?> { ["Rename.NewName"] = firstName }, "#rename-form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var response = await Forms.SubmitAsync(client, DetailsUrl(id), (IHtmlFormElement)stale.QuerySelector("#rename-form")!,
            new Dictionary<string, string?> { ["Rename.NewName"] = Unique("Chi bộ Người Thứ Hai") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(DetailsModel.ConflictMessage, Forms.Errors(page));
        var org = (await FindAsync(id))!;
        Assert.Equal(firstName, org.Name);
        Assert.Single(org.History, h => h.Change == OrganizationChange.Renamed);
        // The re-rendered form carries the fresh version, so saving again now works.
        Assert.Equal(org.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("#rename-form input[name='Version']")!.GetAttribute("value"));
    }

    // ---- moving ----

    [Fact]
    public async Task Move_SubCommitteeWithCell_RewritesTheSubtreePaths()
    {
        var subId = await CreateOrgAsync(Unique("Đảng bộ bộ phận Khối Chuyển"), OrganizationKind.SubCommittee, W.CommitteeA.Id);
        var cellId = await CreateOrgAsync(Unique("Chi bộ Đi Theo"), OrganizationKind.Cell, subId);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, DetailsUrl(subId), new Dictionary<string, string?>
        {
            ["Move.NewParentId"] = W.CommitteeB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Move.EffectiveOn"] = "01/08/2025",
        }, "#move-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sub = (await FindAsync(subId))!;
        var cell = (await FindAsync(cellId))!;
        Assert.Equal(W.CommitteeB.Id, sub.ParentId);
        Assert.Equal($"{W.CommitteeB.Path}{subId}/", sub.Path);
        Assert.Equal($"{W.CommitteeB.Path}{subId}/{cellId}/", cell.Path);
        var moved = sub.History.Single(h => h.Change == OrganizationChange.Moved);
        Assert.Equal((W.CommitteeA.Name, W.CommitteeB.Name), (moved.Before, moved.After));

        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(cellId));
        Assert.Equal(W.CommitteeB.Name, doc.QuerySelector("#grassroots")!.TextContent.Trim());
    }

    [Fact]
    public async Task Move_OffersOnlyAllowedParents()
    {
        var id = await CreateOrgAsync(Unique("Chi bộ Chọn Nơi"), OrganizationKind.Cell, W.CommitteeA.Id);
        var client = await fx.ClientForAsync("dept");

        var doc = await Forms.GetDocumentAsync(client, DetailsUrl(id));

        var options = doc.QuerySelectorAll("select[name='Move.NewParentId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(W.SubCommitteeA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
        Assert.Contains(W.CommitteeB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
        Assert.DoesNotContain(W.CommitteeA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options); // current parent
        Assert.DoesNotContain(W.Root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
        Assert.DoesNotContain(W.CellA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
    }

    [Fact]
    public async Task Move_CellUnderCell_ShowsPlacementErrorAndMovesNothing()
    {
        var id = await CreateOrgAsync(Unique("Chi bộ Không Chuyển"), OrganizationKind.Cell, W.CommitteeA.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, DetailsUrl(id), new Dictionary<string, string?>
        {
            ["Move.NewParentId"] = W.CellA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "#move-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)),
            e => e.Contains("Không thể đặt chi bộ trực thuộc trực thuộc chi bộ trực thuộc", StringComparison.Ordinal));
        Assert.Equal(W.CommitteeA.Id, (await FindAsync(id))!.ParentId);
    }

    // ---- dissolving ----

    [Fact]
    public async Task Dissolve_CellWithMembers_ShowsErrorAndKeepsItActive()
    {
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, DetailsUrl(W.CellA1.Id), new Dictionary<string, string?>
        {
            ["Dissolve.Reason"] = "Thử giải thể",
        }, "#dissolve-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)),
            e => e.Contains("Còn 5 đảng viên sinh hoạt tại tổ chức này", StringComparison.Ordinal));
        Assert.Equal(OrganizationStatus.Active, (await FindAsync(W.CellA1.Id))!.Status);
    }

    [Fact]
    public async Task Dissolve_CommitteeWithActiveCell_ShowsError()
    {
        var subId = await CreateOrgAsync(Unique("Đảng bộ bộ phận Còn Con"), OrganizationKind.SubCommittee, W.CommitteeA.Id);
        await CreateOrgAsync(Unique("Chi bộ Con"), OrganizationKind.Cell, subId);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, DetailsUrl(subId), new Dictionary<string, string?>
        {
            ["Dissolve.Reason"] = "Sắp xếp lại",
        }, "#dissolve-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)),
            e => e.Contains("tổ chức trực thuộc đang hoạt động", StringComparison.Ordinal));
        Assert.Equal(OrganizationStatus.Active, (await FindAsync(subId))!.Status);
    }

    [Fact]
    public async Task Dissolve_EmptyCell_KeepsItListedWhenAsked()
    {
        var name = Unique("Chi bộ Giải Thể");
        var id = await CreateOrgAsync(name, OrganizationKind.Cell, W.CommitteeA.Id);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, DetailsUrl(id), new Dictionary<string, string?>
        {
            ["Dissolve.ClosedOn"] = "30/06/2025", ["Dissolve.Reason"] = "Sáp nhập theo QĐ 20-QĐ/ĐU",
        }, "#dissolve-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var org = (await FindAsync(id))!;
        Assert.Equal(OrganizationStatus.Dissolved, org.Status);
        Assert.Equal(new DateOnly(2025, 6, 30), org.ClosedOn);
        Assert.Equal(name, org.Name);
        Assert.Contains(org.History, h => h.Change == OrganizationChange.Dissolved && h.Note == "Sáp nhập theo QĐ 20-QĐ/ĐU");

        var hidden = await Forms.GetDocumentAsync(client, "/Organizations");
        Assert.False(Links(hidden, id));
        var shown = await Forms.GetDocumentAsync(client, "/Organizations?ShowDissolved=true");
        var item = shown.QuerySelector($".tree a[href='{DetailsUrl(id)}']")!.ParentElement!;
        Assert.Contains("dissolved", item.ClassList);

        var details = await Forms.GetDocumentAsync(client, DetailsUrl(id));
        Assert.Null(details.QuerySelector("#rename-form"));
        Assert.Contains("30/06/2025", details.Body!.TextContent, StringComparison.Ordinal);
    }
}
