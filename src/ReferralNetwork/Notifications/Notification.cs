using System.Security.Cryptography;
using System.Text;

namespace ReferralNetwork.Notifications;

/// <summary>What a message is about; each user chooses per kind how to receive it (<see cref="NotificationPreferences"/>).</summary>
public enum NotificationKind
{
    ReferralRequested,
    AnswerDueSoon,
    ReferralExpired,
    ReferralAnswered,
    FirstSessionScheduled,
    ReferralClosed,
    ListingStale,
    LicenceExpiring,
    ProviderVerified,
    InformationRequested,
    ApplicationDeclined,
    Digest,
}

/// <summary>Who a message is for: the provider (their referrals address) or the advocate (their sign-in email).</summary>
public enum RecipientRole { Provider, Advocate }

public enum NotificationStatus { Queued, InDigest, Sent, Skipped, Failed }

/// <summary>
/// One email, recorded in the transaction of the event that caused it and sent by <see cref="SendNotificationHandler"/>.
/// The subject and bodies are written when it is recorded, from what the kind allows and nothing about a family
/// (docs/notifications.md, "Privacy"). The id makes the Message-ID, so a retry sends the same one.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public NotificationKind Kind { get; set; }
    public RecipientRole Recipient { get; set; }

    /// <summary>Whose preferences apply: the advocate's user id, or "provider:{id}".</summary>
    public string RecipientKey { get; set; } = "";
    public string? To { get; set; }
    public Guid? ReferralId { get; set; }
    public Guid? ProviderId { get; set; }
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";

    /// <summary>The kind may be turned off by its recipient: the message carries List-Unsubscribe.</summary>
    public bool Optional { get; set; }
    public NotificationStatus Status { get; set; }
    public string? SkipReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DigestDue { get; set; }
    public Guid? DigestId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The same id for the same cause and recipient, however often the cause is handled (a retry, a replay).</summary>
    public static Guid IdFor(string cause, RecipientRole recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cause}|{recipient}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string ProviderKey(Guid providerId) => $"provider:{providerId}";
}
