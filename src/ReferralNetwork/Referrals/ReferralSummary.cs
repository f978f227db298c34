using JasperFx.Events;
using Marten.Events.Aggregation;
using ReferralNetwork.Providers;

namespace ReferralNetwork.Referrals;

/// <summary>
/// A referral as people follow it: its status and the time of each step (inline: read-your-writes).
/// Holds the family's pseudonymous reference, needs and contact preference, never a name; an erasure blanks the
/// reference, the guardian contact and the notes, and keeps the rest.
/// </summary>
public sealed class ReferralSummary
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public ReferralStatus Status { get; set; }
    public Guid ProviderId { get; set; }
    public string AdvocateId { get; set; } = "";
    public string FamilyReference { get; set; } = "";
    public string FamilyState { get; set; } = "";
    public FamilyNeeds Needs { get; set; } = null!;
    public Urgency Urgency { get; set; }
    public FeeKind FeeNeed { get; set; }
    public ContactPreference Contact { get; set; } = null!;
    public string? Note { get; set; }
    public FeeTerms PromisedFeeTerms { get; set; } = FeeTerms.None;
    public bool SentWhileNotAccepting { get; set; }
    public DateTimeOffset RespondBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ViewedAt { get; set; }

    /// <summary>The provider's first answer: accepted, waitlisted or declined.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? WaitlistedAt { get; set; }
    public int? ExpectedWaitWeeks { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }
    public DeclineReason? DeclineReason { get; set; }
    public string? DeclineNote { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateOnly? FirstSessionOn { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public CloseOutcome? Outcome { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }

    /// <summary>The last time what the referral held about the family was erased.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed partial class ReferralSummaryProjection : SingleStreamProjection<ReferralSummary, Guid>
{
    public static ReferralSummary Create(IEvent<ReferralRequested> e) => new()
    {
        Id = e.Data.ReferralId,
        Status = ReferralStatus.Requested,
        ProviderId = e.Data.ProviderId,
        AdvocateId = e.Data.AdvocateId,
        FamilyReference = e.Data.FamilyReference,
        FamilyState = e.Data.Needs.State,
        Needs = e.Data.Needs,
        Urgency = e.Data.Urgency,
        FeeNeed = e.Data.FeeNeed,
        Contact = e.Data.Contact,
        Note = e.Data.Note,
        PromisedFeeTerms = e.Data.ProviderFeeTerms,
        SentWhileNotAccepting = e.Data.SentWhileNotAccepting,
        RespondBy = e.Data.RespondBy,
        RequestedAt = e.Timestamp,
        LastChangedAt = e.Timestamp,
    };

    public void Apply(IEvent<ReferralViewed> e, ReferralSummary s)
    {
        s.ViewedAt ??= e.Timestamp;
        if (s.Status == ReferralStatus.Requested) s.Status = ReferralStatus.Viewed;
        s.LastChangedAt = e.Timestamp;
    }

    public void Apply(IEvent<ReferralWaitlisted> e, ReferralSummary s)
    {
        Step(s, ReferralStatus.Waitlisted, e, answered: true);
        s.WaitlistedAt = e.Timestamp;
        s.ExpectedWaitWeeks = e.Data.ExpectedWeeks;
    }

    public void Apply(IEvent<ReferralAccepted> e, ReferralSummary s) => s.AcceptedAt = Step(s, ReferralStatus.Accepted, e, answered: true);

    public void Apply(IEvent<ReferralDeclined> e, ReferralSummary s)
    {
        s.DeclinedAt = Step(s, ReferralStatus.Declined, e, answered: true);
        s.DeclineReason = e.Data.Reason;
        s.DeclineNote = e.Data.Note;
    }

    public void Apply(IEvent<FirstSessionScheduled> e, ReferralSummary s)
    {
        s.ScheduledAt = Step(s, ReferralStatus.Scheduled, e);
        s.FirstSessionOn = e.Data.Date;
    }

    public void Apply(IEvent<ReferralClosed> e, ReferralSummary s)
    {
        s.ClosedAt = Step(s, ReferralStatus.Closed, e);
        s.Outcome = e.Data.Outcome;
    }

    public void Apply(IEvent<ReferralWithdrawn> e, ReferralSummary s) => s.WithdrawnAt = Step(s, ReferralStatus.Withdrawn, e);

    public void Apply(IEvent<ReferralExpired> e, ReferralSummary s) => s.ExpiredAt = Step(s, ReferralStatus.Expired, e);

    // The masked events already read this way; the summary was built before they were masked.
    public void Apply(IEvent<ReferralDataErased> e, ReferralSummary s)
    {
        s.FamilyReference = EraseReferralEndpoint.Erased;
        s.Contact = s.Contact with { GuardianContact = null };
        s.Note = null;
        s.DeclineNote = null;
        s.ErasedAt = e.Timestamp;
        s.LastChangedAt = e.Timestamp;
    }

    private static DateTimeOffset Step(ReferralSummary s, ReferralStatus status, IEvent e, bool answered = false)
    {
        s.Status = status;
        if (answered) s.AnsweredAt ??= e.Timestamp;
        s.LastChangedAt = e.Timestamp;
        return e.Timestamp;
    }
}
