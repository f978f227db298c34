using JasperFx.Events;
using Marten.Events.Projections;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Network;

/// <summary>
/// Referral flow across the network (async): the referrals requested each week (Monday, UTC) per family state, each
/// counted once, under the step it has reached now; and how many are open per state. One document; it remembers only
/// open referrals, as a finished referral (declined, closed, withdrawn, expired) never moves again.
/// </summary>
public sealed class NetworkStats
{
    public const string TheId = "network";

    public string Id { get; set; } = TheId;

    /// <summary>week requested (yyyy-MM-dd, a Monday) → family state → step reached now (requested, accepted, …) → referrals.</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, int>>> Weeks { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> OpenByState { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where each open referral is counted, so a later event (which carries no state or week) moves it from there.</summary>
    public Dictionary<Guid, CountedReferral> OpenReferrals { get; set; } = [];
}

/// <summary>The cell of <see cref="NetworkStats.Weeks"/> an open referral is counted in.</summary>
public sealed record CountedReferral(string Week, string State, string Step);

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
        var date = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
        var week = date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var counted = new CountedReferral(week, e.Data.Needs.State, "requested");
        s.OpenReferrals[e.StreamId] = counted;
        s.OpenByState[counted.State] = s.OpenByState.GetValueOrDefault(counted.State) + 1;
        Add(s, counted, 1);
    }

    public void Apply(IEvent<ReferralAccepted> e, NetworkStats s) => Move(s, e, "accepted");
    public void Apply(IEvent<ReferralWaitlisted> e, NetworkStats s) => Move(s, e, "waitlisted");
    public void Apply(IEvent<FirstSessionScheduled> e, NetworkStats s) => Move(s, e, "scheduled");
    public void Apply(IEvent<ReferralDeclined> e, NetworkStats s) => Move(s, e, "declined", ends: true);
    public void Apply(IEvent<ReferralClosed> e, NetworkStats s) => Move(s, e, "closed", ends: true);
    public void Apply(IEvent<ReferralWithdrawn> e, NetworkStats s) => Move(s, e, "withdrawn", ends: true);
    public void Apply(IEvent<ReferralExpired> e, NetworkStats s) => Move(s, e, "expired", ends: true);

    // A referral is counted once, in the week it was requested: each step moves it from its old cell to the new one.
    private static void Move(NetworkStats s, IEvent e, string step, bool ends = false)
    {
        if (!s.OpenReferrals.TryGetValue(e.StreamId, out var counted)) return;
        Add(s, counted, -1);
        Add(s, counted with { Step = step }, 1);
        if (!ends)
        {
            s.OpenReferrals[e.StreamId] = counted with { Step = step };
            return;
        }
        s.OpenReferrals.Remove(e.StreamId);
        s.OpenByState[counted.State] = s.OpenByState.GetValueOrDefault(counted.State) - 1;
    }

    private static void Add(NetworkStats s, CountedReferral at, int by)
    {
        if (!s.Weeks.TryGetValue(at.Week, out var states)) s.Weeks[at.Week] = states = new(StringComparer.Ordinal);
        if (!states.TryGetValue(at.State, out var steps)) states[at.State] = steps = new(StringComparer.Ordinal);
        var count = steps.GetValueOrDefault(at.Step) + by;
        if (count == 0) steps.Remove(at.Step);
        else steps[at.Step] = count;
    }
}
