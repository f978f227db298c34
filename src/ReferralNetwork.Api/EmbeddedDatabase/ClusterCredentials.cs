using System.Security.Cryptography;
using Npgsql;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// The cluster's superuser and its generated password, kept in a libpq passfile (mode 0600) so that
/// <c>PGPASSFILE=&lt;folder&gt;/pgpass psql ...</c> works without anyone seeing it.
/// </summary>
internal static class ClusterCredentials
{
    public const string User = "referralnetwork";

    // Hex needs no escaping in a passfile (':' and '\' would).
    public static string Generate() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    public static void Save(string passFile, string password) =>
        WritePrivate(passFile, $"127.0.0.1:*:*:{User}:{password}\n");

    /// <summary>The bare password, as initdb's --pwfile wants it.</summary>
    public static void SaveForInitdb(string pwFile, string password) => WritePrivate(pwFile, password + "\n");

    public static string ConnectionString(string passFile, int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = database,
        Username = User,
        Password = Read(passFile),
    }.ConnectionString;

    static string Read(string passFile)
    {
        if (!File.Exists(passFile))
        {
            throw new InvalidOperationException(
                $"The embedded cluster's password file '{passFile}' is missing, so its generated password is lost. " +
                $"Delete the folder '{Path.GetDirectoryName(passFile)}' to start over with an empty database.");
        }

        return File.ReadLines(passFile)
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length == 5 && fields[3] == User)
            .Select(fields => fields[4])
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"'{passFile}' has no password for '{User}'.");
    }

    static void WritePrivate(string path, string content)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }
}
