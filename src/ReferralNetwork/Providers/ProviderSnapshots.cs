using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Providers;

/// <summary>
/// The provider write model is an inline snapshot (one document per stream, updated with every event). A database
/// written before the snapshot existed has provider streams without one, and every command on them would answer 404,
/// so at start-up any missing snapshots are built from the events, once, under a PostgreSQL advisory lock so that
/// several nodes starting together do not rebuild side by side.
/// </summary>
public sealed partial class ProviderSnapshots(IDocumentStore store, NpgsqlDataSource database, ILogger<ProviderSnapshots> logger) : IHostedService
{
    private const long LockKey = 0x5265_6652_534E_4150; // "RefRSNAP"

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var streams = store.Options.Events.DatabaseSchemaName + ".mt_streams";
        var snapshots = ProviderSearchSchema.TableOf<Provider>(store);
        var missingSql = $"SELECT count(*) FROM {streams} s WHERE s.type = 'provider' AND NOT EXISTS (SELECT 1 FROM {snapshots} d WHERE d.id = s.id)";
        if (await CountAsync(connection, missingSql, ct) == 0) return;

        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection)) await take.ExecuteNonQueryAsync(ct);
        try
        {
            var missing = await CountAsync(connection, missingSql, ct); // another node may have built them meanwhile
            if (missing == 0) return;
            LogBuilding(logger, missing);
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync<Provider>(TimeSpan.FromMinutes(10), ct);
            LogBuilt(logger);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} provider streams have no write-model snapshot (a database from before snapshots): building them from the events")]
    private static partial void LogBuilding(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider snapshots built")]
    private static partial void LogBuilt(ILogger logger);
}
