using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public IHost Host => Services.GetRequiredService<IHost>();
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(TestDatabaseVariable) ?? "";
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
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
                .UseEnvironment("Development")
                .ConfigureTestServices(services =>
                {
                    services.AddAuthentication(TestIdentity.SchemeName).AddScheme<AuthenticationSchemeOptions, TestIdentity>(TestIdentity.SchemeName, null);
                    services.AddSingleton<TimeProvider>(Clock);
                }));
            Client = _factory.CreateClient();
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

    public HttpClient CreateClient() => _factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
