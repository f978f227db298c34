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
    [WolverineGet("/api/referrals/{referralId}", OperationId = "getReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralParty)]
    [EndpointSummary("Get a referral")]
    [ProducesResponseType<ReferralSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid referralId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        AccessAudit.Record(session, context, clock, AccessAudit.ReadReferral, referralId);
        var summary = await session.LoadAsync<ReferralSummary>(referralId, ct);
        if (summary is null) return Results.Problem(Problem.NotFound($"No referral has id {referralId}."));
        context.Response.Headers.ETag = ETag.For(summary.Version);
        return Results.Ok(summary);
    }
}
