using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReferralNetwork.Access;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>
/// POST /api/providers/{id}/fit: need by need what fits, whether a referral would be taken now, and always the
/// same verdict as POST /api/referrals for the same needs.
/// </summary>
public sealed class CheckFitTests(ApiFixture api)
{
    /// <summary>Needs <see cref="ProviderScenarios.Onboarding"/> meets in full: trafficking, TF-CBT, a child, Spanish, in person in VA, pro bono.</summary>
    public static CheckFit Family() => new(["cse-trafficking"], ["tf-cbt"], "child", "es", "VA", null, false, FeeChoice.ProBono, null);

    public static TheoryData<string, string> Mismatches => new()
    {
        { ProviderFit.Situation, "not-offered" }, { ProviderFit.Treatments, "not-offered" }, { ProviderFit.AgeGroup, "not-served" },
        { ProviderFit.Language, "not-spoken" }, { ProviderFit.Place, "no-practice-in-state" }, { ProviderFit.Budget, "above-budget" },
    };

    [Fact]
    public async Task a_family_the_provider_serves_fits_need_by_need_and_can_be_referred_now()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        var fit = await Fit(provider.Id, Family() with { Zip = "22302", State = null, BudgetUsd = 30 });

        Assert.Equal([ProviderFit.Situation, ProviderFit.Treatments, ProviderFit.AgeGroup, ProviderFit.Language, ProviderFit.Place, ProviderFit.Fee, ProviderFit.Budget],
            fit.Needs.Select(n => n.Need));
        Assert.All(fit.Needs, n => Assert.True(n.Fits, $"{n.Need}: {n.Reason}"));
        var place = fit.Needs.Single(n => n.Need == ProviderFit.Place);
        Assert.Equal("in-person", place.Reason);
        Assert.InRange(place.DistanceMiles!.Value, 0.1, 10);
        Assert.True(fit.CanTakeReferralNow);
        Assert.Empty(fit.Reasons);
        Assert.Equal(["cse-trafficking", "tf-cbt"], fit.Referral.Needs.Specialties);
        Assert.Equal(("child", "es", "VA", false, FeeKind.ProBono), (fit.Referral.Needs.AgeGroup, fit.Referral.Needs.Language, fit.Referral.Needs.State, fit.Referral.Needs.Telehealth, fit.Referral.FeeNeed));
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task a_need_the_provider_does_not_meet_is_named_and_only_it(string need, string reason)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var family = Family();
        family = need switch
        {
            ProviderFit.Situation => family with { Situation = ["siblings"] },
            ProviderFit.Treatments => family with { Treatments = ["emdr", "tf-cbt"] },
            ProviderFit.AgeGroup => family with { AgeGroup = "adult" },
            ProviderFit.Language => family with { Language = "vi" },
            ProviderFit.Place => family with { State = "CA" },
            _ => family with { Fee = FeeChoice.SlidingScale, BudgetUsd = 15 },
        };

        var fit = await Fit(provider.Id, family);

        var unmet = Assert.Single(fit.Needs, n => !n.Fits);
        Assert.Equal((need, reason), (unmet.Need, unmet.Reason));
        if (need == ProviderFit.Treatments) Assert.Equal(["emdr"], unmet.Missing);
        // The budget is the one need a referral does not carry: it never stops one.
        Assert.Equal(need == ProviderFit.Budget, fit.CanTakeReferralNow);
        Assert.Equal(need == ProviderFit.Budget ? [] : [CheckFitEndpoint.NeedsNotMet], fit.Reasons);
    }

    [Fact]
    public async Task fee_terms_the_provider_does_not_offer_do_not_fit()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding() with
        {
            FeeTerms = new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 20, 80, true), null),
            Availability = new ChangeAvailability(AcceptingStatus.Accepting, 0, 3, 2),
        });

        var fit = await Fit(provider.Id, Family());

        var fee = Assert.Single(fit.Needs, n => !n.Fits);
        Assert.Equal((ProviderFit.Fee, "not-offered"), (fee.Need, fee.Reason));
        Assert.False(fit.CanTakeReferralNow);
        // "Either" goes with the sliding scale the provider offers.
        var either = await Fit(provider.Id, Family() with { Fee = FeeChoice.Either, BudgetUsd = 25 });
        Assert.True(either.CanTakeReferralNow);
        Assert.Equal(FeeKind.SlidingScale, either.Referral.FeeNeed);
        Assert.Equal("within-budget", either.Needs.Single(n => n.Need == ProviderFit.Budget).Reason);
    }

    [Fact]
    public async Task a_provider_not_accepting_fits_but_cannot_take_a_referral_now()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding() with { Availability = new ChangeAvailability(AcceptingStatus.Paused, 2, 3, null) });

        var fit = await Fit(provider.Id, Family());

        Assert.All(fit.Needs, n => Assert.True(n.Fits));
        Assert.False(fit.CanTakeReferralNow);
        Assert.Equal([ProviderFit.NotAccepting], fit.Reasons);
    }

    [Fact]
    public async Task no_open_place_of_the_fee_kind_stops_a_referral_of_that_kind_only()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding() with { Availability = new ChangeAvailability(AcceptingStatus.Accepting, 0, 3, 2) });

        var proBono = await Fit(provider.Id, Family());
        var either = await Fit(provider.Id, Family() with { Fee = FeeChoice.Either });

        Assert.False(proBono.CanTakeReferralNow);
        Assert.Equal([ProviderFit.NoOpenPlaces], proBono.Reasons);
        Assert.True(either.CanTakeReferralNow);
        Assert.Equal(FeeKind.SlidingScale, either.Referral.FeeNeed);
    }

    [Fact]
    public async Task a_practice_whose_state_licence_has_expired_does_not_fit_that_state()
    {
        // Licensed in VA for two years (the practice and telehealth state) and in DC for one.
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        using (api.Clock.Advance(TimeSpan.FromDays(365 * 2 + 2)))
        {
            var fit = await Fit(provider.Id, Family() with { Telehealth = true });

            var place = Assert.Single(fit.Needs, n => !n.Fits);
            Assert.Equal((ProviderFit.Place, "no-valid-licence"), (place.Need, place.Reason));
            Assert.False(fit.CanTakeReferralNow);
        }
    }

    [Fact]
    public async Task an_unverified_or_deactivated_provider_cannot_take_a_referral_and_an_unknown_one_is_404()
    {
        var unverified = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var deactivated = await api.Onboarded(ProviderScenarios.Onboarding());
        await api.Send(HttpMethod.Post, $"/api/providers/{deactivated.Id}/deactivate", new DeactivateProvider("left"), deactivated.ETag);

        Assert.Equal([ProviderFit.NotVerified], (await Fit(unverified.Id, Family())).Reasons);
        Assert.Equal([ProviderFit.Deactivated], (await Fit(deactivated.Id, Family())).Reasons);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(Guid.NewGuid(), Family(), Caller.Advocate())).StatusCode);
    }

    [Fact]
    public async Task the_check_is_audited_with_the_provider_id_and_none_of_the_familys_needs()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        await Fit(provider.Id, Family() with { Zip = "22302", State = null, Language = "es", BudgetUsd = 987.5m });

        var records = await api.Client.GetFromJsonAsync<AccessRecordPage>($"/api/audit?subjectId={provider.Id}&action=check-fit", ProviderScenarios.Json);
        var record = Assert.Single(records!.Items);
        Assert.Equal((ReferralScenarios.Advocate, Roles.Advocate, AccessAudit.CheckFit), (record.UserId, record.Role, record.Action));
        Assert.Null(record.Query);
        var stored = JsonSerializer.Serialize(record, ProviderScenarios.Json);
        foreach (var value in new[] { "22302", "cse-trafficking", "tf-cbt", "child", "\"es\"", "987.5", "pro-bono" })
            Assert.DoesNotContain(value, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task only_advocates_and_admins_may_check_fit()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(provider.Id, Family(), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(provider.Id, Family(), Caller.Provider(provider.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(provider.Id, Family(), Caller.Provider(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(provider.Id, Family(), Caller.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(provider.Id, Family(), Caller.Advocate())).StatusCode);
    }

    [Theory]
    [InlineData("{}", "situation")]
    [InlineData("""{"situation":["tf-cbt"]}""", "situation[0]")]
    [InlineData("""{"treatments":["siblings"]}""", "treatments[0]")]
    [InlineData("""{"situation":["siblings","caregivers","reunification"],"treatments":["tf-cbt","emdr","cpp"]}""", "treatments")]
    [InlineData("""{"ageGroup":"toddler"}""", "ageGroup")]
    [InlineData("""{"language":"xx"}""", "language")]
    [InlineData("{}", "state")]
    [InlineData("""{"state":"ZZ"}""", "state")]
    [InlineData("""{"zip":"00000"}""", "zip")]
    [InlineData("""{"zip":"60614","state":"VA"}""", "zip")]
    [InlineData("{}", "fee")]
    [InlineData("""{"budgetUsd":-5}""", "budgetUsd")]
    [InlineData("null", "body")]
    public async Task bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        var response = await api.SendAs(Caller.Advocate(), HttpMethod.Post, $"/api/providers/{provider.Id}/fit",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    private async Task<FitCheck> Fit(Guid provider, CheckFit family)
    {
        var response = await Post(provider, family, Caller.Advocate());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FitCheck>(ProviderScenarios.Json))!;
    }

    private Task<HttpResponseMessage> Post(Guid provider, CheckFit family, Caller? caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/providers/{provider}/fit") { Content = JsonContent.Create(family, options: ProviderScenarios.Json) };
        return api.Anonymous.SendAsync(caller is null ? request : request.As(caller));
    }
}
