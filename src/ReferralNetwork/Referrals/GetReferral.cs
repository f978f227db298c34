using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Referrals;

public static class GetReferralEndpoint
{
    public static ProblemDetails Validate(HttpRequest request, TimeProvider clock) => AsOf.Validate(request, clock);

    /// <summary>A referral as it is now, or with asOf (an ISO 8601 instant with offset) as its events had made it at that instant (no ETag then).</summary>
    [WolverineGet("/api/referrals/{referralId}", OperationId = "getReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralParty)]
    [EndpointSummary("Get a referral")]
    [ProducesResponseType<ReferralSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid referralId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct, string? asOf = null)
    {
        AccessAudit.Record(session, context, clock, AccessAudit.ReadReferral, referralId);
        if (asOf is not null) return await AsItWas(referralId, AsOf.Parse(asOf)!.Value, session, ct);
        var summary = await session.LoadAsync<ReferralSummary>(referralId, ct);
        if (summary is null) return Results.Problem(Problem.NotFound($"No referral has id {referralId}."));
        context.Response.Headers.ETag = ETag.For(summary.Version);
        return Results.Ok(summary);
    }

    // Erasure masks the family's data in the events themselves, so a rebuild at any instant shows it erased too.
    private static async Task<IResult> AsItWas(Guid referralId, DateTimeOffset asOf, IDocumentSession session, CancellationToken ct)
    {
        var summary = await session.Events.AggregateStreamAsync<ReferralSummary>(referralId, timestamp: asOf, token: ct);
        if (summary is not null) return Results.Ok(summary);
        var exists = await session.Events.FetchStreamStateAsync(referralId, ct) is not null;
        return Results.Problem(exists ? AsOf.NotYet("referral") : Problem.NotFound($"No referral has id {referralId}."));
    }
}
