namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// The operating-system account that owns and runs the cluster: the current user, or 'postgres' when we are root,
/// because initdb and postgres refuse to run as root.
/// </summary>
internal sealed class ClusterAccount
{
    const string ServiceAccount = "postgres";
    static readonly string RunUser = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
    static readonly TimeSpan QuickCommand = TimeSpan.FromSeconds(10);

    ClusterAccount(bool runsAsServiceAccount) => RunsAsServiceAccount = runsAsServiceAccount;

    public static ClusterAccount Current { get; } = new(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess);

    public bool RunsAsServiceAccount { get; }

    public string Name => RunsAsServiceAccount ? ServiceAccount : Environment.UserName;

    public Task<CommandResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken ct) =>
        RunsAsServiceAccount
            ? PostgresCommand.RunAsync(RunUser, ["-u", ServiceAccount, "--", tool, .. arguments], workingDirectory, timeout, ct)
            : PostgresCommand.RunAsync(tool, arguments, workingDirectory, timeout, ct);

    /// <summary>Hands a folder or file we created as root over to the account that runs the cluster.</summary>
    public async Task TakeOwnershipAsync(string path, CancellationToken ct)
    {
        if (!RunsAsServiceAccount)
        {
            return;
        }

        var result = await PostgresCommand.RunAsync("chown", [$"{ServiceAccount}:", path], "/", QuickCommand, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not give '{path}' to the '{ServiceAccount}' account, which runs PostgreSQL when the app runs as root " +
                $"(it comes with 'apt-get install postgresql'). {result.Describe()}");
        }
    }

    /// <summary>Fails early, with a way out, when the account cannot reach the folder (e.g. a parent with mode 700).</summary>
    public async Task EnsureCanWriteAsync(string folder, CancellationToken ct)
    {
        var result = await RunAsync("test", ["-w", folder, "-a", "-x", folder], "/", QuickCommand, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"PostgreSQL runs as '{Name}', which cannot write to '{folder}' (a parent folder may not be traversable, " +
                $"as /root is not). Set EmbeddedDatabase:DataDirectory to a folder '{Name}' can reach, e.g. " +
                $"/var/lib/referralnetwork/postgres. {result.Describe()}");
        }
    }
}
