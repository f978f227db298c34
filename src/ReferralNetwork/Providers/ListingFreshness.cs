using Marten;
using Microsoft.Extensions.Options;
using ReferralNetwork.Http;
using Wolverine;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Settings under "Listings" (e.g. Listings__StaleAfter=30.00:00:00).</summary>
public sealed class ListingOptions
{
    /// <summary>How long a listing stays fresh without the provider confirming it.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(60);
}

/// <summary>Scheduled after each confirmation; stale only if no later confirmation came (the numbers still match).</summary>
public sealed record CheckListingFreshness(Guid ProviderId, int Confirmation);

public static class CheckListingFreshnessHandler
{
    /// <summary>(Not named After: Wolverine would take that for middleware.) The check that follows a write leaving the provider with <paramref name="confirmations"/> confirmations.</summary>
    public static OutgoingMessages FollowUp(Guid providerId, int confirmations, TimeProvider clock, ListingOptions options)
    {
        var messages = new OutgoingMessages();
        messages.Schedule(new CheckListingFreshness(providerId, confirmations), clock.GetUtcNow() + options.StaleAfter);
        return messages;
    }

    public static void Before(IDocumentSession session) => Actor.System.StampOnto(session);

    public static Events Handle(CheckListingFreshness check, [WriteAggregate] Provider provider, IOptions<ListingOptions> options) =>
        provider.Status == ProviderStatus.Active && !provider.Stale && provider.Confirmations == check.Confirmation
            ? [new ListingWentStale(options.Value.StaleAfter)]
            : [];
}
