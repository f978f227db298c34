using System.Net.Http.Json;
using Marten.Events;
using ReferralNetwork.Network;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Marten;

namespace ReferralNetwork.Tests.Network;

public sealed class NetworkStatsTests(ApiFixture api)
{
    [Fact]
    public async Task the_report_counts_referral_steps_by_week_and_state_and_shows_capacity_and_gaps()
    {
        await api.ResetAsync();
        var (provider, first) = await api.Referred();
        var second = Guid.Parse((await api.Refer(ReferralScenarios.Request(provider))).Headers.Location!.ToString()[^36..]);
        await api.Act(first, "accept");
        await api.Act(second, "decline", ReferralScenarios.BodyFor("decline"));
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));

        var report = (await api.Client.GetFromJsonAsync<NetworkReport>("/api/network/stats", ProviderScenarios.Json))!;

        var week = Assert.Single(report.ReferralsByWeek);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd"), week.Key);
        // Each referral once, under the step it has reached: none is still waiting for an answer.
        Assert.Equal(new Dictionary<string, int> { ["accepted"] = 1, ["declined"] = 1 }, week.Value["VA"]);
        Assert.Equal(1, report.OpenReferralsByState["VA"]);
        // The sample provider practises in VA (telehealth VA) with 2 pro bono and 3 sliding-scale slots; one pro bono is taken.
        var virginia = report.CapacityByState.Single(c => c.State == "VA");
        Assert.Equal(new StateCapacity("VA", 1, 1, 3), virginia);
        Assert.Equal(new StateCapacity("CA", 0, 0, 0), report.CapacityByState.Single(c => c.State == "CA"));
        Assert.DoesNotContain(new CoverageGap("VA", "tf-cbt"), report.CoverageGaps);
        Assert.Contains(new CoverageGap("VA", "emdr"), report.CoverageGaps);
        Assert.Contains(new CoverageGap("CA", "tf-cbt"), report.CoverageGaps);
        Assert.Equal(51 * 28 - 2, report.CoverageGaps.Count); // VA is covered for tf-cbt and cse-trafficking only
    }

    [Fact]
    public async Task one_referral_counts_once_in_its_week_however_many_steps_it_takes()
    {
        await api.ResetAsync();
        var (_, referral) = await api.Referred();
        await api.Referred(); // still waiting for an answer
        foreach (var action in new[] { "view", "waitlist", "accept", "schedule", "schedule", "close" })
            Assert.True((await api.Act(referral, action, ReferralScenarios.BodyFor(action))).IsSuccessStatusCode, action);
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));

        var report = (await api.Client.GetFromJsonAsync<NetworkReport>("/api/network/stats", ProviderScenarios.Json))!;

        var virginia = Assert.Single(report.ReferralsByWeek).Value["VA"];
        Assert.Equal(new Dictionary<string, int> { ["closed"] = 1, ["requested"] = 1 }, virginia);
        Assert.Equal(1, report.OpenReferralsByState["VA"]);
    }
}
