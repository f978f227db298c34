using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

// Scheduling the first session, closing, and withdrawing. Closing or withdrawing a referral that holds one of
// the provider's slots gives it back in the same transaction.

public sealed record ScheduleFirstSession(DateOnly? Date);

public static class ScheduleFirstSessionEndpoint
{
    public static ProblemDetails Validate(ScheduleFirstSession command, TimeProvider clock)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ValidationProblems().Also(p => p.Require(command.Date is { } d && d >= today.AddDays(-30) && d <= today.AddDays(365),
            "date", "is required: a date from 30 days ago to a year ahead")).ToProblemDetails();
    }

    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Schedule);

    [WolverinePost("/api/referrals/{referralId}/schedule", OperationId = "scheduleFirstSession"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Schedule the first session")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(ScheduleFirstSession command, [WriteAggregate] Referral referral) =>
        ReferralRules.Accepted(referral, [new FirstSessionScheduled(referral.ProviderId, command.Date!.Value)]);
}

public sealed record CloseReferral(CloseOutcome? Outcome, string? Note);

public static class CloseReferralEndpoint
{
    public static ProblemDetails Validate(CloseReferral command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p =>
        {
            p.Require(command.Outcome is not null, "outcome", "is required: completed, couldnt-contact-family, family-declined, no-longer-needed or referred-elsewhere");
            p.RequireText(command.Note, "note", ReferralRequestRules.MaxNoteLength, required: false);
        }).ToProblemDetails();

    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Close);

    public static Task<IEventStream<Provider>?> LoadAsync(Referral referral, IDocumentSession session, CancellationToken ct) =>
        SlotRelease.LockProviderIfHeld(referral, session, ct);

    [WolverinePost("/api/referrals/{referralId}/close", OperationId = "closeReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Close a referral")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(CloseReferral command, [WriteAggregate] Referral referral, IEventStream<Provider>? provider)
    {
        SlotRelease.Release(referral, provider);
        return ReferralRules.Accepted(referral, [new ReferralClosed(referral.ProviderId, command.Outcome!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())]);
    }
}

public sealed record WithdrawReferral(string? Reason);

public static class WithdrawReferralEndpoint
{
    public static ProblemDetails Validate(WithdrawReferral command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.RequireText(command.Reason, "reason", ReferralRequestRules.MaxNoteLength, required: false)).ToProblemDetails();

    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Withdraw);

    public static Task<IEventStream<Provider>?> LoadAsync(Referral referral, IDocumentSession session, CancellationToken ct) =>
        SlotRelease.LockProviderIfHeld(referral, session, ct);

    /// <summary>The advocate takes the referral back (e.g. to re-refer).</summary>
    [WolverinePost("/api/referrals/{referralId}/withdraw", OperationId = "withdrawReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralSender)]
    [EndpointSummary("Withdraw a referral")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(WithdrawReferral command, [WriteAggregate] Referral referral, IEventStream<Provider>? provider)
    {
        SlotRelease.Release(referral, provider);
        return ReferralRules.Accepted(referral, [new ReferralWithdrawn(referral.ProviderId, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim())]);
    }
}

public static class SlotRelease
{
    public static async Task<IEventStream<Provider>?> LockProviderIfHeld(Referral referral, IDocumentSession session, CancellationToken ct) =>
        referral.HoldsSlot ? await session.Events.FetchForExclusiveWriting<Provider>(referral.ProviderId, ct) : null;

    /// <summary>The slot opens again only if its fee terms are still offered: no open slot for terms the provider withdrew.</summary>
    public static void Release(Referral referral, IEventStream<Provider>? provider)
    {
        if (referral.HoldsSlot && provider?.Aggregate is { } current && current.FeeTerms.Offers(referral.FeeNeed))
            provider.AppendOne(new SlotReleased(referral.Id, referral.FeeNeed));
    }
}
