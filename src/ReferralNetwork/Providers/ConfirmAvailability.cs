using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>The provider says the listing is current as it stands ("last confirmed" on listings).</summary>
public static class ConfirmAvailabilityEndpoint
{
    public static Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, CancellationToken ct) =>
        ChangesSince.LoadAsync(context, provider, session, ct);

    // Confirming vouches for the availability the provider saw: refused when it changed since (a slot taken or freed),
    // not when another part did.
    public static ProblemDetails Before(ChangesSince since, Provider provider) => ProviderRules.CheckChange(since, ProviderPart.Availability, provider);

    [WolverinePost("/api/providers/{providerId}/confirm-availability", OperationId = "confirmAvailability"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Confirm availability is current"), EndpointDescription("Marks the listing as confirmed now without changing it. Needs If-Match with an ETag from GET (428 when missing); 412 with conflicts [\"availability\"] when availability changed since that version.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events, OutgoingMessages) Post([WriteAggregate] Provider provider, TimeProvider clock, IOptions<ListingOptions> options)
    {
        var (accepted, events) = ProviderRules.Accepted(provider, [new AvailabilityConfirmed()]);
        return (accepted, events, CheckListingFreshnessHandler.FollowUp(provider.Id, provider.Confirmations + 1, clock, options.Value));
    }
}
