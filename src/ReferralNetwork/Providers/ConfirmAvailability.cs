using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>The provider says the listing is current as it stands ("last confirmed" on listings).</summary>
public static class ConfirmAvailabilityEndpoint
{
    public static ProblemDetails Before(HttpContext context, Provider provider) => ProviderRules.CheckChange(context, provider);

    [WolverinePost("/api/providers/{providerId}/confirm-availability"), Tags("Providers")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post([WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new AvailabilityConfirmed()]);
}
