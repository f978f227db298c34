using Microsoft.Extensions.Options;

namespace ReferralNetwork.Notifications;

public enum SmtpSecurity { None, StartTls, Ssl }

/// <summary>Settings under "Notifications" (docs/notifications.md), e.g. Notifications__Smtp__Host=mail.example.org.</summary>
public sealed class NotificationOptions
{
    /// <summary>False turns every email off (nothing is queued); the only way to start in Production without SMTP.</summary>
    public bool Enabled { get; set; } = true;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender, e.g. "Referral Network &lt;referrals@example.org&gt;".</summary>
    public string From { get; set; } = "Referral Network <referrals@localhost>";

    /// <summary>Where the links in messages point (the app's public address).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long before a referral's answer deadline the provider is reminded.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Without an SMTP host, messages are written here as .eml files (Development only).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>In-process retries, a few seconds apart, for a server briefly unavailable (4xx, refused connection): comma-separated time spans.</summary>
    public string RetryDelays { get; set; } = "00:00:02,00:00:10";

    /// <summary>Then durable retries, rescheduled in the database (they survive a restart); after the last, a dead letter. Empty: none.</summary>
    public string ScheduledRetryDelays { get; set; } = "00:01:00,00:10:00,01:00:00";

    public static TimeSpan[] Delays(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => TimeSpan.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>How many times a message is tried before it is dead-lettered.</summary>
    public int MaxAttempts => 1 + Delays(RetryDelays).Length + Delays(ScheduledRetryDelays).Length;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>Refuses to start with settings that would lose or misdirect mail; Development alone may use the pickup folder.</summary>
public sealed class NotificationOptionsValidation(bool development) : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!options.UsesSmtp && !development)
            problems.Add("Notifications:Smtp:Host is required outside Development (Notifications__Smtp__Host, with __Port, __Security, __UserName, __Password); set Notifications__Enabled=false to run without email");
        if (!options.UsesSmtp && development && string.IsNullOrWhiteSpace(options.PickupDirectory))
            problems.Add("Notifications:PickupDirectory is required in Development without an SMTP host");
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            problems.Add("Notifications:PublicBaseUrl must be an absolute http(s) address (the links in messages)");
        if (!MimeKit.MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            problems.Add("Notifications:From must be an email address, e.g. \"Referral Network <referrals@example.org>\"");
        if (options.ReminderBefore <= TimeSpan.Zero)
            problems.Add("Notifications:ReminderBefore must be a positive time span, e.g. 1.00:00:00");
        if (options.UsesSmtp && options.Smtp.Port is <= 0 or > 65535)
            problems.Add("Notifications:Smtp:Port must be a TCP port number");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
