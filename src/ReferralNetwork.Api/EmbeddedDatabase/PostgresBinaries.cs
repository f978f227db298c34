using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>One installed PostgreSQL server: the folder holding initdb, pg_ctl and postgres, and its major version.</summary>
internal sealed partial record PostgresBinaries(string Directory, int MajorVersion)
{
    static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    public string Tool(string name) => Path.Combine(Directory, name);

    /// <summary>PATH first, then Debian's /usr/lib/postgresql/&lt;version&gt;/bin, highest version first.</summary>
    public static IReadOnlyList<string> DefaultSearchPaths()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var version) ? version : 0)
                .Select(dir => Path.Combine(dir, "bin"))
            : [];
        return [.. onPath, .. debian];
    }

    /// <summary>
    /// Picks the binaries matching an existing cluster's version (its files only work with that major version),
    /// otherwise the highest version found.
    /// </summary>
    public static async Task<PostgresBinaries> LocateAsync(IReadOnlyList<string> searchPaths, int? clusterVersion, CancellationToken ct)
    {
        var found = new List<PostgresBinaries>();
        foreach (var directory in searchPaths.Select(ResolveInstallFolder).OfType<string>().Distinct())
        {
            var version = await ReadMajorVersionAsync(Path.Combine(directory, "pg_ctl"), ct);
            if (version is not null)
            {
                found.Add(new PostgresBinaries(directory, version.Value));
            }
        }

        return found.FirstOrDefault(binaries => binaries.MajorVersion == clusterVersion)
            ?? found.OrderByDescending(binaries => binaries.MajorVersion).FirstOrDefault()
            ?? throw new InvalidOperationException(NotInstalledMessage(searchPaths));
    }

    // /usr/local/bin/initdb may be a symlink into /usr/lib/postgresql/15/bin: report and use the real folder.
    static string? ResolveInstallFolder(string directory)
    {
        var initdb = new FileInfo(Path.Combine(directory, "initdb"));
        if (!RequiredTools.All(tool => File.Exists(Path.Combine(directory, tool))))
        {
            return null;
        }

        var target = initdb.LinkTarget is null ? initdb.FullName : initdb.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        var folder = Path.GetDirectoryName(target)!;
        return RequiredTools.All(tool => File.Exists(Path.Combine(folder, tool))) ? folder : Path.GetFullPath(directory);
    }

    static async Task<int?> ReadMajorVersionAsync(string pgCtl, CancellationToken ct)
    {
        try
        {
            var result = await PostgresCommand.RunAsync(pgCtl, ["--version"], "/", TimeSpan.FromSeconds(10), ct);
            var match = VersionPattern().Match(result.Output);
            return result.Succeeded && match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }
        catch (Win32Exception)
        {
            return null; // present but not executable by us
        }
    }

    static string NotInstalledMessage(IReadOnlyList<string> searchPaths) =>
        $"""
        No database configured: ConnectionStrings:ReferralNetwork is not set, and no PostgreSQL server binaries
        (initdb, pg_ctl, postgres) were found to start the embedded one (searched: {string.Join(", ", searchPaths)}).
        Three ways out:
          1. Install PostgreSQL and run again; the embedded database starts by itself: sudo apt-get install postgresql
          2. Point at a server you already have: set ConnectionStrings__ReferralNetwork, e.g.
             ConnectionStrings__ReferralNetwork="Host=localhost;Port=5432;Database=referralnetwork;Username=...;Password=..."
          3. Start one in Docker from the repository root: docker compose up -d, then set ConnectionStrings__ReferralNetwork to it.
        """;

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex VersionPattern();
}
