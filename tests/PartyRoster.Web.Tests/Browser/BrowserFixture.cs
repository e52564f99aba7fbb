using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Browser;

/// <summary>The real app on a real Kestrel port (loopback, port 0) over a temp SQLite file.</summary>
public sealed class LiveServerFactory : PartyRosterFactory
{
    public LiveServerFactory() => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First().TrimEnd('/') + "/";
        }
    }
}

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download is possible here). A missing
/// browser fails the tests with a clear message; it never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public LiveServerFactory Server { get; } = new();
    public TestWorld World { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go to bin/.../screenshots; tests/run.sh copies them to docs/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}: install Debian's chromium (tests/run.sh does) or set CHROMIUM_PATH.");
        Directory.CreateDirectory(ScreenshotDirectory);
        _ = Server.BaseUrl;
        World = await TestWorld.CreateAsync(Server);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi-VN"],
        });
    }

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(World.Emails[key]);
        await page.GetByLabel("Mật khẩu").FillAsync(TestWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
    }
}

/// <summary>
/// Browser journeys run on their own, after the parallel tests: sharing two cores with a dozen
/// parallel test classes made a sign-in miss its timeout (a flake, not a bug).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneys
{
    public const string Name = "Browser journeys";
}
