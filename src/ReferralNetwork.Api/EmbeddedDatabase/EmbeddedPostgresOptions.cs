namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// Where the embedded cluster keeps its files and which loopback port it listens on; bound from the
/// <c>EmbeddedDatabase</c> configuration section (<c>EmbeddedDatabase:DataDirectory</c>, <c>EmbeddedDatabase:Port</c>).
/// </summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>
    /// The cluster's folder. It holds <c>pgdata/</c> (PostgreSQL's own files), <c>pgpass</c> (the generated password in
    /// libpq's passfile format, mode 0600) and <c>postgres.log</c>. Defaults to
    /// <c>/var/lib/referralnetwork/postgres</c> as root, else <c>$XDG_DATA_HOME/referralnetwork/postgres</c>
    /// (<c>~/.local/share/referralnetwork/postgres</c>).
    /// </summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>The port on 127.0.0.1; off the usual 5432 so a system PostgreSQL can run alongside.</summary>
    public int Port { get; init; } = 54329;

    /// <summary>Delete the folder on dispose (throwaway test clusters), unless another process still runs the cluster.</summary>
    public bool DeleteOnDispose { get; init; }

    /// <summary>
    /// Keep PostgreSQL's durability settings (fsync, synchronous commit, full page writes). Off for throwaway test
    /// clusters (speed over crash safety); the benchmark turns it back on, so its write figures are a real database's.
    /// </summary>
    public bool CrashSafe { get; init; } = true;

    public string Database { get; init; } = "referralnetwork";

    /// <summary>Folders holding initdb, pg_ctl and postgres; null means PATH, then /usr/lib/postgresql/*/bin.</summary>
    public IReadOnlyList<string>? BinarySearchPaths { get; init; }

    public static EmbeddedPostgresOptions Default() => new();

    /// <summary>A fresh folder under the temp directory and a free port, deleted again on dispose.</summary>
    public static EmbeddedPostgresOptions Throwaway() => new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"referralnetwork-pg-{Guid.NewGuid():N}"),
        Port = LoopbackPort.FindFree(),
        DeleteOnDispose = true,
        CrashSafe = false,
    };

    static string DefaultDataDirectory()
    {
        // As root the cluster runs as 'postgres', which cannot enter /root (mode 700): use a system folder instead.
        if (OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess)
        {
            return "/var/lib/referralnetwork/postgres";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "referralnetwork", "postgres");
    }
}
