using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using ReferralNetwork.Hosting;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hosting;

/// <summary>
/// The app's pools (Marten, the daemon, Wolverine's outbox and agents) stay within Database:MaxPoolSize together:
/// a burst far larger than the budget waits its turn for a connection instead of the server refusing clients.
/// </summary>
public sealed class ConnectionBudgetTests
{
    private const int Budget = 8, Requests = 200;

    [Fact]
    public async Task two_hundred_concurrent_requests_queue_for_a_small_budget_and_all_succeed_without_exceeding_it()
    {
        await using var node = await HostOnItsOwnCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Database:MaxPoolSize"] = $"{Budget}",
            ["Database:ConnectTimeout"] = "00:00:30",
        });
        Assert.True((await node.Client.PostAsJsonAsync("/api/providers", ProviderScenarios.Onboarding(), ProviderScenarios.Json)).IsSuccessStatusCode);
        using var stop = new CancellationTokenSource();
        var peak = WatchConnectionsAsync(node.ConnectionString, stop.Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => i % 2 == 0
            ? node.Client.GetAsync("/api/providers?state=VA")
            : node.Client.PostAsJsonAsync("/api/providers", ProviderScenarios.Onboarding($"Provider {i}"), ProviderScenarios.Json)));
        await stop.CancelAsync();

        var failures = new List<string>();
        foreach (var a in answers.Where(a => !a.IsSuccessStatusCode))
            failures.Add($"{a.RequestMessage!.Method} {a.RequestMessage.RequestUri}: {(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}");
        Assert.Empty(failures);
        Assert.InRange(await peak, 1, Budget);
    }

    [Fact]
    public void the_budget_comes_from_settings_else_the_connection_string_else_30_connections_and_5_seconds()
    {
        static ConnectionBudget From(string connectionString, params (string, string)[] settings) => ConnectionBudget.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Item1, (string?)s.Item2))).Build(), connectionString);

        Assert.Equal(new ConnectionBudget(30, TimeSpan.FromSeconds(5)), From("Host=db"));
        Assert.Equal(new ConnectionBudget(25, TimeSpan.FromSeconds(9)), From("Host=db;Maximum Pool Size=25;Timeout=9"));
        Assert.Equal(new ConnectionBudget(12, TimeSpan.FromSeconds(2)),
            From("Host=db;Maximum Pool Size=25;Timeout=9", ("Database:MaxPoolSize", "12"), ("Database:ConnectTimeout", "00:00:02")));
        var applied = new NpgsqlConnectionStringBuilder(From("Host=db", ("Database:ConnectTimeout", "00:00:01.5")).Apply("Host=db"));
        Assert.Equal((30, 2), (applied.MaxPoolSize, applied.Timeout));
        Assert.Throws<InvalidOperationException>(() => From("Host=db", ("Database:MaxPoolSize", "1")));
    }

    /// <summary>The most client connections the server held at once, other than this watcher's own.</summary>
    private static async Task<long> WatchConnectionsAsync(string connectionString, CancellationToken stop)
    {
        await using var watcher = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await watcher.OpenAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()", watcher);
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (long)(await count.ExecuteScalarAsync(CancellationToken.None))!);
            await Task.Delay(5, CancellationToken.None);
        }
        return peak;
    }
}
