namespace ReferralNetwork.Notifications;

public enum Delivery { Immediately, DailyDigest, Off }

/// <summary>
/// How one recipient wants each kind of message: an advocate (keyed by user id) or a provider (keyed "provider:{id}",
/// shared by the provider's users). A kind not listed is sent immediately.
/// </summary>
public sealed class NotificationPreferences
{
    public string Id { get; set; } = "";
    public Dictionary<NotificationKind, Delivery> Kinds { get; set; } = [];

    /// <summary>The hour (0-23) in <see cref="TimeZone"/> at which the daily digest goes out.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>An IANA time zone, e.g. America/Chicago.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public Delivery For(NotificationKind kind) => Kinds.GetValueOrDefault(kind, Delivery.Immediately);

    /// <summary>Kinds a provider must receive while taking referrals: a referral unseen for days is a family not helped.</summary>
    public static readonly NotificationKind[] RequiredWhileTakingReferrals = [NotificationKind.ReferralRequested, NotificationKind.AnswerDueSoon];

    public static bool IsOptional(NotificationKind kind, RecipientRole recipient) =>
        recipient == RecipientRole.Advocate || !RequiredWhileTakingReferrals.Contains(kind);

    /// <summary>The next time the digest goes out after <paramref name="now"/>: the hour, in the recipient's zone.</summary>
    public DateTimeOffset NextDigest(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = new DateTime(local.Year, local.Month, local.Day, DigestHour, 0, 0, DateTimeKind.Unspecified);
        if (candidate <= local.DateTime) candidate = candidate.AddDays(1);
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }
}
