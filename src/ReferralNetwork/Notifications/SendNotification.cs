using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;

namespace ReferralNetwork.Notifications;

/// <summary>Send one recorded <see cref="Notification"/>; stored in the durable local queue with the event that caused it.</summary>
public sealed record SendNotification(Guid NotificationId);

public static class SendNotificationHandler
{
    /// <summary>
    /// Not in Wolverine's transaction (no IDocumentSession parameter): the message is handed to the server first, then
    /// marked sent. A crash in between sends it again after the restart, with the same Message-ID.
    /// </summary>
    public static async Task Handle(SendNotification message, IDocumentStore store, MailDelivery mail, Envelope envelope,
        IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var n = await session.LoadAsync<Notification>(message.NotificationId, ct);
        if (n is null || n.Status is NotificationStatus.Sent or NotificationStatus.Skipped) return;
        if (!options.Value.Enabled)
        {
            (n.Status, n.SkipReason) = (NotificationStatus.Skipped, "email is turned off");
            session.Store(n);
            await session.SaveChangesAsync(ct);
            return;
        }
        try
        {
            await mail.DeliverAsync(n, ct);
        }
        catch (MailDeliveryFailed e)
        {
            // Recorded outside the failed attempt, so the referral's page and the administrators see it; the last
            // attempt's failure is the dead letter's too (the error policy below moves it there).
            n.FailedAttempts = envelope.Attempts;
            n.FailedAt = clock.GetUtcNow();
            n.LastError = e.Message;
            if (envelope.Attempts >= options.Value.MaxAttempts) n.Status = NotificationStatus.Failed;
            session.Store(n);
            await session.SaveChangesAsync(ct);
            throw;
        }
        n.Status = NotificationStatus.Sent;
        n.SentAt = clock.GetUtcNow();
        session.Store(n);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Retries a few seconds apart in process, then durable retries rescheduled in the database, then Wolverine's dead
    /// letter table (and the notification marked failed, for administrators). Only delivery failures: nothing else.
    /// </summary>
    public static WolverineOptions UseNotificationDelivery(this WolverineOptions options, IConfiguration configuration)
    {
        var settings = new NotificationOptions();
        configuration.GetSection("Notifications").Bind(settings);
        IFailureActions actions = options.OnException<MailDeliveryFailed>();
        if (NotificationOptions.Delays(settings.RetryDelays) is { Length: > 0 } cooldowns) actions = actions.RetryWithCooldown(cooldowns).Then;
        if (NotificationOptions.Delays(settings.ScheduledRetryDelays) is { Length: > 0 } later) actions = actions.ScheduleRetry(later).Then;
        actions.MoveToErrorQueue();
        return options;
    }
}
