using System.Net;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>Each change over HTTP: the new ETag, the listing after it, and the If-Match contract.</summary>
public sealed class ChangeProviderTests(ApiFixture api)
{
    [Fact]
    public async Task changing_specialties_replaces_the_set_and_bumps_the_etag()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["EMDR", "missing-ongoing"]), provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"5\"", response.Headers.ETag?.Tag);
        var listing = await api.Listing(provider.Id);
        Assert.Equal(["emdr", "missing-ongoing"], listing.Specialties);
        Assert.Equal(5, listing.Version);
    }

    [Fact]
    public async Task the_same_specialties_again_write_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["tf-cbt", "cse-trafficking"]), provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(provider.ETag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task changing_fee_terms_updates_the_searchable_terms()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms",
            new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 35, 90, true), null), provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = await api.Listing(provider.Id);
        Assert.False(listing.ProBono);
        Assert.Equal(35m, listing.SlidingScaleMinFeeUsd);
        Assert.Equal(new FeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 35, 90, true), null), listing.FeeTerms);
    }

    [Fact]
    public async Task pausing_availability_keeps_the_listing_but_not_accepting()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Paused, 0, 0, 6), provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = await api.Listing(provider.Id);
        Assert.Equal(new Availability(AcceptingStatus.Paused, 0, 0, 6), listing.Availability);
        Assert.False(listing.Accepting);
        Assert.True(listing.Active);
    }

    [Fact]
    public async Task updating_the_profile_moves_the_practice_and_a_licence_change_lapses_verification()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        Assert.True((await api.Listing(provider.Id)).Verified);
        var profile = ProviderScenarios.Onboarding().Profile;
        var moved = new UpdateProfile("Jordan Rivera-Lee", ["LCSW", "LICSW"], null,
            [new Licence("LICSW", "MD", "MD-778", ProviderScenarios.Today.AddYears(3))],
            [new PracticeAddress(null, "1 Main St", "Baltimore", "MD", "21201")], ["MD"], ["en"], ["adolescent"],
            profile.Contact, null);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", moved, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"7\"", response.Headers.ETag?.Tag); // ProfileUpdated + ProviderVerificationLapsed
        var listing = await api.Listing(provider.Id);
        Assert.Equal("Jordan Rivera-Lee", listing.Name);
        Assert.Equal(["MD"], listing.PracticeStates);
        Assert.False(listing.Verified);
    }

    [Fact]
    public async Task a_separate_referrals_address_and_private_details_are_kept_and_a_bad_referrals_address_is_refused()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var profile = ProviderScenarios.Onboarding().Profile;

        var bad = profile with { Contact = profile.Contact with { ReferralsEmail = "intake desk" } };
        var refused = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", bad, provider.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("must be an email address", (await refused.Problem()).Errors("contact.referralsEmail").Single());

        var intake = profile with { Contact = profile.Contact with { ReferralsEmail = "intake@example.org", EmailPrivate = true, PhonePrivate = true } };
        var saved = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", intake, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var contact = (await api.Listing(provider.Id)).Contact;
        Assert.Equal(new ProviderContact("jordan.rivera@example.org", "+1 555 0100", "intake@example.org", true, true), contact);
        Assert.Equal("intake@example.org", contact.ReferralsAddress);
        Assert.Equal("jordan.rivera@example.org", (contact with { ReferralsEmail = null }).ReferralsAddress);
    }

    [Fact]
    public async Task confirming_availability_moves_last_confirmed()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var before = (await api.Listing(provider.Id)).LastConfirmedAt;

        var response = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/confirm-availability", null, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await api.Listing(provider.Id)).LastConfirmedAt > before);
    }

    [Fact]
    public async Task two_writers_on_the_same_version_one_wins_and_the_other_gets_412_with_nothing_written()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var first = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["emdr"]), provider.ETag);
        var second = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["cpt"]), provider.ETag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Contains("does not match", (await second.Problem()).GetProperty("detail").GetString());
        var listing = await api.Listing(provider.Id);
        Assert.Equal(["emdr"], listing.Specialties);
        Assert.Equal(5, listing.Version);
    }

    [Fact]
    public async Task concurrent_writers_racing_on_the_same_version_never_both_succeed()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability", new ChangeAvailability(AcceptingStatus.Accepting, i + 10, 0, null), provider.ETag)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Equal(5, (await api.Listing(provider.Id)).Version);
    }

    [Fact]
    public async Task a_write_without_if_match_is_428_and_changes_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["emdr"]), ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal(4, (await api.Listing(provider.Id)).Version);
    }

    [Fact]
    public async Task a_deactivated_provider_cannot_be_changed_until_reactivated()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var deactivated = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/deactivate", new DeactivateProvider("licence under review"), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        var etag = deactivated.Headers.ETag!.Tag;

        var change = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["emdr"]), etag);
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Contains("deactivated", (await change.Problem()).GetProperty("detail").GetString());

        var reactivated = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/reactivate", new ReactivateProvider(null), etag);
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        var again = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/reactivate", new ReactivateProvider(null), reactivated.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await api.Listing(provider.Id)).Active);
    }

    [Fact]
    public async Task a_verified_provider_is_not_verified_again_until_its_licences_change()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var before = await api.Listing(provider.Id);

        var again = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/verify", new VerifyProvider(null), provider.ETag);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already verified", (await again.Problem()).GetProperty("detail").GetString());
        var after = await api.Listing(provider.Id);
        Assert.Equal((before.Version, before.VerifiedAt), (after.Version, after.VerifiedAt));
    }

    [Fact]
    public async Task writes_to_an_unknown_provider_are_404()
    {
        var response = await api.Send(HttpMethod.Put, $"/api/providers/{Guid.NewGuid()}/specialties", new ChangeSpecialties(["emdr"]), "\"1\"");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.Problem()).GetProperty("status").GetInt32());
    }
}
