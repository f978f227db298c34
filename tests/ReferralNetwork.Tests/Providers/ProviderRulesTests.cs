using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Http;

namespace ReferralNetwork.Tests.Providers;

/// <summary>Given events → when a command → then events or the broken rule. No database.</summary>
public sealed class ProviderRulesTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static Provider Given(params object[] events)
    {
        var provider = Provider.Create((ProviderOnboarded)events[0]) with { Version = 1 };
        foreach (var e in events.Skip(1))
        {
            provider = e switch
            {
                SpecialtiesChanged x => provider.Apply(x),
                FeeTermsChanged x => provider.Apply(x),
                AvailabilityChanged x => provider.Apply(x),
                ProfileUpdated x => provider.Apply(x),
                ProviderVerified x => provider.Apply(x),
                ProviderVerificationLapsed x => provider.Apply(x),
                ProviderDeactivated x => provider.Apply(x),
                ProviderReactivated x => provider.Apply(x),
                _ => throw new ArgumentException(e.GetType().Name),
            };
            provider.Version++;
        }
        return provider;
    }

    private static object[] Onboarding() => OnboardProviderEndpoint.Onboard(Id, ProviderScenarios.Onboarding());

    private static Dictionary<string, string[]> Errors(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem).Errors.ToDictionary();

    [Fact]
    public void onboarding_starts_the_stream_with_profile_specialties_fee_terms_and_availability()
    {
        var events = Onboarding();

        var onboarded = Assert.IsType<ProviderOnboarded>(events[0]);
        Assert.Equal(Id, onboarded.ProviderId);
        Assert.Equal(["DC", "VA"], onboarded.Profile.Licences.Select(l => l.State).Order());
        Assert.Equal("VA", onboarded.Profile.Locations.Single().State);
        Assert.NotEqual(0, onboarded.Profile.Locations.Single().Latitude);
        Assert.Equal(["cse-trafficking", "tf-cbt"], Assert.IsType<SpecialtiesChanged>(events[1]).Specialties);
        Assert.IsType<FeeTermsChanged>(events[2]);
        Assert.Equal(new AvailabilityChanged(new Availability(AcceptingStatus.Accepting, 2, 3, 2)), events[3]);
    }

    [Fact]
    public void a_changed_specialty_set_is_one_event_and_the_same_set_is_none()
    {
        var provider = Given(Onboarding());

        var changed = Assert.IsType<SpecialtiesChanged>(Assert.Single(ChangeSpecialtiesEndpoint.Decide(new ChangeSpecialties(["tf-cbt", "EMDR", "emdr"]), provider)));
        Assert.Equal(["emdr", "tf-cbt"], changed.Specialties);
        Assert.Empty(ChangeSpecialtiesEndpoint.Decide(new ChangeSpecialties(["TF-CBT", "cse-trafficking"]), provider));
    }

    [Fact]
    public void sliding_scale_minimum_may_not_exceed_its_maximum()
    {
        var problem = ChangeFeeTermsEndpoint.Validate(new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 90, 40, true), null));

        Assert.Equal(["must not be more than maxFeeUsd"], Errors(problem)["slidingScale.minFeeUsd"]);
    }

    [Fact]
    public void fee_terms_must_offer_pro_bono_or_a_sliding_scale()
    {
        var problem = ChangeFeeTermsEndpoint.Validate(new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(false, null, null, false), null));

        Assert.Contains("offer at least one", Errors(problem)["proBono"].Single());
    }

    [Fact]
    public void a_profile_needs_at_least_one_licence_and_telehealth_only_where_licensed()
    {
        var today = ProviderScenarios.Today;
        var profile = ProviderScenarios.Onboarding().Profile;
        var noLicence = profile with { Licences = [] };
        var unlicensedTelehealth = profile with { TelehealthStates = ["VA", "CA"] };
        var expired = profile with { Licences = [new Licence("LCSW", "VA", "1", today)] };

        Assert.Contains("licences", Errors(UpdateProfileEndpoint.Validate(noLicence, TimeProvider.System)).Keys);
        Assert.Equal(["CA needs an unexpired licence in that state"], Errors(UpdateProfileEndpoint.Validate(unlicensedTelehealth, TimeProvider.System))["telehealthStates"]);
        Assert.Contains("licences[0].expiresOn", Errors(UpdateProfileEndpoint.Validate(expired, TimeProvider.System)).Keys);
    }

    [Fact]
    public void a_practice_zip_must_lie_in_the_state_given_and_be_licensed_there()
    {
        var sample = ProviderScenarios.Onboarding();
        var wrongState = sample with { Profile = sample.Profile with { Locations = [new PracticeAddress(null, "1 Main St", "Alexandria", "MD", "22314")] } };

        // Inside onboarding, profile fields are named under "profile."
        var errors = Errors(OnboardProviderEndpoint.Validate(wrongState, TimeProvider.System))["profile.locations[0].state"];

        Assert.Contains("ZIP 22314 is in VA, not MD", errors);
        Assert.Contains("in-person practice needs a licence in that state", errors);
    }

    [Theory]
    [InlineData("1234567893", true)]  // the CMS worked example
    [InlineData("1234567890", false)]
    [InlineData("123456789", false)]
    [InlineData("12345678a3", false)]
    public void an_npi_has_a_luhn_check_digit_over_prefix_80840(string npi, bool valid) => Assert.Equal(valid, Npi.IsValid(npi));

    [Fact]
    public void a_deactivated_provider_takes_no_change_and_an_active_one_cannot_be_reactivated()
    {
        var deactivated = Given([.. Onboarding(), new ProviderDeactivated("left the network")]);
        var active = Given(Onboarding());

        Assert.Equal(409, ProviderRules.MustBeActive(deactivated).Status);
        Assert.Same(WolverineContinue.NoProblems, ProviderRules.MustBeActive(active));
        Assert.Equal(409, ReactivateProviderEndpoint.MustBeDeactivated(active).Status);
        Assert.Same(WolverineContinue.NoProblems, ReactivateProviderEndpoint.MustBeDeactivated(deactivated));
    }

    [Fact]
    public void a_licence_change_lapses_a_verification_but_a_bio_change_does_not()
    {
        var verified = Given([.. Onboarding(), new ProviderVerified(null)]);
        var p = ProviderScenarios.Onboarding().Profile;
        var newBio = p with { Bio = "New bio" };
        var newLicence = newBio with { Licences = [.. p.Licences, new Licence("LCSW", "MD", "MD-1", ProviderScenarios.Today.AddYears(1))] };

        Assert.Single(UpdateProfileEndpoint.Decide(newBio, verified));
        var events = UpdateProfileEndpoint.Decide(newLicence, verified);
        Assert.Equal(2, events.Count);
        Assert.IsType<ProviderVerificationLapsed>(events[1]);
        Assert.False(Given([.. Onboarding(), new ProviderVerified(null), .. events]).Verified);
    }

    [Fact]
    public void if_match_must_name_the_current_version()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        Assert.Equal(428, ETag.CheckIfMatch(context, 4).Status);
        context.Request.Headers.IfMatch = "\"3\"";
        Assert.Equal(412, ETag.CheckIfMatch(context, 4).Status);
        context.Request.Headers.IfMatch = "\"4\"";
        Assert.Same(WolverineContinue.NoProblems, ETag.CheckIfMatch(context, 4));
    }
}
