using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

/// <summary>
/// Why: the lawful basis or the request's reference (e.g. "Erasure request ER-2026-114, GDPR art. 17"). It is kept
/// in the record of the erasure, so it must never repeat the family's reference, contact details or notes.
/// </summary>
public sealed record EraseReferral(string? Reason);

/// <summary>
/// Erases what a referral holds about a family, in any state, on a lawful request: masked in place in the stream's
/// stored events by the rules in <see cref="Configuration.AddReferrals"/>, and blanked in the summary. Needs, urgency,
/// fee need, statuses and times stay, so the timeline and the statistics survive.
/// </summary>
public static class EraseReferralEndpoint
{
    /// <summary>What an erased family reference reads as, in the events and in the summary.</summary>
    public const string Erased = "[erased]";

    public static ProblemDetails Validate(EraseReferral command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.RequireText(command.Reason, "reason", ReferralRequestRules.MaxNoteLength)).ToProblemDetails();

    [WolverinePost("/api/referrals/{referralId}/erase", OperationId = "eraseReferral"), Tags("Referrals"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Erase a referral's family data")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<(WriteAccepted, Events)> Post(EraseReferral command, [WriteAggregate] Referral referral,
        IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        // Erase first, in Marten's own transaction, then record: a record never claims an erasure that did not happen.
        // If the record is lost (a concurrent write to the referral: 409), the data is already gone and a retry masks
        // again. Repeating an erasure is allowed and recorded again: it also masks whatever was written since.
        await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(referral.Id).AddHeader("erased-at", clock.GetUtcNow()), ct);
        return ReferralRules.Accepted(referral, [new ReferralDataErased(referral.ProviderId, command.Reason!.Trim())]);
    }
}
