using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using ReferralNetwork.Api.EmbeddedDatabase;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// A host of the app (Development, real Kestrel on loopback) on a PostgreSQL cluster of its own, which the test may
/// stop and start again, and whose connections it may count, without touching the shared fixture's database.
/// </summary>
public sealed class HostOnItsOwnCluster : IAsyncDisposable
{
    private readonly EmbeddedPostgresOptions _options = EmbeddedPostgresOptions.Throwaway() with { DeleteOnDispose = false };
    private EmbeddedPostgres? _cluster;
    private WebApplicationFactory<Program>? _factory;

    public string ConnectionString { get; private set; } = "";

    /// <summary>A client of the host signed in as <see cref="Caller.Admin"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public static async Task<HostOnItsOwnCluster> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = new HostOnItsOwnCluster();
        try
        {
            await host.StartDatabaseAsync();
            // The app reads its connection string while building (see ApiFixture): point it here for this build only.
            var shared = Environment.GetEnvironmentVariable("ConnectionStrings__ReferralNetwork");
            Environment.SetEnvironmentVariable("ConnectionStrings__ReferralNetwork", host.ConnectionString);
            try
            {
                host._factory = ApiFixture.CreateHost("Development", new Dictionary<string, string?>(settings)
                {
                    ["RateLimits:SearchPerMinute"] = "1000000",
                    ["RateLimits:WritesPerMinute"] = "1000000",
                    ["DemoNetwork:Seed"] = "false",
                });
                // Pages call the API over the host's own socket, so the host needs a real one.
                host._factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
                host._factory.StartServer();
            }
            finally
            {
                Environment.SetEnvironmentVariable("ConnectionStrings__ReferralNetwork", shared);
            }
            host.Client = host._factory.CreateClient();
            host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Caller.Admin.Token);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with no identity of its own (send requests <c>.As(caller)</c>).</summary>
    public HttpClient Anonymous() => _factory!.CreateClient();

    /// <summary>Stops PostgreSQL (pg_ctl stop -m fast), keeping its files for <see cref="StartDatabaseAsync"/>.</summary>
    public async Task StopDatabaseAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        _cluster = null;
    }

    /// <summary>Starts PostgreSQL on the same folder and port (the first time, creates it).</summary>
    public async Task StartDatabaseAsync()
    {
        _cluster = await EmbeddedPostgres.StartAsync(_options, NullLogger.Instance);
        ConnectionString = _cluster.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await StopDatabaseAsync();
        if (Directory.Exists(_options.DataDirectory)) Directory.Delete(_options.DataDirectory, recursive: true);
    }
}
