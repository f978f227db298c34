using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Searching;

public static class GetProviderEndpoint
{
    /// <summary>A provider's listing; the ETag is the stream version to send back as If-Match on writes.</summary>
    [WolverineGet("/api/providers/{providerId}", OperationId = "getProvider"), Tags("Providers"), Authorize(Policy = Policies.ProviderProfile)]
    [EndpointSummary("Get a provider"), EndpointDescription("The ETag header is the provider's version: send it back as If-Match on every write to this provider.")]
    [ProducesResponseType<ProviderListing>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid providerId, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
        if (listing is null) return Results.Problem(Problem.NotFound($"No provider has id {providerId}."));

        var etag = ETag.For(listing.Version);
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch.Contains(etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(listing);
    }
}
