using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ReferralNetwork.Tests.Fixtures.Browser))]

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// One headless Chromium for the run: Debian's /usr/bin/chromium driven by Playwright (never `playwright install`).
/// Started on first use, so a run without browser tests never starts it.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>
    /// A fresh context (its own cookies) on the app: CSP bypassed only so axe can be injected. With a caller, every
    /// request carries that caller's bearer token (for users the demo sign-in does not list, like a new provider).
    /// </summary>
    public Task<IPage> NewPageAsync(ApiFixture api, Caller? caller = null) => NewPageAsync(new BrowserNewContextOptions
    {
        BaseURL = api.BaseAddress.ToString().TrimEnd('/'),
        BypassCSP = true,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        ExtraHTTPHeaders = caller is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {caller.Token}" },
    });

    /// <summary>
    /// A fresh context on hosts that serve the run's self-signed loopback certificate (<see cref="ProductionSignIn"/>): this
    /// browser alone skips the certificate check. The pages' own Content-Security-Policy applies, as it does for users.
    /// </summary>
    public Task<IPage> NewPageAsync(Uri httpsBase) => NewPageAsync(new BrowserNewContextOptions
    {
        BaseURL = httpsBase.ToString().TrimEnd('/'),
        IgnoreHTTPSErrors = true,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    private async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        var browser = await StartAsync();
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        // Expect(...) has a timeout of its own (5 s by default): the same 15 s, for a page whose API code is compiled on first use.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task<IBrowser> StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            Assert.True(File.Exists(ChromiumPath), $"Browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
