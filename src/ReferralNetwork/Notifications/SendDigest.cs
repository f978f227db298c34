using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace ReferralNetwork.Notifications;

/// <summary>Gather a recipient's messages waiting for their daily digest into one email; scheduled at their digest hour.</summary>
public sealed record SendDigest(string RecipientKey, DateTimeOffset Due);

public static class SendDigestHandler
{
    public static async Task<OutgoingMessages> Handle(SendDigest message, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var waiting = await session.Query<Notification>()
            .Where(n => n.RecipientKey == message.RecipientKey && n.Status == NotificationStatus.InDigest && n.DigestId == null && n.DigestDue <= message.Due)
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        if (waiting.Count == 0) return [];
        var latest = waiting[^1];
        var digestId = Notification.IdFor($"digest:{message.RecipientKey}:{message.Due:O}", latest.Recipient);
        foreach (var n in waiting)
        {
            n.DigestId = digestId;
            session.Store(n);
        }
        var lines = new List<string> { waiting.Count == 1 ? "One update since your last summary:" : $"{waiting.Count} updates since your last summary:" };
        lines.AddRange(waiting.Select(n => $"- {n.Subject}"));
        var content = new Content($"Your daily summary: {(waiting.Count == 1 ? "1 update" : $"{waiting.Count} updates")}", lines,
            "Open Referral Network", options.Value.PublicBaseUrl.TrimEnd('/') + "/");
        return await Notify.RecordAsync(session,
            [new Draft($"digest:{message.RecipientKey}:{message.Due:O}", NotificationKind.Digest, latest.Recipient, message.RecipientKey, latest.To, null, latest.ProviderId, content)],
            clock.GetUtcNow(), ct);
    }
}
