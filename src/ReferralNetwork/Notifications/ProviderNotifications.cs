using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using Wolverine;

namespace ReferralNetwork.Notifications;

/// <summary>Messages to a provider about their listing and their verification (forwarded events, as for referrals).</summary>
public static class ProviderNotificationHandler
{
    public static readonly TimeSpan StaleReminderAfter = TimeSpan.FromDays(7);

    public static async Task<OutgoingMessages> Handle(IEvent<ListingWentStale> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var messages = await StaleListing(session, e.StreamId, e.Id.ToString(), "Please confirm your availability", options.Value, clock, ct);
        messages.Schedule(new RemindStaleListing(e.StreamId, e.Timestamp), clock.GetUtcNow() + StaleReminderAfter);
        return messages;
    }

    /// <summary>A week after the first reminder: again, if the listing is still not confirmed since it went stale.</summary>
    public static async Task<OutgoingMessages> Handle(RemindStaleListing reminder, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(reminder.ProviderId, ct);
        if (listing is null || !listing.Stale || !listing.Active || listing.LastConfirmedAt > reminder.WentStaleAt) return [];
        return await StaleListing(session, reminder.ProviderId, $"stale-again:{reminder.ProviderId}:{reminder.WentStaleAt:O}",
            "Second reminder: please confirm your availability", options.Value, clock, ct);
    }

    public static async Task<OutgoingMessages> Handle(IEvent<ProviderVerified> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(e.StreamId, ct);
        var content = new Content("Your listing is verified",
            ["An administrator checked your licences: your listing now shows as verified, and advocates find it in their searches."],
            "See your listing", Links.Profile(options.Value, e.StreamId));
        return await Notify.RecordAsync(session,
            [ReferralNotificationHandler.ToProvider(e.Id.ToString(), NotificationKind.ProviderVerified, e.StreamId, listing, null, content)], clock.GetUtcNow(), ct);
    }

    // The review's outcomes say only that there is one: the administrator's question and the decline's reason and note
    // are read in the app after signing in, so nothing typed by staff travels by email.
    public static Task<OutgoingMessages> Handle(IEvent<ProviderInformationRequested> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        ReviewOutcome(e, NotificationKind.InformationRequested, new Content("The network needs more information about your application",
            ["An administrator reviewing your application asked for more information before your listing can be verified.",
             "Sign in to read what is needed and to answer."],
            "Read the question and answer it", Links.Profile(options.Value, e.StreamId)), session, clock, ct);

    public static Task<OutgoingMessages> Handle(IEvent<ProviderApplicationDeclined> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        ReviewOutcome(e, NotificationKind.ApplicationDeclined, new Content("Your application to the network was not accepted",
            ["An administrator reviewed your application and could not verify your listing, so advocates do not find it in their searches.",
             "Sign in to read the reason, and to update your profile and ask the network to look again."],
            "Read the reason", Links.Profile(options.Value, e.StreamId)), session, clock, ct);

    private static async Task<OutgoingMessages> ReviewOutcome(IEvent e, NotificationKind kind, Content content, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(e.StreamId, ct);
        return await Notify.RecordAsync(session, [ReferralNotificationHandler.ToProvider(e.Id.ToString(), kind, e.StreamId, listing, null, content)], clock.GetUtcNow(), ct);
    }

    private static async Task<OutgoingMessages> StaleListing(IDocumentSession session, Guid providerId, string cause, string subject, NotificationOptions o, TimeProvider clock, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
        var content = new Content(subject,
            ["Your listing has not been confirmed for a while, so advocates now see it as possibly out of date.",
             "Confirming (or updating) your availability takes a minute and puts it back at the front of their searches."],
            "Confirm or update your availability", Links.Listing(o, providerId));
        return await Notify.RecordAsync(session, [ReferralNotificationHandler.ToProvider(cause, NotificationKind.ListingStale, providerId, listing, null, content)], clock.GetUtcNow(), ct);
    }
}

public sealed record RemindStaleListing(Guid ProviderId, DateTimeOffset WentStaleAt);
