using Marten;
using ReferralNetwork.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

/// <summary>Scheduled at the response deadline when a referral is requested; stored durably by Wolverine.</summary>
public sealed record ExpireReferral(Guid ReferralId);

public static class ExpireReferralHandler
{
    public static void Before(IDocumentSession session) => Actor.System.StampOnto(session);

    /// <summary>Expires the referral if it is still unanswered and its deadline has passed; otherwise does nothing.</summary>
    public static Events Handle(ExpireReferral message, [WriteAggregate] Referral referral, TimeProvider clock) =>
        referral.Allows(Referral.Expire) && clock.GetUtcNow() >= referral.RespondBy
            ? [new ReferralExpired(referral.ProviderId, referral.RespondBy)]
            : [];
}
