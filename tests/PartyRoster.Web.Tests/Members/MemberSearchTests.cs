using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyRoster.Web.Tests.Members;

public sealed class MemberSearchTests(WorldFixture fx, ITestOutputHelper output) : IClassFixture<WorldFixture>
{
    private static List<(string Name, string Cell)> Rows(IHtmlDocument doc) =>
        doc.QuerySelectorAll("#members tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(c => (c[0], c[5]))
            .ToList();

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheMember()
    {
        var client = await fx.ClientForAsync("dept");

        var doc = await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+van+an");

        var rows = Rows(doc);
        Assert.Equal(4, rows.Count); // one "Nguyễn Văn An" in each of the four cells
        Assert.All(rows, r => Assert.Equal("Nguyễn Văn An", r.Name));
        Assert.Contains("Tìm thấy 4 đảng viên", doc.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithPlainD_FindsNameWithDStroke()
    {
        var client = await fx.ClientForAsync("dept");

        var rows = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=dang+van+duc"));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Đặng Văn Đức", r.Name));
    }

    [Fact]
    public async Task Search_LastWordIsAPrefix_AndEveryWordMustMatchInAnyOrder()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var prefix = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=Nguy%E1%BB%85n+v%C4%83n+a"));
        var skippingMiddleName = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+an"));
        var reversed = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=an+van+nguyen"));
        var wordNotInName = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=nguyen+thi+an"));

        Assert.Equal(["Nguyễn Văn An"], prefix.Select(r => r.Name));
        Assert.Equal(["Nguyễn Văn An"], skippingMiddleName.Select(r => r.Name));
        Assert.Equal(["Nguyễn Văn An"], reversed.Select(r => r.Name));
        Assert.Empty(wordNotInName);
    }

    [Fact]
    public async Task Search_BySecretary_ReturnsOnlyOwnCell_SortedByGivenName()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var rows = Rows(await Forms.GetDocumentAsync(client, "/Members"));

        Assert.All(rows, r => Assert.Equal(fx.World.CellA1.Name, r.Cell));
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đặng Văn Đức"], rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_ByCitizenId_FindsExactlyThatMember()
    {
        var client = await fx.ClientForAsync("dept");
        var target = fx.World.MemberOf(fx.World.CellB1, 2);

        var rows = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=" + target.CitizenId));

        Assert.Equal([(target.FullName, fx.World.CellB1.Name)], rows);
    }

    [Fact]
    public async Task Search_ByCardNumber_IgnoresCase()
    {
        var client = await fx.ClientForAsync("dept");
        var target = fx.World.MemberOf(fx.World.CellA2, 1);

        var rows = Rows(await Forms.GetDocumentAsync(client, "/Members?Q=" + target.PartyCardNumber!.ToLowerInvariant()));

        Assert.Equal([(target.FullName, fx.World.CellA2.Name)], rows);
    }

    [Fact]
    public async Task Search_ByOrganisation_CoversItsSubtree()
    {
        var client = await fx.ClientForAsync("dept");

        var rows = Rows(await Forms.GetDocumentAsync(client, $"/Members?OrganizationId={fx.World.CommitteeA.Id}"));

        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Cell, new[] { fx.World.CellA1.Name, fx.World.CellA2.Name }));
    }

    [Fact]
    public async Task Search_OrganisationOutsideScope_ReturnsNothing()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var rows = Rows(await Forms.GetDocumentAsync(client, $"/Members?OrganizationId={fx.World.CellB1.Id}"));

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Search_PagesOnTheServer()
    {
        var cell = await fx.Factory.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.SingleAsync(o => o.Id == fx.World.CommitteeB.Id);
            var c = new Organization("Chi bộ Phân trang", OrganizationKind.Cell, parent, new DateOnly(2000, 1, 1));
            db.Organizations.Add(c);
            await db.SaveChangesAsync();
            c.AssignPath();
            for (var i = 0; i < 55; i++)
            {
                db.Members.Add(new Member(
                    new MemberProfile { FullName = $"Vũ Văn Trang{i:D2}", Gender = Gender.Male, DateOfBirth = new DateOnly(1980, 1, 1), Ethnicity = "Kinh" },
                    new MemberAdmission { AdmissionDecisionDate = new DateOnly(2010, 1, 1), AdmissionCeremonyDate = new DateOnly(2010, 2, 1) },
                    c));
            }
            await db.SaveChangesAsync();
            return c;
        });
        var client = await fx.ClientForAsync("dept");

        var page1 = await Forms.GetDocumentAsync(client, $"/Members?OrganizationId={cell.Id}");
        var page2 = await Forms.GetDocumentAsync(client, $"/Members?OrganizationId={cell.Id}&P=2");

        Assert.Equal(50, Rows(page1).Count);
        Assert.Equal("Trang 1/2", page1.QuerySelector("#page-info")!.TextContent.Trim());
        Assert.Contains("Tìm thấy 55 đảng viên", page1.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        var next = page1.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("P=2", next, StringComparison.Ordinal);
        Assert.Contains($"OrganizationId={cell.Id}", next, StringComparison.Ordinal);
        Assert.Equal(["Vũ Văn Trang50", "Vũ Văn Trang51", "Vũ Văn Trang52", "Vũ Văn Trang53", "Vũ Văn Trang54"], Rows(page2).Select(r => r.Name));
        Assert.Equal("Trang 2/2", page2.QuerySelector("#page-info")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_FilterByStandingAndRollState()
    {
        var client = await fx.ClientForAsync("secretaryA1");

        var probationary = Rows(await Forms.GetDocumentAsync(client, "/Members?Standing=Probationary"));
        var deceased = Rows(await Forms.GetDocumentAsync(client, "/Members?State=Deceased"));
        var all = Rows(await Forms.GetDocumentAsync(client, "/Members?State=all&Standing=Official"));

        Assert.Empty(probationary);
        Assert.Empty(deceased);
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task NameSearch_SqlUsesTheTokenIndexAndNoClientEvaluation()
    {
        var sql = await fx.Factory.WithDbAsync(async db =>
        {
            var search = new MemberSearch { Text = "Nguyễn Văn A", OrganizationId = fx.World.CommitteeA.Id, Page = 2 };
            return (await search.PageQueryAsync(db.Members, db, CancellationToken.None)).ToQueryString();
        });
        output.WriteLine(sql);

        Assert.Contains("\"MemberNameTokens\"", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"m\".\"SortKey\", \"m\".\"Id\"", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an", "ao")]
    [InlineData("anz", "ao")]
    [InlineData("a9", "b")]
    [InlineData("z", null)]
    [InlineData("đ", null)]
    public void PrefixUpperBound_IsTheNextPrefix(string prefix, string? expected)
    {
        Assert.Equal(expected, MemberSearch.PrefixUpperBound(prefix));
    }

    [Theory]
    [InlineData("001000000001", MemberSearch.TextKind.CitizenId)]
    [InlineData("TN000001", MemberSearch.TextKind.CardNumber)]
    [InlineData("nguyen van an", MemberSearch.TextKind.Name)]
    [InlineData("An", MemberSearch.TextKind.Name)]
    [InlineData("  ", MemberSearch.TextKind.None)]
    public void Classify_ReadsTheText(string text, MemberSearch.TextKind kind)
    {
        Assert.Equal(kind, MemberSearch.Classify(text));
    }

    [Fact]
    public async Task MembersPage_ForAdmin_IsForbidden()
    {
        var client = await fx.ClientForAsync("admin");

        var response = await client.GetAsync("/Members");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
