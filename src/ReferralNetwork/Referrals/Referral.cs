using ReferralNetwork.Providers;

namespace ReferralNetwork.Referrals;

/// <summary>
/// The write model of one referral's stream and its state machine. Which action each state allows lives here,
/// once; endpoints ask <see cref="Allows"/> and answer 409 with <see cref="AllowedActions"/> otherwise.
/// </summary>
public sealed partial record Referral
{
    public const string View = "view", Accept = "accept", Waitlist = "waitlist", Decline = "decline", Schedule = "schedule",
        Close = "close", Withdraw = "withdraw", Expire = "expire";

    private static readonly Dictionary<ReferralStatus, string[]> Actions = new()
    {
        [ReferralStatus.Requested] = [View, Accept, Waitlist, Decline, Withdraw, Expire],
        [ReferralStatus.Viewed] = [View, Accept, Waitlist, Decline, Withdraw, Expire],
        [ReferralStatus.Waitlisted] = [View, Accept, Decline, Withdraw],
        [ReferralStatus.Accepted] = [View, Schedule, Close, Withdraw],
        [ReferralStatus.Scheduled] = [View, Schedule, Close, Withdraw],
        [ReferralStatus.Declined] = [],
        [ReferralStatus.Closed] = [],
        [ReferralStatus.Withdrawn] = [],
        [ReferralStatus.Expired] = [],
    };

    public Guid Id { get; init; }
    public long Version { get; set; }
    public ReferralStatus Status { get; init; }
    public Guid ProviderId { get; init; }
    public string AdvocateId { get; init; } = "";
    public FeeKind FeeNeed { get; init; }
    public DateTimeOffset RespondBy { get; init; }

    /// <summary>True while the referral holds one of the provider's slots (accepted or scheduled).</summary>
    public bool HoldsSlot => Status is ReferralStatus.Accepted or ReferralStatus.Scheduled;

    public IReadOnlyList<string> AllowedActions => Actions[Status];

    /// <summary>What a referral in <paramref name="status"/> allows, for read models and pages.</summary>
    public static IReadOnlyList<string> AllowedActionsFor(ReferralStatus status) => Actions[status];

    public bool Allows(string action) => Actions[Status].Contains(action);

    public static Referral Create(ReferralRequested e) => new()
    {
        Id = e.ReferralId,
        ProviderId = e.ProviderId,
        AdvocateId = e.AdvocateId,
        FeeNeed = e.FeeNeed,
        RespondBy = e.RespondBy,
        Status = ReferralStatus.Requested,
    };

    public Referral Apply(ReferralViewed _) => Status == ReferralStatus.Requested ? this with { Status = ReferralStatus.Viewed } : this;
    public Referral Apply(ReferralAccepted _) => this with { Status = ReferralStatus.Accepted };
    public Referral Apply(ReferralWaitlisted _) => this with { Status = ReferralStatus.Waitlisted };
    public Referral Apply(ReferralDeclined _) => this with { Status = ReferralStatus.Declined };
    public Referral Apply(FirstSessionScheduled _) => this with { Status = ReferralStatus.Scheduled };
    public Referral Apply(ReferralClosed _) => this with { Status = ReferralStatus.Closed };
    public Referral Apply(ReferralWithdrawn _) => this with { Status = ReferralStatus.Withdrawn };
    public Referral Apply(ReferralExpired _) => this with { Status = ReferralStatus.Expired };
}
