using System.Net.Http.Headers;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReferralNetwork.Api.EmbeddedDatabase;

[assembly: AssemblyFixture(typeof(ReferralNetwork.Tests.Fixtures.ApiFixture))]
// Tests share one host and one database and some reset it: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// One real host for the whole run, on a throwaway PostgreSQL cluster started from the installed binaries
/// (or on the database in ConnectionStrings__ReferralNetworkTests, which the tests will wipe).
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string TestDatabaseVariable = "ConnectionStrings__ReferralNetworkTests";

    private EmbeddedPostgres? _cluster;
    private WebApplicationFactory<Program> _factory = null!;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The host's clock: real time plus an offset that tests move (and put back) to reach deadlines.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>A client signed in as <see cref="Caller.Admin"/>, who may do nearly everything; scenarios about access use <see cref="Anonymous"/> with a caller.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client with no identity of its own (send requests <c>.As(caller)</c>, or nothing, to be anonymous).</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public IHost Host => Services.GetRequiredService<IHost>();
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>What the host logs, at every level, while a test captures (<see cref="LogCapture.Start"/>).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The SMTP server the host sends to, in this process.</summary>
    public MailServer Mail { get; } = new();

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/ (for the browser).</summary>
    public Uri BaseAddress => Anonymous.BaseAddress!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(TestDatabaseVariable) ?? "";
        await Mail.StartAsync();
        if (ConnectionString.Length == 0)
        {
            _cluster = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway(), NullLogger.Instance);
            ConnectionString = _cluster.ConnectionString;
        }
        try
        {
            // The app reads its connection string while building, before WebApplicationFactory's hooks run.
            Environment.SetEnvironmentVariable("ConnectionStrings__ReferralNetwork", ConnectionString);
            JasperFxEnvironment.AutoStartHost = true;
            _factory = CreateHost("Development", new Dictionary<string, string?>
            {
                // The scenarios send thousands of requests as a handful of users; RateLimitTests checks the limits on a host of its own.
                ["RateLimits:SearchPerMinute"] = "1000000",
                ["RateLimits:WritesPerMinute"] = "1000000",
                // Every message goes to a real SMTP server in this process (Notifications tests read what arrives).
                ["Notifications:Smtp:Host"] = "127.0.0.1",
                ["Notifications:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Smtp:Security"] = "None",
                ["Notifications:PublicBaseUrl"] = "https://referrals.test",
                ["Notifications:From"] = "Referral Network <referrals@referrals.test>",
                ["Notifications:RetryDelays"] = "00:00:00.050,00:00:00.100",
                ["Notifications:ScheduledRetryDelays"] = "",
            }, services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Every level from every category reaches the capture, whatever the app's settings say.
                services.AddSingleton<ILoggerProvider>(Logs);
                services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
            });
            // A real Kestrel server on a free loopback port: the browser tests and the pages (which call the API over
            // loopback) need a socket; the API tests use the same one.
            _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            Anonymous = _factory.CreateClient();
            Client = _factory.CreateClient();
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Caller.Admin.Token);
            await ResetAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation threw: do not leave its cluster running.
            if (_cluster is not null) await _cluster.DisposeAsync();
            throw;
        }
    }

    public Task ResetAsync() => Host.ResetAllMartenDataAsync();

    /// <summary>A fresh anonymous client with its own cookie jar (for the cookie sign-in).</summary>
    public HttpClient NewClient(bool followRedirects = true) => followRedirects
        ? _factory.CreateClient()
        : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// Another host of the app on the same database, in <paramref name="environment"/> with extra settings, trusting the test
    /// token issuer. The caller disposes it. For behaviour that depends on configuration (rate limits, Production).
    /// </summary>
    public static WebApplicationFactory<Program> CreateHost(string environment, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            // Outside Development the app needs an SMTP server or notifications turned off; tests that want mail say so.
            if (environment != "Development") b.UseSetting("Notifications:Enabled", "false");
            foreach (var (key, value) in TestTokens.HostSettings.Concat(settings)) b.UseSetting(key, value);
            if (services is not null) b.ConfigureTestServices(services);
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
