using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// The layout of the embedded cluster's folder: PostgreSQL's files in <c>pgdata/</c>, beside them the password
/// (<c>pgpass</c>) and the server log, so the password never sits among the files PostgreSQL manages.
/// </summary>
internal sealed record ClusterFolder(string Root)
{
    // Loopback only, and no unix socket, so nothing needs /var/run/postgresql and nothing outside this machine can connect.
    const string Settings = """

        # Added by ReferralNetwork's embedded database.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        password_encryption = 'scram-sha-256'
        """;

    const string ThrowawaySettings = """

        # Throwaway cluster: speed over crash safety.
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        """;

    public string PgData => Path.Combine(Root, "pgdata");

    public string PasswordFile => Path.Combine(Root, "pgpass");

    public string LogFile => Path.Combine(Root, "postgres.log");

    public string PidFile => Path.Combine(PgData, "postmaster.pid");

    public string ConfigFile => Path.Combine(PgData, "postgresql.conf");

    public bool IsInitialized => File.Exists(Path.Combine(PgData, "PG_VERSION"));

    /// <summary>The major version that created the cluster, which is the only one that can run it.</summary>
    public int? ClusterVersion =>
        IsInitialized && int.TryParse(File.ReadAllText(Path.Combine(PgData, "PG_VERSION")).Trim(), out var version)
            ? version
            : null;

    public void Create()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The embedded database needs Linux or another Unix; on Windows set ConnectionStrings__ReferralNetwork.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Root)!);
        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public Task AppendSettingsAsync(bool crashSafe, CancellationToken ct) =>
        File.AppendAllTextAsync(ConfigFile, crashSafe ? Settings : Settings + ThrowawaySettings, ct);

    /// <summary>Another instance may still run the cluster here: never pull its files away.</summary>
    public void DeleteUnlessRunning(ILogger logger)
    {
        if (Directory.Exists(Root) && Postmaster.FindRunning(this, logger) is null)
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public string LogTail(int lines = 15) =>
        File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(lines)) : "(no server log)";
}
