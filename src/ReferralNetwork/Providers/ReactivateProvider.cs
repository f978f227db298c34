using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

public sealed record ReactivateProvider(string? Note);

public static class ReactivateProviderEndpoint
{
    public static ProblemDetails Validate(ReactivateProvider command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.RequireText(command.Note, "note", 500, required: false)).ToProblemDetails();

    public static ProblemDetails Before(HttpContext context, Provider provider)
    {
        var precondition = ETag.CheckIfMatch(context, provider.Version);
        if (precondition != WolverineContinue.NoProblems) return precondition;
        return MustBeDeactivated(provider);
    }

    public static ProblemDetails MustBeDeactivated(Provider provider) => provider.Status == ProviderStatus.Active
        ? Problem.Conflict($"Provider {provider.Id} is already active.")
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/providers/{providerId}/reactivate", OperationId = "reactivateProvider"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Reactivate a provider"), EndpointDescription("Needs If-Match with the provider's current ETag.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(ReactivateProvider command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderReactivated(string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())]);
}
