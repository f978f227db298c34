using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Referrals;

public sealed class ReferralLifecycleTests(ApiFixture api)
{
    [Fact]
    public async Task a_referral_goes_from_request_to_first_session_to_close_and_capacity_follows()
    {
        var (provider, referral) = await api.Referred();
        var requested = await api.Summary(referral);
        Assert.Equal(ReferralStatus.Requested, requested.Status);
        Assert.Equal(ReferralScenarios.Advocate, requested.AdvocateId);
        Assert.Equal("VA", requested.FamilyState);
        Assert.True(requested.PromisedFeeTerms.ProBono.Offered);
        Assert.InRange(requested.RespondBy - requested.RequestedAt, TimeSpan.FromDays(5) - TimeSpan.FromSeconds(5), TimeSpan.FromDays(5) + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "view")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        Assert.Equal(1, (await api.Listing(provider)).Availability.OpenProBonoSlots); // took one of two
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "schedule", ReferralScenarios.BodyFor("schedule"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "close", ReferralScenarios.BodyFor("close"))).StatusCode);

        var closed = await api.Summary(referral);
        Assert.Equal(ReferralStatus.Closed, closed.Status);
        Assert.Equal(CloseOutcome.Completed, closed.Outcome);
        Assert.Equal(ProviderScenarios.Today.AddDays(7), closed.FirstSessionOn);
        Assert.True(closed.RequestedAt <= closed.ViewedAt && closed.ViewedAt <= closed.AcceptedAt && closed.AcceptedAt == closed.AnsweredAt
                    && closed.AcceptedAt <= closed.ScheduledAt && closed.ScheduledAt <= closed.ClosedAt);
        Assert.Equal(2, (await api.Listing(provider)).Availability.OpenProBonoSlots); // given back on close
    }

    [Theory]
    [InlineData("withdraw", ReferralStatus.Withdrawn)]
    [InlineData("decline", ReferralStatus.Declined)]
    [InlineData("waitlist", ReferralStatus.Waitlisted)]
    public async Task an_open_referral_can_be_answered_or_withdrawn(string action, ReferralStatus expected)
    {
        var (_, referral) = await api.Referred();

        var response = await api.Act(referral, action, ReferralScenarios.BodyFor(action));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await api.Summary(referral)).Status);
    }

    [Fact]
    public async Task withdrawing_an_accepted_referral_gives_its_slot_back()
    {
        var (provider, referral) = await api.Referred();
        await api.Act(referral, "accept");

        await api.Act(referral, "withdraw", ReferralScenarios.BodyFor("withdraw"));

        Assert.Equal(2, (await api.Listing(provider)).Availability.OpenProBonoSlots);
    }

    [Theory]
    [InlineData("decline", "accept")]
    [InlineData("decline", "withdraw")]
    [InlineData("withdraw", "view")]
    [InlineData("accept", "decline")]
    [InlineData("accept", "waitlist")]
    [InlineData("waitlist", "waitlist")]
    public async Task an_action_the_state_does_not_allow_is_409_naming_the_state_and_what_it_allows(string first, string then)
    {
        var (_, referral) = await api.Referred();
        await api.Act(referral, first, ReferralScenarios.BodyFor(first));
        var before = await api.Summary(referral);

        var response = await api.Act(referral, then, ReferralScenarios.BodyFor(then));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Problem();
        Assert.Equal(ReferralRules.Kebab(before.Status.ToString()), problem.GetProperty("state").GetString());
        Assert.True(problem.TryGetProperty("allowedActions", out _));
        Assert.Equal(before.Version, (await api.Summary(referral)).Version);
    }

    [Fact]
    public async Task declining_needs_a_reason_and_other_needs_a_note()
    {
        var (_, referral) = await api.Referred();

        var noReason = await api.Act(referral, "decline", new DeclineReferral(null, null));
        var otherWithoutNote = await api.Act(referral, "decline", new DeclineReferral(DeclineReason.Other, null));

        Assert.NotEmpty((await noReason.Problem()).Errors("reason"));
        Assert.NotEmpty((await otherWithoutNote.Problem()).Errors("note"));
        Assert.Equal(ReferralStatus.Requested, (await api.Summary(referral)).Status);
    }

    [Fact]
    public async Task an_unknown_referral_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/referrals/{Guid.NewGuid()}")).StatusCode);
        var accept = await api.Act(Guid.NewGuid(), "accept");
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        await accept.Problem();
    }
}
