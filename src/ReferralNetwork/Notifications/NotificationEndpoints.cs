using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Access;
using Wolverine.Http;

namespace ReferralNetwork.Notifications;

/// <summary>
/// One message as the referral's page and the administrators see it: what was sent to whom and when. The address only
/// for an administrator or the recipient themselves.
/// </summary>
public sealed record NotificationRecord(Guid Id, NotificationKind Kind, RecipientRole Recipient, NotificationStatus Status, string Subject,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? SkipReason, int FailedAttempts, DateTimeOffset? FailedAt, string? To, Guid? ReferralId, Guid? ProviderId)
{
    public static NotificationRecord Of(Notification n, bool showAddress) => new(n.Id, n.Kind, n.Recipient, n.Status, n.Subject, n.CreatedAt, n.SentAt,
        n.SkipReason, n.FailedAttempts, n.FailedAt, showAddress ? n.To : null, n.ReferralId, n.ProviderId);

    public static bool MaySeeAddress(System.Security.Claims.ClaimsPrincipal user, Notification n) =>
        user.IsInRole(Roles.Admin)
        || (n.Recipient == RecipientRole.Advocate && n.RecipientKey == Roles.UserIdOf(user))
        || (n.Recipient == RecipientRole.Provider && n.ProviderId is { } p && Roles.ProviderIdOf(user) == p);
}

public static class ReferralNotificationsEndpoint
{
    [WolverineGet("/api/referrals/{referralId}/notifications", OperationId = "listReferralNotifications"), Tags("Notifications"), Authorize(Policy = Policies.ReferralParty)]
    [EndpointSummary("What was sent about a referral, to whom and when")]
    public static async Task<IReadOnlyList<NotificationRecord>> Get(Guid referralId, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var sent = await session.Query<Notification>().Where(n => n.ReferralId == referralId).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        return sent.Select(n => NotificationRecord.Of(n, NotificationRecord.MaySeeAddress(context.User, n))).ToList();
    }
}

public static class FailedNotificationsEndpoint
{
    /// <summary>Messages the mail server kept refusing: each is also in Wolverine's dead letters, from where it can be replayed.</summary>
    [WolverineGet("/api/notifications/failed", OperationId = "listFailedNotifications"), Tags("Notifications"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Messages that could not be delivered")]
    public static async Task<IReadOnlyList<NotificationRecord>> Get(IQuerySession session, CancellationToken ct)
    {
        var failed = await session.Query<Notification>().Where(n => n.Status == NotificationStatus.Failed)
            .OrderByDescending(n => n.FailedAt).Take(200).ToListAsync(ct);
        return failed.Select(n => NotificationRecord.Of(n, showAddress: true)).ToList();
    }
}
