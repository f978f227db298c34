using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Take a provider out of search and referrals, keeping the stream and its history.</summary>
public sealed record DeactivateProvider(string Reason);

public static class DeactivateProviderEndpoint
{
    public static ProblemDetails Validate(DeactivateProvider command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.RequireText(command.Reason, "reason", 500)).ToProblemDetails();

    public static ProblemDetails Before(HttpContext context, Provider provider) => ProviderRules.CheckChange(context, provider);

    [WolverinePost("/api/providers/{providerId}/deactivate", OperationId = "deactivateProvider"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Deactivate a provider"), EndpointDescription("A deactivated provider takes no referrals and can only be reactivated. Needs If-Match with the provider's current ETag.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(DeactivateProvider command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderDeactivated(command.Reason.Trim())]);
}
