using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using PartyRoster.Domain;
using PartyRoster.Web.Pages.Members.Import;

namespace PartyRoster.Web.Tests.ImportExport;

/// <summary>Where uploaded lists wait between preview and import: per user, never past a day.</summary>
public sealed class ImportUploadsTests : IDisposable
{
    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "partyroster-tests", "uploads-" + Guid.NewGuid().ToString("N"));
    private readonly MovableClock _clock = new();
    private readonly ImportUploads _uploads;

    public ImportUploadsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder }).Build();
        _uploads = new ImportUploads(configuration, new HostingEnvironment { ContentRootPath = _folder }, _clock);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static MemoryStream Csv() => new(Encoding.UTF8.GetBytes("Họ và tên,Ngày sinh\r\nLê Thị Hoa,01/02/1970\r\n"));

    private int FilesOnDisk() => Directory.Exists(_uploads.Root) ? Directory.GetFiles(_uploads.Root, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task Upload_IsFoundByItsOwnerOnly_AndIsGoneAfterADay()
    {
        var upload = await _uploads.SaveAsync("user-1", "../../danh sách.csv", Csv(), CancellationToken.None);

        Assert.Equal("danh sách.csv", upload.FileName); // no folders from the browser
        Assert.NotNull(_uploads.Find("user-1", upload.Token));
        Assert.Null(_uploads.Find("user-2", upload.Token));
        Assert.Null(_uploads.Find("user-1", "../" + upload.Token));
        Assert.Equal(["Họ và tên", "Ngày sinh"], _uploads.Rows("user-1", upload).First().Cells);

        _clock.Now += ImportUploads.MaxAge + TimeSpan.FromMinutes(1);
        Assert.Null(_uploads.Find("user-1", upload.Token)); // expired: no longer offered

        foreach (var file in Directory.GetFiles(_uploads.Root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, _clock.Now.UtcDateTime - ImportUploads.MaxAge - TimeSpan.FromMinutes(1));
        _uploads.Purge();
        Assert.Equal(0, FilesOnDisk());
    }

    [Fact]
    public async Task ImportStatus_IsClaimedOnce_UntilItFails()
    {
        var upload = await _uploads.SaveAsync("user-1", "a.csv", Csv(), CancellationToken.None);

        Assert.True(_uploads.TryClaim("user-1", upload.Token, upload.FileName));
        Assert.False(_uploads.TryClaim("user-1", upload.Token, upload.FileName)); // a second click queues nothing
        _uploads.WriteStatus("user-1", upload.Token, _uploads.ReadStatus("user-1", upload.Token)! with { State = ImportState.Failed, Message = "x" });
        Assert.True(_uploads.TryClaim("user-1", upload.Token, upload.FileName)); // a failed import may be tried again

        _clock.Now += ImportStatus.StaleAfter + TimeSpan.FromSeconds(1);
        var stale = _uploads.ReadStatus("user-1", upload.Token)!;
        Assert.True(stale.IsInterrupted(_clock)); // queued and silent: its process stopped
        Assert.Contains("gián đoạn", stale.Describe(_clock), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyOrForeignFiles_AreRefused_AndNothingIsKept()
    {
        var empty = await Assert.ThrowsAsync<DomainException>(() => _uploads.SaveAsync("user-1", "x.csv", new MemoryStream(), CancellationToken.None));
        Assert.Equal(ImportUploads.EmptyMessage, empty.Message);
        var pdf = await Assert.ThrowsAsync<DomainException>(() => _uploads.SaveAsync("user-1", "x.xlsx", new MemoryStream("%PDF-1.4\n"u8.ToArray()), CancellationToken.None));
        Assert.Equal(PartyRoster.Web.Infrastructure.Spreadsheets.SpreadsheetFile.NotASpreadsheetMessage, pdf.Message);
        Assert.Equal(0, FilesOnDisk());
    }
}
