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

/// <summary>
/// Acceptance takes one of the provider's open slots of the referral's fee kind, in the same transaction.
/// The provider's stream is locked (FOR UPDATE) while deciding, so two accepts racing for the last slot are
/// serialised: exactly one wins, the other is told there is no open slot.
/// </summary>
public static class AcceptReferralEndpoint
{
    public static ProblemDetails Before(Referral referral) => ReferralRules.Allows(referral, Referral.Accept);

    public static Task<IEventStream<Provider>> LoadAsync(Referral referral, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForExclusiveWriting<Provider>(referral.ProviderId, ct);

    public static ProblemDetails Validate(Referral referral, IEventStream<Provider> provider) => CanTake(provider.Aggregate, referral.FeeNeed);

    public static ProblemDetails CanTake(Provider? provider, FeeKind kind)
    {
        if (provider is null || provider.Status == ProviderStatus.Deactivated)
            return Problem.Conflict("The provider is deactivated and cannot accept referrals.");
        return provider.Availability.OpenSlots(kind) > 0
            ? WolverineContinue.NoProblems
            : Problem.Conflict($"The provider has no open {ReferralRules.Kebab(kind.ToString())} slot left; update availability first.");
    }

    [WolverinePost("/api/referrals/{referralId}/accept", OperationId = "acceptReferral"), Tags("Referrals"), Authorize(Policy = Policies.ReferralRecipient)]
    [EndpointSummary("Accept a referral"), EndpointDescription("Takes one of the provider's open slots of the referral's fee kind; 409 when none is left or the referral's state does not allow it.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post([WriteAggregate] Referral referral, IEventStream<Provider> provider)
    {
        provider.AppendOne(new SlotReserved(referral.Id, referral.FeeNeed));
        return ReferralRules.Accepted(referral, [new ReferralAccepted(referral.ProviderId, referral.FeeNeed)]);
    }
}
