namespace ReferralNetwork.Referrals;

/// <summary>Settings under "Referrals" (e.g. Referrals__ResponseDeadline=3.00:00:00).</summary>
public sealed class ReferralOptions
{
    /// <summary>How long a provider has to answer before the referral expires and the advocate can re-refer.</summary>
    public TimeSpan ResponseDeadline { get; set; } = TimeSpan.FromDays(5);
}
