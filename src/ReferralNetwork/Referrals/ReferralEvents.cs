using ReferralNetwork.Providers;

namespace ReferralNetwork.Referrals;

// Every event carries the provider's id, so that read models about providers can group by it without lookups.
// Who did it and when are Marten metadata (user name, "role" header, timestamp, correlation id).

public sealed record ReferralRequested(
    Guid ReferralId,
    Guid ProviderId,
    string AdvocateId,
    string FamilyReference,
    FamilyNeeds Needs,
    Urgency Urgency,
    FeeKind FeeNeed,
    ContactPreference Contact,
    string? Note,
    FeeTerms ProviderFeeTerms,
    DateTimeOffset RespondBy,
    bool SentWhileNotAccepting);

public sealed record ReferralViewed(Guid ProviderId);

public sealed record ReferralAccepted(Guid ProviderId, FeeKind Slot);

public sealed record ReferralWaitlisted(Guid ProviderId, int ExpectedWeeks);

public sealed record ReferralDeclined(Guid ProviderId, DeclineReason Reason, string? Note);

public sealed record FirstSessionScheduled(Guid ProviderId, DateOnly Date);

public sealed record ReferralClosed(Guid ProviderId, CloseOutcome Outcome, string? Note);

public sealed record ReferralWithdrawn(Guid ProviderId, string? Reason);

/// <summary>No answer before the response deadline; raised by a scheduled Wolverine message.</summary>
public sealed record ReferralExpired(Guid ProviderId, DateTimeOffset Deadline);

/// <summary>
/// An administrator erased what the referral held about the family (masked in place in the earlier events). The
/// reason is the lawful basis or the request's reference, never the erased data itself.
/// </summary>
public sealed record ReferralDataErased(Guid ProviderId, string Reason);
