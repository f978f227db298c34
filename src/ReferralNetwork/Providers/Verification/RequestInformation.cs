using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>An administrator asks an unverified provider for what is missing before the licences can be checked.</summary>
public sealed record RequestProviderInformation(string? Message);

public static class RequestProviderInformationEndpoint
{
    public static ProblemDetails Validate(RequestProviderInformation command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => ReviewRules.CheckText(p, command.Message, "message", ReviewRules.MaxMessageLength)).ToProblemDetails();

    // Asking again while waiting for the provider is allowed: the newer message replaces the older one.
    public static ProblemDetails Before(HttpContext context, Provider provider) => ReviewRules.First(
        () => ProviderRules.CheckChange(context, provider), () => ReviewRules.MustBeUnverified(provider), () => ReviewRules.MustNotBeDeclined(provider));

    [WolverinePost("/api/providers/{providerId}/request-information", OperationId = "requestProviderInformation"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Ask a provider for more information"), EndpointDescription("Before verifying: the message (plain text) tells the provider what is missing. " +
        "Needs If-Match with the provider's current ETag; 409 when the provider is verified or the application declined.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(RequestProviderInformation command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderInformationRequested(command.Message!.Trim())]);
}
