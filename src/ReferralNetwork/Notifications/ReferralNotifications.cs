using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;
using Wolverine;

namespace ReferralNetwork.Notifications;

/// <summary>
/// The referral events, forwarded by Wolverine from the transaction that appended them (UseFastEventForwarding: the
/// forwarded message is stored in that transaction's outbox, docs/decisions/0010), become notifications here. Every
/// message says only what the table in docs/notifications.md allows: never the family's reference, state or notes.
/// </summary>
// Named ...Handler: Wolverine discovers handler classes by that suffix.
public static class ReferralNotificationHandler
{
    public static async Task<OutgoingMessages> Handle(ReferralRequestedNotice referral, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        var provider = await session.LoadAsync<ProviderListing>(referral.ProviderId, ct);
        var zone = await ZoneOf(session, Notification.ProviderKey(referral.ProviderId), ct);
        var content = new Content("A new referral is waiting for your answer",
            ["An advocate has referred a family to you through Referral Network.",
             $"Please accept, waitlist or decline it by {Wording.When(referral.RespondBy, zone)}. Unanswered, it expires then and the advocate looks elsewhere.",
             "The details are on the referral's page, after you sign in."],
            "Open the referral", Links.Referral(o, referral.ReferralId));
        var messages = await Notify.RecordAsync(session,
            [ToProvider(referral.EventId.ToString(), NotificationKind.ReferralRequested, referral.ProviderId, provider, referral.ReferralId, content)], clock.GetUtcNow(), ct);
        var remindAt = referral.RespondBy - o.ReminderBefore;
        if (remindAt > clock.GetUtcNow()) messages.Schedule(new RemindProviderToAnswer(referral.ReferralId), remindAt);
        return messages;
    }

    public static async Task<OutgoingMessages> Handle(RemindProviderToAnswer reminder, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var summary = await session.LoadAsync<ReferralSummary>(reminder.ReferralId, ct);
        if (summary is null || summary.Status is not (ReferralStatus.Requested or ReferralStatus.Viewed)) return [];
        var provider = await session.LoadAsync<ProviderListing>(summary.ProviderId, ct);
        var zone = await ZoneOf(session, Notification.ProviderKey(summary.ProviderId), ct);
        var content = new Content("Reminder: a referral needs your answer",
            ["A family referred to you is still waiting for an answer.",
             $"Please accept, waitlist or decline it by {Wording.When(summary.RespondBy, zone)}, or it expires."],
            "Open the referral", Links.Referral(options.Value, summary.Id));
        return await Notify.RecordAsync(session,
            [ToProvider($"reminder:{summary.Id}", NotificationKind.AnswerDueSoon, summary.ProviderId, provider, summary.Id, content)], clock.GetUtcNow(), ct);
    }

    public static async Task<OutgoingMessages> Handle(IEvent<ReferralExpired> e, IDocumentSession session, NpgsqlDataSource database,
        IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var summary = await session.LoadAsync<ReferralSummary>(e.StreamId, ct);
        if (summary is null) return [];
        var provider = await session.LoadAsync<ProviderListing>(summary.ProviderId, ct);
        var others = await OtherProviders.FindAsync(database, session.DocumentStore, summary, clock, ct);
        var lines = new List<string> { $"Your referral to {Wording.Name(provider)} expired without an answer." };
        lines.Add(others.Count == 0
            ? "No other provider who fits the same needs is taking referrals right now; a new search may find one later."
            : "These providers fit the same needs and are taking referrals now:");
        lines.AddRange(others.Select(p => $"- {p.Name}: {Links.Profile(options.Value, p.Id)}"));
        var content = new Content("Your referral expired without an answer", lines, "Open the referral", Links.Referral(options.Value, summary.Id));
        return await ToAdvocateAsync(session, e.Id, NotificationKind.ReferralExpired, summary, content, clock, ct);
    }

    public static Task<OutgoingMessages> Handle(IEvent<ReferralAccepted> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        StatusChanged(e, session, options.Value, clock, NotificationKind.ReferralAnswered, p => $"{p} accepted your referral", "The provider will contact the family as they asked.", ct);

    public static Task<OutgoingMessages> Handle(IEvent<ReferralWaitlisted> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        StatusChanged(e, session, options.Value, clock, NotificationKind.ReferralAnswered, p => $"{p} put your referral on the waiting list",
            $"The provider expects a wait of about {Wording.Weeks(e.Data.ExpectedWeeks)}.", ct);

    public static Task<OutgoingMessages> Handle(ReferralDeclinedNotice e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        StatusChanged(e.ReferralId, e.EventId, session, options.Value, clock, NotificationKind.ReferralAnswered, p => $"{p} declined your referral",
            $"The reason given: {Wording.Reason(e.Reason)}.", ct);

    public static Task<OutgoingMessages> Handle(IEvent<FirstSessionScheduled> e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        StatusChanged(e, session, options.Value, clock, NotificationKind.FirstSessionScheduled, p => $"{p} scheduled a first session",
            $"The first session is on {e.Data.Date:dddd d MMMM yyyy}.", ct);

    public static Task<OutgoingMessages> Handle(ReferralClosedNotice e, IDocumentSession session, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
        StatusChanged(e.ReferralId, e.EventId, session, options.Value, clock, NotificationKind.ReferralClosed, p => $"{p} closed your referral",
            $"The outcome: {Wording.Outcome(e.Outcome)}.", ct);

    private static Task<OutgoingMessages> StatusChanged(IEvent e, IDocumentSession session, NotificationOptions o, TimeProvider clock,
        NotificationKind kind, Func<string, string> subject, string line, CancellationToken ct) =>
        StatusChanged(e.StreamId, e.Id, session, o, clock, kind, subject, line, ct);

    private static async Task<OutgoingMessages> StatusChanged(Guid referralId, Guid eventId, IDocumentSession session, NotificationOptions o, TimeProvider clock,
        NotificationKind kind, Func<string, string> subject, string line, CancellationToken ct)
    {
        var summary = await session.LoadAsync<ReferralSummary>(referralId, ct);
        if (summary is null) return [];
        var provider = await session.LoadAsync<ProviderListing>(summary.ProviderId, ct);
        var content = new Content(subject(Wording.Name(provider)), [line], "Open the referral", Links.Referral(o, summary.Id));
        return await ToAdvocateAsync(session, eventId, kind, summary, content, clock, ct);
    }

    private static async Task<OutgoingMessages> ToAdvocateAsync(IDocumentSession session, Guid eventId, NotificationKind kind, ReferralSummary summary, Content content, TimeProvider clock, CancellationToken ct)
    {
        // The address the advocate signed in with, remembered outside the referral (erasing the family's data keeps it).
        var advocate = await session.LoadAsync<Person>(summary.AdvocateId, ct);
        return await Notify.RecordAsync(session,
            [new Draft(eventId.ToString(), kind, RecipientRole.Advocate, summary.AdvocateId, advocate?.Email, summary.Id, summary.ProviderId, content)], clock.GetUtcNow(), ct);
    }

    internal static Draft ToProvider(string cause, NotificationKind kind, Guid providerId, ProviderListing? provider, Guid? referralId, Content content) =>
        new(cause, kind, RecipientRole.Provider, Notification.ProviderKey(providerId), provider?.Contact.ReferralsAddress, referralId, providerId, content);

    internal static async Task<TimeZoneInfo> ZoneOf(IQuerySession session, string recipientKey, CancellationToken ct)
    {
        var preferences = await session.LoadAsync<NotificationPreferences>(recipientKey, ct) ?? new NotificationPreferences();
        return TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}

// The three events that hold what someone typed about a family are forwarded as these instead (EventStore.cs), so no
// copy of the family's data sits in Wolverine's message tables, where an erasure would not reach it.
public sealed record ReferralRequestedNotice(Guid EventId, Guid ReferralId, Guid ProviderId, DateTimeOffset RespondBy);

public sealed record ReferralDeclinedNotice(Guid EventId, Guid ReferralId, DeclineReason Reason);

public sealed record ReferralClosedNotice(Guid EventId, Guid ReferralId, CloseOutcome Outcome);

/// <summary>Scheduled at the answer deadline minus Notifications:ReminderBefore; reminds only if the referral is still unanswered.</summary>
public sealed record RemindProviderToAnswer(Guid ReferralId);
