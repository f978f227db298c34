using System.Net;
using Marten;
using Wolverine;

namespace ReferralNetwork.Notifications;

/// <summary>A message's words: a subject, lines of text and one link into the app (sign-in required).</summary>
public sealed record Content(string Subject, IReadOnlyList<string> Lines, string LinkText, string Link)
{
    public string Text => string.Join("\n\n", Lines.Append($"{LinkText}: {Link}"));

    public string Html => "<!DOCTYPE html><html><body>" +
        string.Concat(Lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) +
        $"<p><a href=\"{WebUtility.HtmlEncode(Link)}\">{WebUtility.HtmlEncode(LinkText)}</a></p></body></html>";
}

/// <summary>One message to record: <paramref name="Cause"/> (e.g. the event id) and the recipient make its id.</summary>
public sealed record Draft(string Cause, NotificationKind Kind, RecipientRole Recipient, string RecipientKey, string? To,
    Guid? ReferralId, Guid? ProviderId, Content Content);

public static class Notify
{
    /// <summary>
    /// Records each draft in <paramref name="session"/> (the handler's transaction) as its recipient wants it, and returns
    /// the sends and digests to queue in the same transaction. A draft already recorded (its cause handled again) is skipped.
    /// </summary>
    public static async Task<OutgoingMessages> RecordAsync(IDocumentSession session, IEnumerable<Draft> drafts, DateTimeOffset now, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        foreach (var d in drafts)
        {
            var id = Notification.IdFor(d.Cause, d.Recipient);
            if (await session.LoadAsync<Notification>(id, ct) is not null) continue;
            var preferences = await session.LoadAsync<NotificationPreferences>(d.RecipientKey, ct) ?? new NotificationPreferences { Id = d.RecipientKey };
            var n = new Notification
            {
                Id = id,
                Kind = d.Kind,
                Recipient = d.Recipient,
                RecipientKey = d.RecipientKey,
                To = string.IsNullOrWhiteSpace(d.To) ? null : d.To.Trim(),
                ReferralId = d.ReferralId,
                ProviderId = d.ProviderId,
                Subject = d.Content.Subject,
                Text = d.Content.Text,
                Html = d.Content.Html,
                Optional = NotificationPreferences.IsOptional(d.Kind, d.Recipient),
                CreatedAt = now,
            };
            var delivery = preferences.For(d.Kind);
            if (n.To is null || !MimeKit.MailboxAddress.TryParse(n.To, out _))
                (n.Status, n.SkipReason) = (NotificationStatus.Skipped, "no email address");
            else if (delivery == Delivery.Off)
                (n.Status, n.SkipReason) = (NotificationStatus.Skipped, "turned off");
            else if (delivery == Delivery.DailyDigest)
            {
                n.Status = NotificationStatus.InDigest;
                n.DigestDue = preferences.NextDigest(now);
                // One per due time is enough, but a second finds nothing left to gather and does nothing.
                messages.Schedule(new SendDigest(d.RecipientKey, n.DigestDue.Value), n.DigestDue.Value);
            }
            else
            {
                n.Status = NotificationStatus.Queued;
                messages.Add(new SendNotification(id));
            }
            session.Store(n);
        }
        return messages;
    }
}
