using Marten;
using Marten.Events;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>
/// The async projections run under Wolverine-managed distribution (with the DistributedLock stand-in and
/// UseAdvisoryLockTransaction): this proves they reach the expected state after a burst of events.
/// </summary>
public sealed class ProviderResponseStatsTests(ApiFixture api)
{
    [Fact]
    public async Task stats_follow_a_burst_of_referrals_with_rate_median_and_open_count()
    {
        await api.ResetAsync();
        var sample = ProviderScenarios.Onboarding();
        var provider = (await api.Onboarded(sample with { Availability = sample.Availability with { OpenProBonoSlots = 10 } })).Id;
        var referrals = new List<Guid>();
        for (var i = 0; i < 6; i++)
            referrals.Add(Guid.Parse((await api.Refer(ReferralScenarios.Request(provider))).Headers.Location!.ToString()[^36..]));

        // Answers 2, 4 and 6 hours after the requests; one declined, one expires, one withdrawn, one left open.
        using (api.Clock.Advance(TimeSpan.FromHours(2))) await api.Act(referrals[0], "accept");
        using (api.Clock.Advance(TimeSpan.FromHours(4))) await api.Act(referrals[1], "waitlist", ReferralScenarios.BodyFor("waitlist"));
        using (api.Clock.Advance(TimeSpan.FromHours(6))) await api.Act(referrals[2], "decline", ReferralScenarios.BodyFor("decline"));
        await api.Act(referrals[1], "accept"); // accepting after a waitlist does not re-time the first answer
        using (api.Clock.Advance(TimeSpan.FromDays(6))) await api.Host.InvokeMessageAndWaitAsync(new ExpireReferral(referrals[3]));
        await api.Act(referrals[4], "withdraw", ReferralScenarios.BodyFor("withdraw"));

        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));

        await using var session = api.Store.QuerySession();
        var stats = await session.LoadAsync<ProviderResponseStats>(provider);
        Assert.NotNull(stats);
        Assert.Equal(6, stats.Received);
        Assert.Equal(2, stats.Accepted);
        Assert.Equal(1, stats.Declined);
        Assert.Equal(1, stats.Expired);
        Assert.Equal(3, stats.Open); // two accepted + one untouched
        Assert.Equal(Math.Round(2.0 / 4, 3), stats.AcceptanceRate);
        Assert.NotNull(stats.MedianHoursToAnswer);
        Assert.InRange(stats.MedianHoursToAnswer!.Value, 3.9, 4.1);
        Assert.Equal([referrals[5]], stats.Unanswered.Keys);

        // Search carries the counts behind each figure: 3 first answers timed; 2 accepted of 4 decided.
        var listed = (await api.Search("state=VA")).Items.Single(i => i.Id == provider);
        Assert.Equal((3, 2, 4), (listed.Responses!.Answers, listed.Responses.Accepted, listed.Responses.Decided));
    }
}

public sealed class RespondsFastestSearchTests(ApiFixture api)
{
    [Fact]
    public async Task search_shows_response_stats_and_can_sort_by_the_fastest_answers()
    {
        await api.ResetAsync();
        var slow = (await api.Onboarded(ProviderScenarios.Onboarding("Avery Slow"))).Id;
        var fast = (await api.Onboarded(ProviderScenarios.Onboarding("Blair Fast"))).Id;
        var silent = (await api.Onboarded(ProviderScenarios.Onboarding("Casey Silent"))).Id;
        var toSlow = Guid.Parse((await api.Refer(ReferralScenarios.Request(slow))).Headers.Location!.ToString()[^36..]);
        var toFast = Guid.Parse((await api.Refer(ReferralScenarios.Request(fast))).Headers.Location!.ToString()[^36..]);
        using (api.Clock.Advance(TimeSpan.FromHours(5))) await api.Act(toSlow, "accept");
        using (api.Clock.Advance(TimeSpan.FromHours(1))) await api.Act(toFast, "accept");
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));

        var byName = await api.Search("state=VA");
        var fastest = await api.Search("state=VA&sort=responds-fastest");

        Assert.Equal([slow, fast, silent], byName.Items.Select(i => i.Id));
        Assert.Equal([fast, slow, silent], fastest.Items.Select(i => i.Id));
        Assert.InRange(fastest.Items[0].Responses!.MedianHoursToAnswer!.Value, 0.9, 1.1);
        Assert.Equal(1.0, fastest.Items[0].Responses!.AcceptanceRate);
        Assert.Equal((1, 1, 1), (fastest.Items[0].Responses!.Answers, fastest.Items[0].Responses!.Accepted, fastest.Items[0].Responses!.Decided));
        Assert.Null(fastest.Items[2].Responses);
        Assert.All(fastest.Items, i => Assert.False(i.Stale));
    }
}
