using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReferralNetwork.Notifications;

/// <summary>A message could not be handed over (a 4xx/5xx answer, no connection): the send is retried, then dead-lettered.</summary>
public sealed class MailDeliveryFailed(string message, Exception inner) : Exception(message, inner);

/// <summary>Hands a notification to the SMTP server, or, in Development without one, writes it to the pickup folder.</summary>
public sealed class MailDelivery(IOptions<NotificationOptions> options)
{
    private readonly NotificationOptions _options = options.Value;

    public static MimeMessage Compose(Notification n, NotificationOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(n.To!));
        message.Subject = n.Subject;
        message.MessageId = MessageIdFor(n.Id, options);
        message.Date = n.CreatedAt;
        if (n.Optional)
        {
            // RFC 2369: where the recipient changes what they receive (sign-in required, so no token in the link).
            message.Headers.Add("List-Unsubscribe", $"<{Links.Preferences(options)}>");
        }
        message.Body = new BodyBuilder { TextBody = n.Text, HtmlBody = n.Html }.ToMessageBody();
        return message;
    }

    /// <summary>Derived from the notification id: a retry of the same notification carries the same Message-ID.</summary>
    public static string MessageIdFor(Guid notificationId, NotificationOptions options) =>
        $"{notificationId:N}@{new Uri(options.PublicBaseUrl).Host}";

    public async Task DeliverAsync(Notification n, CancellationToken ct)
    {
        var message = Compose(n, _options);
        if (!_options.UsesSmtp)
        {
            Directory.CreateDirectory(_options.PickupDirectory!);
            // Named by the notification: writing it again (a retry) replaces the same file.
            var path = Path.Combine(_options.PickupDirectory!, $"{n.CreatedAt.UtcDateTime:yyyyMMdd'T'HHmmss}-{n.Id:N}.eml");
            await message.WriteToAsync(path, ct);
            return;
        }
        using var client = new SmtpClient();
        try
        {
            var smtp = _options.Smtp;
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            }, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            throw new MailDeliveryFailed($"The mail server did not take the message ({e.GetType().Name}: {e.Message})", e);
        }
    }
}

/// <summary>The links messages carry: into the app, where signing in is required.</summary>
public static class Links
{
    public static string Referral(NotificationOptions o, Guid referralId) => $"{o.PublicBaseUrl.TrimEnd('/')}/referrals/{referralId}";
    public static string Inbox(NotificationOptions o) => $"{o.PublicBaseUrl.TrimEnd('/')}/inbox";
    public static string Profile(NotificationOptions o, Guid providerId) => $"{o.PublicBaseUrl.TrimEnd('/')}/providers/{providerId}";
    public static string Listing(NotificationOptions o, Guid providerId) => $"{o.PublicBaseUrl.TrimEnd('/')}/providers/{providerId}/edit";
    public static string Preferences(NotificationOptions o) => $"{o.PublicBaseUrl.TrimEnd('/')}/settings/notifications";
}
