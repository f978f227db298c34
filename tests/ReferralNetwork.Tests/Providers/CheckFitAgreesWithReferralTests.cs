using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>
/// The fit check and the referral can never disagree: for many needs and providers, "can take a referral now" is
/// exactly whether POST /api/referrals with the same needs (and no override) is accepted.
/// </summary>
public sealed class CheckFitAgreesWithReferralTests(ApiFixture api)
{
    [Fact]
    public async Task can_take_a_referral_now_is_exactly_whether_the_referral_is_accepted()
    {
        var sample = ProviderScenarios.Onboarding();
        var everywhere = sample with { Profile = sample.Profile with { TelehealthStates = ["VA", "DC"] } };
        Guid[] providers =
        [
            (await api.Onboarded(everywhere)).Id,
            (await api.Onboarded(sample with { Availability = new ChangeAvailability(AcceptingStatus.Accepting, 0, 3, 2) })).Id,
            (await api.Onboarded(sample with
            {
                FeeTerms = new ChangeFeeTerms(new ProBonoTerms(true, 6), new SlidingScaleTerms(false, null, null, false), null),
                Availability = new ChangeAvailability(AcceptingStatus.Accepting, 2, 0, 2),
            })).Id,
            (await api.Onboarded(sample with { Availability = new ChangeAvailability(AcceptingStatus.NotAccepting, 1, 1, null) })).Id,
            (await api.Onboarded(sample, verify: false)).Id,
        ];
        var random = new Random(13);
        T Pick<T>(T usual, params T[] others) => random.NextDouble() < 0.75 ? usual : others[random.Next(others.Length)];
        var outcomes = new List<(bool Fit, HttpStatusCode Referral)>();

        for (var i = 0; i < 60; i++)
        {
            var (state, telehealth) = Pick(("VA", false), ("DC", false), ("DC", true), ("CA", true));
            var family = new CheckFit([Pick("cse-trafficking", "siblings")], random.Next(2) == 0 ? [] : [Pick("tf-cbt", "emdr")],
                Pick("child", "adult"), Pick("es", "vi"), state, null, telehealth, Pick(FeeChoice.Either, FeeChoice.ProBono, FeeChoice.SlidingScale), null);
            var provider = providers[random.Next(providers.Length)];

            var response = await api.SendAs(Caller.Advocate(), HttpMethod.Post, $"/api/providers/{provider}/fit", JsonContent.Create(family, options: ProviderScenarios.Json));
            var fit = (await response.Content.ReadFromJsonAsync<FitCheck>(ProviderScenarios.Json))!;
            var referral = await api.Refer(new RequestReferral(provider, $"FA-FIT-{i}", fit.Referral.Needs, Urgency.Routine, fit.Referral.FeeNeed,
                new ContactPreference(ContactChannel.AdvocateRelaysOnly, null), null));

            Assert.True(referral.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"{referral.StatusCode}: {await referral.Content.ReadAsStringAsync()}");
            Assert.True(fit.CanTakeReferralNow == (referral.StatusCode == HttpStatusCode.Created),
                $"{family} at provider {Array.IndexOf(providers, provider)}: fit says {fit.CanTakeReferralNow} ({string.Join(", ", fit.Reasons)}), the referral got {(int)referral.StatusCode} {await referral.Content.ReadAsStringAsync()}");
            outcomes.Add((fit.CanTakeReferralNow, referral.StatusCode));
        }

        // Both verdicts were exercised, many times.
        Assert.InRange(outcomes.Count(o => o.Fit), 8, 52);
    }
}
