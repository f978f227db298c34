using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Notifications;

/// <summary>How the caller wants each kind of message; kinds left out are sent immediately.</summary>
public sealed record ChangeNotificationPreferences(Dictionary<NotificationKind, Delivery>? Kinds, int? DigestHour, string? TimeZone);

public static class NotificationPreferencesEndpoints
{
    /// <summary>A provider user's choices are the provider's (its referrals address); anyone else's are their own.</summary>
    public static string KeyOf(HttpContext context) =>
        Roles.ProviderIdOf(context.User) is { } providerId ? Notification.ProviderKey(providerId) : Roles.UserIdOf(context.User) ?? "";

    [WolverineGet("/api/notification-preferences", OperationId = "getNotificationPreferences"), Tags("Notifications"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("How the signed-in user receives each kind of message")]
    public static async Task<NotificationPreferences> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var key = KeyOf(context);
        return await session.LoadAsync<NotificationPreferences>(key, ct) ?? new NotificationPreferences { Id = key };
    }

}

public static class ChangeNotificationPreferencesEndpoint
{
    public static string KeyOf(HttpContext context) => NotificationPreferencesEndpoints.KeyOf(context);

    public static async Task<ProblemDetails> ValidateAsync(ChangeNotificationPreferences command, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var p = new ValidationProblems();
        p.Require(command.DigestHour is null or >= 0 and <= 23, "digestHour", "must be an hour from 0 to 23");
        p.Require(command.TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(command.TimeZone, out _), "timeZone", "must be a time zone name such as America/Chicago");
        p.Require(command.Kinds is null || !command.Kinds.ContainsKey(NotificationKind.Digest), "kinds.digest", "is not a kind of message one can choose");
        if (Roles.ProviderIdOf(context.User) is { } providerId && command.Kinds is not null)
        {
            var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
            if (listing?.Availability.TakesReferrals == true)
                foreach (var kind in NotificationPreferences.RequiredWhileTakingReferrals)
                    p.Require(command.Kinds.GetValueOrDefault(kind) != Delivery.Off, $"kinds.{System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString())}",
                        "cannot be off while you take referrals (pause your availability first)");
        }
        return p.ToProblemDetails();
    }

    [WolverinePut("/api/notification-preferences", OperationId = "changeNotificationPreferences"), Tags("Notifications"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("Choose how each kind of message is received: immediately, in a daily digest or not at all")]
    [ProducesResponseType<NotificationPreferences>(StatusCodes.Status200OK)]
    public static async Task<(NotificationPreferences, IMartenOp)> Put(ChangeNotificationPreferences command, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var key = KeyOf(context);
        var current = await session.LoadAsync<NotificationPreferences>(key, ct) ?? new NotificationPreferences { Id = key };
        var changed = new NotificationPreferences
        {
            Id = key,
            Kinds = command.Kinds ?? current.Kinds,
            DigestHour = command.DigestHour ?? current.DigestHour,
            TimeZone = command.TimeZone ?? current.TimeZone,
        };
        return (changed, MartenOps.Store(changed));
    }
}
