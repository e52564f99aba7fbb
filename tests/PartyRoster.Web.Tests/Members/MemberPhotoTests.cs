using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Members;

public sealed class MemberPhotoTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static int _next;

    /// <summary>The smallest honest PNG: signature, a 1x1 IHDR, one IDAT, IEND (CRCs are not checked by the store).</summary>
    private static byte[] SmallPng() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01,
        0x0D, 0x0A, 0x2D, 0xB4,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>A fresh member of <paramref name="cellId"/>: these tests change photos, so none touches the shared world's members.</summary>
    private Task<Member> AddMemberAsync(int cellId) => fx.Factory.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref _next);
        var cell = await db.Organizations.SingleAsync(o => o.Id == cellId);
        var m = new Member(
            new MemberProfile
            {
                FullName = "Vũ Thị Ảnh " + (char)('A' + n % 26), Gender = Gender.Female, DateOfBirth = new DateOnly(1980, 5, 2), Ethnicity = "Kinh",
                CitizenId = "0880" + n.ToString("D8", CultureInfo.InvariantCulture),
            },
            new MemberAdmission { AdmissionDecisionDate = new DateOnly(2005, 1, 1), AdmissionCeremonyDate = new DateOnly(2005, 2, 1), OfficialDate = new DateOnly(2006, 2, 1) },
            cell);
        db.Members.Add(m);
        await db.SaveChangesAsync();
        return m;
    });

    private Task<string?> PhotoFileNameAsync(int memberId) =>
        fx.Factory.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.PhotoFileName).SingleAsync());

    private string PhotosDirectory => Path.Combine(fx.Factory.DataDirectory, "photos");

    private int StoredPhotoCount() => Directory.Exists(PhotosDirectory) ? Directory.GetFiles(PhotosDirectory).Length : 0;

    /// <summary>Posts the page's photo form as a browser would: multipart, antiforgery token and Version from the page.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int memberId, byte[] bytes, string fileName, string contentType)
    {
        var url = $"/Members/Details/{memberId}";
        var page = await Forms.GetDocumentAsync(client, url);
        var form = page.QuerySelector("#form-photo") as IHtmlFormElement ?? throw new InvalidOperationException("No photo form.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name='Photo.Version']")!.GetAttribute("value")!), "Photo.Version" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Photo.File", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    [Fact]
    public async Task Upload_SmallPng_ByDept_IsShownOnProfileAndServedWithItsType()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        var before = await Forms.GetDocumentAsync(dept, $"/Members/Details/{member.Id}");
        Assert.NotNull(before.QuerySelector("#photo-placeholder"));
        Assert.Null(before.QuerySelector("#photo img"));

        var png = SmallPng();
        var response = await UploadAsync(dept, member.Id, png, "chan-dung.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await PhotoFileNameAsync(member.Id);
        Assert.NotNull(stored);
        Assert.Matches("^[0-9a-f]{32}\\.png$", stored);
        Assert.True(File.Exists(Path.Combine(PhotosDirectory, stored)));

        var page = await Forms.GetDocumentAsync(dept, $"/Members/Details/{member.Id}");
        var img = page.QuerySelector("#photo img") as IHtmlImageElement;
        Assert.NotNull(img);
        Assert.Equal($"Ảnh đảng viên {member.FullName}", img.AlternativeText);
        Assert.Null(page.QuerySelector("#photo")!.Closest(".no-print"));

        var photo = await dept.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.True(photo.Headers.CacheControl!.Private);
        Assert.Equal(png, await photo.Content.ReadAsByteArrayAsync());

        // The audit trail records the change of photo.
        Assert.True(await fx.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.EntityType == nameof(Member) && e.EntityId == member.Id.ToString(CultureInfo.InvariantCulture) && e.Changes.Contains(nameof(Member.PhotoFileName)))));
    }

    [Fact]
    public async Task Upload_AnExeRenamedPng_ShowsErrorAndSavesNothing()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        var filesBefore = StoredPhotoCount();
        byte[] exe = [.. "MZ"u8, .. new byte[200]];

        var response = await UploadAsync(dept, member.Id, exe, "anh.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains(MemberPhotoStore.WrongTypeMessage, StringComparison.Ordinal));
        Assert.Null(await PhotoFileNameAsync(member.Id));
        Assert.Equal(filesBefore, StoredPhotoCount());
    }

    [Fact]
    public async Task Upload_ThreeMegabytes_ShowsTooLargeAndSavesNothing()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        var filesBefore = StoredPhotoCount();
        var big = new byte[3 * 1024 * 1024];
        SmallPng().CopyTo(big, 0);

        var response = await UploadAsync(dept, member.Id, big, "lon.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("Ảnh quá lớn (tối đa 2 MB).", StringComparison.Ordinal));
        Assert.Null(await PhotoFileNameAsync(member.Id));
        Assert.Equal(filesBefore, StoredPhotoCount());
    }

    [Fact]
    public async Task Upload_WithStaleVersion_ShowsConflictAndKeepsNoFile()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        var url = $"/Members/Details/{member.Id}";
        var page = await Forms.GetDocumentAsync(dept, url);
        var form = (IHtmlFormElement)page.QuerySelector("#form-photo")!;
        // Someone else saves the record after the page was shown.
        await fx.Factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            m.SetPhoto("0123456789abcdef0123456789abcdef.png");
            await db.SaveChangesAsync();
        });
        var filesBefore = StoredPhotoCount();

        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name='Photo.Version']")!.GetAttribute("value")!), "Photo.Version" },
            { new ByteArrayContent(SmallPng()), "Photo.File", "a.png" },
        };
        var response = await dept.PostAsync(form.GetAttribute("action"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(response)), e => e.Contains("vừa được người khác cập nhật", StringComparison.Ordinal));
        Assert.Equal("0123456789abcdef0123456789abcdef.png", await PhotoFileNameAsync(member.Id));
        Assert.Equal(filesBefore, StoredPhotoCount());
    }

    [Fact]
    public async Task PhotoHandler_OutsideScope_Returns404()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(dept, member.Id, SmallPng(), "a.png", "image/png")).StatusCode);

        var secretaryB1 = await fx.ClientForAsync("secretaryB1");
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryB1.GetAsync($"/Members/Details/{member.Id}?handler=Photo")).StatusCode);

        // The cell's own secretary reads it.
        var secretaryA1 = await fx.ClientForAsync("secretaryA1");
        Assert.Equal(HttpStatusCode.OK, (await secretaryA1.GetAsync($"/Members/Details/{member.Id}?handler=Photo")).StatusCode);
    }

    [Fact]
    public async Task PhotoHandler_WithoutPhoto_Returns404()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/Members/Details/{member.Id}?handler=Photo")).StatusCode);
    }

    [Fact]
    public async Task ReadOnlySecretary_SeesNoPhotoForm_AndCannotPostOne()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var secretary = await fx.ClientForAsync("secretaryA1");
        var page = await Forms.GetDocumentAsync(secretary, $"/Members/Details/{member.Id}");
        Assert.Null(page.QuerySelector("#form-photo"));
        Assert.Null(page.QuerySelector("#form-photo-remove"));

        // The layout's sign-out form carries a valid token for this user: the refusal must come from authorization, not antiforgery.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("0"), "Photo.Version" },
            { new ByteArrayContent(SmallPng()), "Photo.File", "a.png" },
        };
        var response = await secretary.PostAsync($"/Members/Details/{member.Id}?handler=Photo", content);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Null(await PhotoFileNameAsync(member.Id));
    }

    [Fact]
    public async Task Remove_ByDept_ClearsPhotoAndDeletesFile()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(dept, member.Id, SmallPng(), "a.png", "image/png")).StatusCode);
        var stored = await PhotoFileNameAsync(member.Id);
        Assert.NotNull(stored);

        var response = await Forms.PostFormAsync(dept, $"/Members/Details/{member.Id}", new Dictionary<string, string?>(), "#form-photo-remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await PhotoFileNameAsync(member.Id));
        Assert.False(File.Exists(Path.Combine(PhotosDirectory, stored)));
        var page = await Forms.GetDocumentAsync(dept, $"/Members/Details/{member.Id}");
        Assert.NotNull(page.QuerySelector("#photo-placeholder"));
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/Members/Details/{member.Id}?handler=Photo")).StatusCode);
    }

    [Fact]
    public async Task Replace_ByDept_ServesNewPhotoAndDeletesOldFile()
    {
        var member = await AddMemberAsync(fx.World.CellA1.Id);
        var dept = await fx.ClientForAsync("dept");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(dept, member.Id, SmallPng(), "a.png", "image/png")).StatusCode);
        var first = await PhotoFileNameAsync(member.Id);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(dept, member.Id, jpeg, "moi.jpg", "image/jpeg")).StatusCode);

        var second = await PhotoFileNameAsync(member.Id);
        Assert.NotEqual(first, second);
        Assert.EndsWith(".jpg", second, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(PhotosDirectory, first!)));
        var photo = await dept.GetAsync($"/Members/Details/{member.Id}?handler=Photo");
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(jpeg, await photo.Content.ReadAsByteArrayAsync());
    }
}
