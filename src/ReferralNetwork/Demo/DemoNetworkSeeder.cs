using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Demo;

/// <summary>Records that (and when) the database holds the synthetic demo network, for the pages' banner.</summary>
public sealed record DemoNetworkMarker(string Id, int Providers, DateTimeOffset SeededAt)
{
    public const string TheId = "demo-network";
}

/// <summary>Seeds the demo network into an empty database in the background, so the API serves at once.</summary>
public sealed partial class DemoNetworkSeeder(IDocumentStore store, TimeProvider clock, ILogger<DemoNetworkSeeder> logger, int size) : BackgroundService
{
    private const int BatchSize = 100;

    protected override Task ExecuteAsync(CancellationToken ct) => SeedIfEmptyAsync(store, clock, logger, size, ct);

    /// <summary>Seeds <paramref name="size"/> synthetic providers unless the database already lists providers; returns how many it added.</summary>
    public static async Task<int> SeedIfEmptyAsync(IDocumentStore store, TimeProvider clock, ILogger logger, int size, CancellationToken ct)
    {
        await using (var query = store.QuerySession())
            if (await query.Query<ProviderListing>().AnyAsync(ct)) return 0;

        LogStarting(logger, size);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seeded = 0;
        foreach (var batch in DemoNetwork.Generate(size, seed: 2026, today).Chunk(BatchSize))
        {
            await using var session = store.LightweightSession();
            Actor.System.StampOnto(session);
            session.CorrelationId = "demo-network-seed";
            foreach (var command in batch)
            {
                var id = Guid.CreateVersion7();
                var events = OnboardProviderEndpoint.Onboard(id, command).ToList();
                if (seeded % 7 != 0) events.Add(new ProviderVerified("Demo data: no real licence was checked."));
                session.Events.StartStream<Provider>(id, events);
                seeded++;
            }
            if (seeded == size) session.Store(new DemoNetworkMarker(DemoNetworkMarker.TheId, size, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            if (seeded % 500 == 0) LogProgress(logger, seeded, size);
        }
        LogDone(logger, seeded);
        return seeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is empty: seeding a synthetic demo network of {Count} providers")]
    private static partial void LogStarting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo network: {Seeded} of {Count} providers")]
    private static partial void LogProgress(ILogger logger, int seeded, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo network ready: {Count} synthetic providers (every bio says so)")]
    private static partial void LogDone(ILogger logger, int count);
}

public static class DemoNetworkRegistration
{
    /// <summary>
    /// Seeds the embedded default database when it is empty; a database given by connection string only
    /// when asked (DemoNetwork__Seed=true). DemoNetwork__Size changes the number of providers.
    /// </summary>
    public static IServiceCollection AddDemoNetwork(this IServiceCollection services, bool isEmbeddedDatabase, IConfiguration configuration)
    {
        var seed = configuration.GetValue<bool?>("DemoNetwork:Seed") ?? isEmbeddedDatabase;
        if (!seed) return services;
        var size = configuration.GetValue("DemoNetwork:Size", DemoNetwork.DefaultSize);
        services.AddHostedService(sp => new DemoNetworkSeeder(sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DemoNetworkSeeder>>(), size));
        return services;
    }
}
