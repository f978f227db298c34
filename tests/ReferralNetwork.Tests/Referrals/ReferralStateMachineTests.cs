using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using Wolverine.Http;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>Every transition and every forbidden one, on the aggregate alone.</summary>
public sealed class ReferralStateMachineTests
{
    private static readonly string[] AllActions = [Referral.View, Referral.Accept, Referral.Waitlist, Referral.Decline, Referral.Schedule, Referral.Close, Referral.Withdraw, Referral.Expire];

    public static TheoryData<ReferralStatus, string[]> Expected => new()
    {
        { ReferralStatus.Requested, [Referral.View, Referral.Accept, Referral.Waitlist, Referral.Decline, Referral.Withdraw, Referral.Expire] },
        { ReferralStatus.Viewed, [Referral.View, Referral.Accept, Referral.Waitlist, Referral.Decline, Referral.Withdraw, Referral.Expire] },
        { ReferralStatus.Waitlisted, [Referral.View, Referral.Accept, Referral.Decline, Referral.Withdraw] },
        { ReferralStatus.Accepted, [Referral.View, Referral.Schedule, Referral.Close, Referral.Withdraw] },
        { ReferralStatus.Scheduled, [Referral.View, Referral.Schedule, Referral.Close, Referral.Withdraw] },
        { ReferralStatus.Declined, [] },
        { ReferralStatus.Closed, [] },
        { ReferralStatus.Withdrawn, [] },
        { ReferralStatus.Expired, [] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void each_state_allows_exactly_its_actions_and_names_them_in_the_409(ReferralStatus status, string[] allowed)
    {
        var referral = new Referral { Id = Guid.NewGuid(), Status = status };

        foreach (var action in AllActions)
        {
            var answer = ReferralRules.Allows(referral, action);
            if (allowed.Contains(action))
            {
                Assert.Same(WolverineContinue.NoProblems, answer);
                continue;
            }
            Assert.Equal(409, answer.Status);
            Assert.Equal(ReferralRules.Kebab(status.ToString()), answer.Extensions["state"]);
            Assert.Equal(allowed, (IEnumerable<string>)answer.Extensions["allowedActions"]!);
        }
    }

    [Fact]
    public void events_move_the_referral_through_its_lifecycle()
    {
        var provider = Guid.NewGuid();
        var referral = Referral.Create(new ReferralRequested(Guid.NewGuid(), provider, "a", "FA-1", new FamilyNeeds(["tf-cbt"], "child", "en", "VA", false),
            Urgency.Routine, FeeKind.SlidingScale, new ContactPreference(ContactChannel.AdvocateRelaysOnly, null), null, FeeTerms.None, DateTimeOffset.UtcNow, false));

        Assert.Equal(ReferralStatus.Requested, referral.Status);
        referral = referral.Apply(new ReferralViewed(provider));
        Assert.Equal(ReferralStatus.Viewed, referral.Status);
        referral = referral.Apply(new ReferralAccepted(provider, FeeKind.SlidingScale));
        Assert.True(referral.HoldsSlot);
        referral = referral.Apply(new ReferralViewed(provider)); // a later view changes nothing
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        referral = referral.Apply(new FirstSessionScheduled(provider, new DateOnly(2026, 12, 1)));
        Assert.True(referral.HoldsSlot);
        referral = referral.Apply(new ReferralClosed(provider, CloseOutcome.Completed, null));
        Assert.False(referral.HoldsSlot);
        Assert.Empty(referral.AllowedActions);
    }

    [Fact]
    public void acceptance_needs_an_open_slot_of_the_referrals_fee_kind_at_an_active_provider()
    {
        var provider = new Provider { Availability = new Availability(AcceptingStatus.Accepting, 0, 1, null) };

        Assert.Same(WolverineContinue.NoProblems, AcceptReferralEndpoint.CanTake(provider, FeeKind.SlidingScale));
        Assert.Contains("no open pro-bono slot", AcceptReferralEndpoint.CanTake(provider, FeeKind.ProBono).Detail);
        Assert.Equal(409, AcceptReferralEndpoint.CanTake(provider with { Status = ProviderStatus.Deactivated }, FeeKind.SlidingScale).Status);
    }
}
