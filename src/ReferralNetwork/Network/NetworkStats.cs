using JasperFx.Events;
using Marten.Events.Projections;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Network;

/// <summary>
/// Referral flow across the network (async): per week (Monday, UTC) and family state, how many referrals reached
/// each step, and how many are open per state. One document; it remembers only open referrals' states.
/// </summary>
public sealed class NetworkStats
{
    public const string TheId = "network";

    public string Id { get; set; } = TheId;

    /// <summary>week (yyyy-MM-dd, a Monday) → state → step (requested, accepted, …) → count.</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, int>>> Weeks { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> OpenByState { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open referrals' family states, so that later events (which carry no state) are counted where they belong.</summary>
    public Dictionary<Guid, string> OpenReferralStates { get; set; } = [];
}

public sealed partial class NetworkStatsProjection : MultiStreamProjection<NetworkStats, string>
{
    public NetworkStatsProjection()
    {
        Identity<ReferralRequested>(_ => NetworkStats.TheId);
        Identity<ReferralAccepted>(_ => NetworkStats.TheId);
        Identity<ReferralWaitlisted>(_ => NetworkStats.TheId);
        Identity<ReferralDeclined>(_ => NetworkStats.TheId);
        Identity<FirstSessionScheduled>(_ => NetworkStats.TheId);
        Identity<ReferralClosed>(_ => NetworkStats.TheId);
        Identity<ReferralWithdrawn>(_ => NetworkStats.TheId);
        Identity<ReferralExpired>(_ => NetworkStats.TheId);
    }

    public void Apply(IEvent<ReferralRequested> e, NetworkStats s)
    {
        s.OpenReferralStates[e.StreamId] = e.Data.Needs.State;
        s.OpenByState[e.Data.Needs.State] = s.OpenByState.GetValueOrDefault(e.Data.Needs.State) + 1;
        Count(s, e, "requested");
    }

    public void Apply(IEvent<ReferralAccepted> e, NetworkStats s) => Count(s, e, "accepted");
    public void Apply(IEvent<ReferralWaitlisted> e, NetworkStats s) => Count(s, e, "waitlisted");
    public void Apply(IEvent<FirstSessionScheduled> e, NetworkStats s) => Count(s, e, "scheduled");
    public void Apply(IEvent<ReferralDeclined> e, NetworkStats s) => Count(s, e, "declined", ends: true);
    public void Apply(IEvent<ReferralClosed> e, NetworkStats s) => Count(s, e, "closed", ends: true);
    public void Apply(IEvent<ReferralWithdrawn> e, NetworkStats s) => Count(s, e, "withdrawn", ends: true);
    public void Apply(IEvent<ReferralExpired> e, NetworkStats s) => Count(s, e, "expired", ends: true);

    private static void Count(NetworkStats s, IEvent e, string step, bool ends = false)
    {
        if (!s.OpenReferralStates.TryGetValue(e.StreamId, out var state)) return;
        var date = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
        var week = date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (!s.Weeks.TryGetValue(week, out var states)) s.Weeks[week] = states = new(StringComparer.Ordinal);
        if (!states.TryGetValue(state, out var steps)) states[state] = steps = new(StringComparer.Ordinal);
        steps[step] = steps.GetValueOrDefault(step) + 1;
        if (!ends) return;
        s.OpenReferralStates.Remove(e.StreamId);
        s.OpenByState[state] = s.OpenByState.GetValueOrDefault(state) - 1;
    }
}
