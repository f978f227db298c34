using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

// The provider's answers short of acceptance (which touches capacity: AcceptReferral.cs).

public static class ViewReferralEndpoint
{
    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.View);

    /// <summary>The provider opened the referral; only the first view is recorded.</summary>
    [WolverinePost("/api/referrals/{referralId}/view", OperationId = "viewReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Mark a referral as viewed")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post([WriteAggregate] Referral referral) =>
        ReferralRules.Accepted(referral, referral.Status == ReferralStatus.Requested ? [new ReferralViewed(referral.ProviderId)] : []);
}

public sealed record WaitlistReferral(int ExpectedWeeks);

public static class WaitlistReferralEndpoint
{
    public static ProblemDetails Validate(WaitlistReferral command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.Require(command.ExpectedWeeks is >= 1 and <= 52, "expectedWeeks", "must be between 1 and 52")).ToProblemDetails();

    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Waitlist);

    [WolverinePost("/api/referrals/{referralId}/waitlist", OperationId = "waitlistReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Waitlist a referral")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(WaitlistReferral command, [WriteAggregate] Referral referral) =>
        ReferralRules.Accepted(referral, [new ReferralWaitlisted(referral.ProviderId, command.ExpectedWeeks)]);
}

public sealed record DeclineReferral(DeclineReason? Reason, string? Note);

public static class DeclineReferralEndpoint
{
    public static ProblemDetails Validate(DeclineReferral command)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var p = new ValidationProblems();
        p.Require(command.Reason is not null, "reason", "is required: no-capacity, outside-licensure-region, specialty-mismatch, age-range, fee-terms-unavailable, conflict-of-interest or other");
        if (p.RequireText(command.Note, "note", ReferralRequestRules.MaxNoteLength, required: command.Reason == DeclineReason.Other))
            p.Require(command.Reason != DeclineReason.Other || !string.IsNullOrWhiteSpace(command.Note), "note", "is required when the reason is other");
        return p.ToProblemDetails();
    }

    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Decline);

    [WolverinePost("/api/referrals/{referralId}/decline", OperationId = "declineReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Decline a referral")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(DeclineReferral command, [WriteAggregate] Referral referral) =>
        ReferralRules.Accepted(referral, [new ReferralDeclined(referral.ProviderId, command.Reason!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())]);
}
