using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Verification;

/// <summary>Where the provider's application stands, for their own pages: what the network asked, or why it declined.</summary>
public static class GetReviewEndpoint
{
    [WolverineGet("/api/providers/{providerId}/review", OperationId = "getProviderReview"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Get a provider's verification review"), EndpointDescription("The provider themself or an admin: verified or not, and the network's last request, decline and the provider's reply.")]
    [ProducesResponseType<VerificationCase>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid providerId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<VerificationCase>(providerId, ct) is { } review
            ? Results.Ok(review)
            : Results.Problem(Problem.NotFound($"No provider has id {providerId}."));
}
