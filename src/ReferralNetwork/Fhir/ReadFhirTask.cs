using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Referrals;
using Wolverine.Http;

namespace ReferralNetwork.Fhir;

public static class ReadFhirTaskEndpoint
{
    /// <summary>
    /// Readable, and audited, exactly as GET /api/referrals/{referralId}: the advocate who sent it, the provider it was
    /// sent to and admins; anyone else gets the 404 an unknown id gets. The audit record is the same read-referral one.
    /// </summary>
    [WolverineGet("/fhir/Task/{referralId}", OperationId = "readFhirTask"), Tags("FHIR"), Authorize(Policy = Policies.ReferralParty)]
    [EndpointSummary("Read a referral as a Task"), EndpointDescription("The referral's progress as a FHIR R4 Task shaped like the SDOH Clinical Care referral Task: "
        + "status and businessStatus (docs/referrals.md), statusReason on decline or waitlist, owner (the provider's PractitionerRole) and requester. No family data: Task.for is masked.")]
    public static async Task<IResult> Get(Guid referralId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        AccessAudit.Record(session, context, clock, AccessAudit.ReadReferral, referralId);
        var summary = await session.LoadAsync<ReferralSummary>(referralId, ct);
        return summary is null ? FhirResponses.NotFound("Task", referralId.ToString("D")) : FhirResponses.Resource(FhirReferralTask.From(summary));
    }
}
