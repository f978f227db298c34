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
    public static ProblemDetails Validate(HttpRequest request, TimeProvider clock) => AsOf.Validate(request, clock);

    /// <summary>A provider's listing; the ETag is the stream version to send back as If-Match on writes.</summary>
    [WolverineGet("/api/providers/{providerId}", OperationId = "getProvider"), Tags("Providers"), Authorize(Policy = Policies.ProviderProfile)]
    [EndpointSummary("Get a provider"), EndpointDescription("The ETag header is the provider's version: send it back as If-Match on every write to this provider. "
        + "With asOf (an ISO 8601 instant with offset) the listing is rebuilt from the provider's events up to that instant, without an ETag: it is history, not a version to write against.")]
    [ProducesResponseType<ProviderListing>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid providerId, HttpContext context, IQuerySession session, CancellationToken ct, string? asOf = null)
    {
        if (asOf is not null) return await AsItWas(providerId, AsOf.Parse(asOf)!.Value, session, ct);
        var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
        if (listing is null) return Results.Problem(Problem.NotFound($"No provider has id {providerId}."));

        var etag = ETag.For(listing.Version);
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch.Contains(etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(listing);
    }

    // The same projection that keeps the listing current, run live over the events up to the instant.
    private static async Task<IResult> AsItWas(Guid providerId, DateTimeOffset asOf, IQuerySession session, CancellationToken ct)
    {
        var listing = await session.Events.AggregateStreamAsync<ProviderListing>(providerId, timestamp: asOf, token: ct);
        if (listing is not null) return Results.Ok(listing);
        var exists = await session.Events.FetchStreamStateAsync(providerId, ct) is not null;
        return Results.Problem(exists ? AsOf.NotYet("provider") : Problem.NotFound($"No provider has id {providerId}."));
    }
}
