using JasperFx.Events;
using Marten.Events.Projections;

namespace ReferralNetwork.Referrals;

/// <summary>
/// How a provider answers referrals (async): acceptance rate, median hours to a first answer over the last
/// <see cref="Window"/> answers, and referrals still open. Shown on listings ("usually answers within 2 days").
/// </summary>
public sealed class ProviderResponseStats
{
    public const int Window = 100;

    public Guid Id { get; set; }
    public int Received { get; set; }
    public int Accepted { get; set; }
    public int Waitlisted { get; set; }
    public int Declined { get; set; }
    public int Expired { get; set; }
    public int Open { get; set; }

    /// <summary>Accepted out of those answered yes or no or left to expire; null before any.</summary>
    public double? AcceptanceRate { get; set; }
    public double? MedianHoursToAnswer { get; set; }

    /// <summary>Referrals not answered yet, with when they were requested (to time the answer).</summary>
    public Dictionary<Guid, DateTimeOffset> Unanswered { get; set; } = [];
    public List<double> RecentHoursToAnswer { get; set; } = [];
}

public sealed partial class ProviderResponseStatsProjection : MultiStreamProjection<ProviderResponseStats, Guid>
{
    public ProviderResponseStatsProjection()
    {
        Identity<ReferralRequested>(e => e.ProviderId);
        Identity<ReferralAccepted>(e => e.ProviderId);
        Identity<ReferralWaitlisted>(e => e.ProviderId);
        Identity<ReferralDeclined>(e => e.ProviderId);
        Identity<ReferralExpired>(e => e.ProviderId);
        Identity<ReferralWithdrawn>(e => e.ProviderId);
        Identity<ReferralClosed>(e => e.ProviderId);
    }

    public void Apply(IEvent<ReferralRequested> e, ProviderResponseStats s)
    {
        s.Id = e.Data.ProviderId;
        s.Received++;
        s.Open++;
        s.Unanswered[e.StreamId] = e.Timestamp;
    }

    public void Apply(IEvent<ReferralAccepted> e, ProviderResponseStats s)
    {
        s.Accepted++;
        Answered(e, s);
    }

    public void Apply(IEvent<ReferralWaitlisted> e, ProviderResponseStats s)
    {
        s.Waitlisted++;
        Answered(e, s);
    }

    public void Apply(IEvent<ReferralDeclined> e, ProviderResponseStats s)
    {
        s.Declined++;
        s.Open--;
        Answered(e, s);
    }

    public void Apply(IEvent<ReferralExpired> e, ProviderResponseStats s)
    {
        s.Expired++;
        s.Open--;
        s.Unanswered.Remove(e.StreamId);
        Rates(s);
    }

    public void Apply(IEvent<ReferralWithdrawn> e, ProviderResponseStats s)
    {
        s.Open--;
        s.Unanswered.Remove(e.StreamId);
    }

    public void Apply(IEvent<ReferralClosed> e, ProviderResponseStats s) => s.Open--;

    // Only the first answer counts: a waitlisted referral accepted later was answered when it was waitlisted.
    private static void Answered(IEvent e, ProviderResponseStats s)
    {
        if (s.Unanswered.Remove(e.StreamId, out var requestedAt))
        {
            s.RecentHoursToAnswer.Add(Math.Round((e.Timestamp - requestedAt).TotalHours, 2));
            if (s.RecentHoursToAnswer.Count > ProviderResponseStats.Window) s.RecentHoursToAnswer.RemoveAt(0);
            var sorted = s.RecentHoursToAnswer.Order().ToArray();
            s.MedianHoursToAnswer = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        Rates(s);
    }

    private static void Rates(ProviderResponseStats s)
    {
        var decided = s.Accepted + s.Declined + s.Expired;
        s.AcceptanceRate = decided == 0 ? null : Math.Round((double)s.Accepted / decided, 3);
    }
}
