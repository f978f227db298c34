using System.Net;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>Open slots only for the fee terms offered: the API refuses the contradiction from either side.</summary>
public sealed class FeeContradictionTests(ApiFixture api)
{
    private static readonly ProBonoTerms NoProBono = new(false, null);
    private static readonly SlidingScaleTerms NoSlidingScale = new(false, null, null, false);

    private async Task<ProviderScenarios.Written> OnboardedOffering(bool proBono, bool slidingScale) =>
        await api.Onboarded(ProviderScenarios.Onboarding() with
        {
            FeeTerms = new ChangeFeeTerms(proBono ? new ProBonoTerms(true, 8) : NoProBono,
                slidingScale ? new SlidingScaleTerms(true, 20, 80, true) : NoSlidingScale, null),
            Availability = new ChangeAvailability(AcceptingStatus.Accepting, proBono ? 2 : 0, slidingScale ? 3 : 0, 2),
        }, verify: false);

    [Theory]
    [InlineData(false, true, 1, 0, "openProBonoSlots", "must be 0 while the fee terms do not offer pro bono")]
    [InlineData(true, false, 0, 1, "openSlidingScaleSlots", "must be 0 while the fee terms do not offer a sliding scale")]
    public async Task open_slots_for_terms_not_offered_are_refused_and_nothing_changes(bool proBono, bool sliding, int proBonoSlots, int slidingSlots, string field, string rule)
    {
        var provider = await OnboardedOffering(proBono, sliding);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Accepting, proBonoSlots, slidingSlots, 2), provider.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([rule], (await response.Problem()).Errors(field));
        Assert.Equal(4, (await api.Listing(provider.Id)).Version);
    }

    [Theory]
    [InlineData(true, "proBono.offered", "cannot be turned off while availability lists open pro bono slots: set them to 0 first")]
    [InlineData(false, "slidingScale.offered", "cannot be turned off while availability lists open sliding-scale slots: set them to 0 first")]
    public async Task an_offer_is_not_withdrawn_while_its_slots_are_open(bool withdrawProBono, string field, string rule)
    {
        var provider = await OnboardedOffering(proBono: true, slidingScale: true);
        var terms = new ChangeFeeTerms(withdrawProBono ? NoProBono : new ProBonoTerms(true, 8),
            withdrawProBono ? new SlidingScaleTerms(true, 20, 80, true) : NoSlidingScale, null);

        var refused = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms", terms, provider.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([rule], (await refused.Problem()).Errors(field));
        Assert.Equal(4, (await api.Listing(provider.Id)).Version);

        // Close the slots first, then the offer can go.
        var closed = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Accepting, withdrawProBono ? 0 : 2, withdrawProBono ? 3 : 0, 2), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var withdrawn = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms", terms, closed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
    }

    [Fact]
    public async Task a_slot_freed_after_its_offer_was_withdrawn_does_not_open_again()
    {
        var (provider, referral) = await api.Referred(ProviderScenarios.Onboarding() with
        {
            Availability = new ChangeAvailability(AcceptingStatus.Accepting, 1, 3, 2),
        });
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        var etag = $"\"{(await api.Listing(provider)).Version}\"";
        var withdrawn = await api.Send(HttpMethod.Put, $"/api/providers/{provider}/fee-terms",
            new ChangeFeeTerms(NoProBono, new SlidingScaleTerms(true, 20, 80, true), null), etag);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "withdraw", ReferralScenarios.BodyFor("withdraw"))).StatusCode);

        Assert.Equal(0, (await api.Listing(provider)).Availability.OpenProBonoSlots);
    }

    [Fact]
    public async Task a_freed_slot_opens_again_while_its_offer_stands()
    {
        var (provider, referral) = await api.Referred(ProviderScenarios.Onboarding() with
        {
            Availability = new ChangeAvailability(AcceptingStatus.Accepting, 1, 3, 2),
        });
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "withdraw", ReferralScenarios.BodyFor("withdraw"))).StatusCode);

        Assert.Equal(1, (await api.Listing(provider)).Availability.OpenProBonoSlots);
    }

    [Fact]
    public async Task onboarding_with_open_slots_for_terms_not_offered_is_refused()
    {
        var sample = ProviderScenarios.Onboarding();

        var response = await api.Send(HttpMethod.Post, "/api/providers",
            sample with { FeeTerms = sample.FeeTerms with { ProBono = NoProBono } }, ifMatch: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["must be 0 while the fee terms do not offer pro bono"], (await response.Problem()).Errors("availability.openProBonoSlots"));
    }
}
