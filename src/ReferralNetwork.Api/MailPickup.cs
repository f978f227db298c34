using Microsoft.Extensions.Options;
using MimeKit;
using ReferralNetwork.Api.EmbeddedDatabase;
using ReferralNetwork.Notifications;

namespace ReferralNetwork.Api;

/// <summary>The Development mail folder: where messages go without an SMTP host, beside the embedded database's files.</summary>
public static class MailPickup
{
    /// <summary><c>mail/</c> next to the embedded database's <c>postgres/</c> folder (EmbeddedDatabase:DataDirectory, or its default).</summary>
    public static string DefaultFolder(IConfiguration configuration)
    {
        var database = configuration["EmbeddedDatabase:DataDirectory"] is { Length: > 0 } configured ? configured : EmbeddedPostgresOptions.Default().DataDirectory;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database).TrimEnd(Path.DirectorySeparatorChar)) ?? database, "mail");
    }

    public sealed record Letter(string Name, DateTimeOffset Date, string To, string Subject);

    /// <summary>The newest messages first.</summary>
    public static IReadOnlyList<Letter> List(NotificationOptions options, int max = 200)
    {
        if (options.PickupDirectory is null || !Directory.Exists(options.PickupDirectory)) return [];
        return new DirectoryInfo(options.PickupDirectory).GetFiles("*.eml").OrderByDescending(f => f.Name).Take(max)
            .Select(f => (File: f, Message: MimeMessage.Load(f.FullName)))
            .Select(x => new Letter(x.File.Name, x.Message.Date, x.Message.To.ToString(), x.Message.Subject ?? "")).ToList();
    }

    /// <summary>One message by its file name (only names the folder listed: no paths).</summary>
    public static MimeMessage? Open(NotificationOptions options, string name)
    {
        if (options.PickupDirectory is null || name.Contains('/') || name.Contains('\\') || !name.EndsWith(".eml", StringComparison.Ordinal)) return null;
        var path = Path.Combine(options.PickupDirectory, name);
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}
