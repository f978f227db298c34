using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>initdb, pg_ctl start and pg_ctl stop for the cluster in one folder, run as the cluster's account.</summary>
internal sealed class PostgresCluster(PostgresBinaries binaries, ClusterFolder folder, ClusterAccount account, ILogger logger)
{
    static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Creates the cluster on first use, then starts it. A throwaway folder is removed again if that fails.</summary>
    public async Task StartAsync(int port, bool throwaway, bool crashSafe, CancellationToken ct)
    {
        if (!LoopbackPort.IsFree(port))
        {
            throw new InvalidOperationException(
                $"Cannot start the embedded PostgreSQL: port {port} on 127.0.0.1 is already in use by another program. " +
                "Set EmbeddedDatabase:Port (environment variable EmbeddedDatabase__Port) to a free port, or stop that program.");
        }

        try
        {
            await InitializeAsync(crashSafe, ct);
            await RunAsync("pg_ctl", ct, "start", "-D", folder.PgData, "-l", folder.LogFile, "-w", "-t", "60", "-o", $"-p {port}");
        }
        catch when (throwaway)
        {
            folder.DeleteUnlessRunning(logger);
            throw;
        }
    }

    async Task InitializeAsync(bool crashSafe, CancellationToken ct)
    {
        folder.Create();
        await account.TakeOwnershipAsync(folder.Root, ct);
        await account.EnsureCanWriteAsync(folder.Root, ct);
        if (folder.IsInitialized)
        {
            return;
        }

        if (Directory.Exists(folder.PgData))
        {
            logger.LogWarning("Removing {PgData}, left half-initialized by an interrupted initdb", folder.PgData);
            Directory.Delete(folder.PgData, recursive: true);
        }

        // The passfile comes first: if initdb is interrupted, the next run starts over with a new password.
        var password = ClusterCredentials.Generate();
        ClusterCredentials.Save(folder.PasswordFile, password);
        var pwFile = Path.Combine(folder.Root, "initdb.pw");
        ClusterCredentials.SaveForInitdb(pwFile, password);
        try
        {
            await account.TakeOwnershipAsync(pwFile, ct);
            logger.LogInformation("Creating a PostgreSQL {Version} cluster in {PgData}", binaries.MajorVersion, folder.PgData);
            // A throwaway test cluster's data need not survive a power cut: skip the fsyncs.
            string[] noSync = crashSafe ? [] : ["--no-sync"];
            await RunAsync("initdb", ct, ["-D", folder.PgData, "-U", ClusterCredentials.User, $"--pwfile={pwFile}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", .. noSync]);
        }
        finally
        {
            File.Delete(pwFile);
        }

        await folder.AppendSettingsAsync(crashSafe, ct);
    }

    public Task StopAsync(CancellationToken ct) =>
        RunAsync("pg_ctl", ct, "stop", "-D", folder.PgData, "-m", "fast", "-w", "-t", "60");

    async Task RunAsync(string tool, CancellationToken ct, params string[] arguments)
    {
        var result = await account.RunAsync(binaries.Tool(tool), arguments, folder.Root, ToolTimeout, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"{result.Describe()}{Environment.NewLine}Server log {folder.LogFile}:{Environment.NewLine}{folder.LogTail()}");
        }
    }
}
