using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// A private PostgreSQL cluster run from the installed server binaries: the default database when no connection string
/// is configured, and the throwaway database of the tests. It listens on 127.0.0.1 only, with a generated password.
/// A cluster already running in the folder (another instance of the app) is reused and left running.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{

    readonly EmbeddedPostgresOptions options;
    readonly ClusterFolder folder;
    readonly PostgresCluster cluster;
    readonly ILogger logger;
    int disposed;

    EmbeddedPostgres(EmbeddedPostgresOptions options, ClusterFolder folder, PostgresCluster cluster, ILogger logger, int port, bool startedByUs)
    {
        (this.options, this.folder, this.cluster, this.logger) = (options, folder, cluster, logger);
        (Port, StartedByUs) = (port, startedByUs);
        ConnectionString = ClusterCredentials.ConnectionString(folder.PasswordFile, port, options.Database);
    }

    public string ConnectionString { get; }

    public string DataDirectory => folder.Root;

    public int Port { get; }

    public bool StartedByUs { get; }

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        var folder = new ClusterFolder(Path.GetFullPath(options.DataDirectory));
        var binaries = await PostgresBinaries.LocateAsync(
            options.BinarySearchPaths ?? PostgresBinaries.DefaultSearchPaths(), folder.ClusterVersion, ct);
        var cluster = new PostgresCluster(binaries, folder, ClusterAccount.Current, logger);

        var running = Postmaster.FindRunning(folder, logger);
        if (running is null)
        {
            await cluster.StartAsync(options.Port, throwaway: options.DeleteOnDispose, crashSafe: options.CrashSafe, ct);
        }

        var postgres = new EmbeddedPostgres(options, folder, cluster, logger, running?.Port ?? options.Port, startedByUs: running is null);
        try
        {
            await DatabaseReadiness.EnsureDatabaseAsync(postgres.ConnectionString, TimeSpan.FromSeconds(60), ct);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        logger.LogInformation(
            running is null
                ? "Started embedded PostgreSQL {Version} from {Binaries}; data in {DataDirectory}; stopped again on shutdown"
                : "Reusing the embedded PostgreSQL {Version} already running from {Binaries}; data in {DataDirectory}; it keeps running after the app stops",
            binaries.MajorVersion, binaries.Directory, folder.Root);
        logger.LogInformation("Connect with: PGPASSFILE={PasswordFile} psql \"host=127.0.0.1 port={Port} dbname={Database} user={User}\"",
            folder.PasswordFile, postgres.Port, options.Database, ClusterCredentials.User);
        return postgres;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // Pooled connections die with the server; a restart on the same port must not hand them out again.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        if (StartedByUs)
        {
            await cluster.StopAsync(CancellationToken.None);
            logger.LogInformation("Stopped embedded PostgreSQL in {DataDirectory}", folder.Root);
        }

        if (options.DeleteOnDispose)
        {
            folder.DeleteUnlessRunning(logger);
        }
    }
}
