using ReferralNetwork.Notifications;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>What was sent about a referral, in words: "Email sent to the provider", "No email to the advocate: no address known".</summary>
public static class MessageWords
{
    public static string About(NotificationKind kind) => kind switch
    {
        NotificationKind.ReferralRequested => "the new referral",
        NotificationKind.AnswerDueSoon => "a reminder to answer",
        NotificationKind.ReferralExpired => "the referral expiring, with other providers to try",
        NotificationKind.ReferralAnswered => "the provider's answer",
        NotificationKind.FirstSessionScheduled => "the first session",
        NotificationKind.ReferralClosed => "the referral closing",
        _ => "an update",
    };

    public static string Whom(RecipientRole recipient) => recipient == RecipientRole.Provider ? "the provider" : "the advocate";

    public static string Line(NotificationRecord n) => n.Status switch
    {
        NotificationStatus.Sent => $"Email sent to {Whom(n.Recipient)}{To(n)} about {About(n.Kind)}",
        NotificationStatus.Queued => $"Email to {Whom(n.Recipient)}{To(n)} about {About(n.Kind)} is waiting to be sent",
        NotificationStatus.InDigest => $"Included in {Whom(n.Recipient)}'s daily summary{To(n)}: {About(n.Kind)}",
        NotificationStatus.Failed => $"Email to {Whom(n.Recipient)}{To(n)} about {About(n.Kind)} could not be delivered; an administrator has been shown it",
        _ => $"No email to {Whom(n.Recipient)} about {About(n.Kind)}: " + (n.SkipReason == "no email address" ? "no email address is known for them" : "they turned this kind of message off"),
    };

    public static DateTimeOffset When(NotificationRecord n) => n.SentAt ?? n.FailedAt ?? n.CreatedAt;

    private static string To(NotificationRecord n) => n.To is null ? "" : $" ({n.To})";
}
