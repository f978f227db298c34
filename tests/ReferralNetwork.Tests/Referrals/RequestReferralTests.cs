using System.Net;
using System.Text;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>What a referral may hold, and that it only goes to a provider who serves the family's needs.</summary>
public sealed class RequestReferralTests(ApiFixture api)
{
    public static TheoryData<string, string> UnmetNeeds => new()
    {
        { "specialty", "needs.specialties" }, { "ageGroup", "needs.ageGroup" }, { "language", "needs.language" },
        { "region", "needs.state" }, { "fee", "feeNeed" },
    };

    [Theory]
    [MemberData(nameof(UnmetNeeds))]
    public async Task a_provider_who_does_not_serve_a_need_gets_422_naming_it(string need, string field)
    {
        var sample = ProviderScenarios.Onboarding();
        // Pro bono can be withdrawn only with no pro bono slot open.
        var provider = await api.Onboarded(need == "fee" ? sample with { Availability = sample.Availability with { OpenProBonoSlots = 0 } } : sample);
        var request = ReferralScenarios.Request(provider.Id);
        request = need switch
        {
            "specialty" => request with { Needs = request.Needs with { Specialties = ["emdr"] } },
            "ageGroup" => request with { Needs = request.Needs with { AgeGroup = "adult" } },
            "language" => request with { Needs = request.Needs with { Language = "vi" } },
            "region" => request with { Needs = request.Needs with { State = "CA", Telehealth = true } },
            _ => request,
        };
        if (need == "fee")
        {
            var etag = (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag;
            var withdrawn = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms",
                new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 10, 50, true), null), etag);
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var response = await api.Refer(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    [Fact]
    public async Task telehealth_into_a_licensed_state_meets_the_region_need()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var request = ReferralScenarios.Request(provider.Id);

        var response = await api.Refer(request with { Needs = request.Needs with { State = "VA", Telehealth = true } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task unverified_deactivated_and_unknown_providers_cannot_receive_referrals()
    {
        var unverified = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var deactivated = await api.Onboarded(ProviderScenarios.Onboarding());
        await api.Send(HttpMethod.Post, $"/api/providers/{deactivated.Id}/deactivate", new DeactivateProvider("left"), deactivated.ETag);

        foreach (var id in new[] { unverified.Id, deactivated.Id, Guid.NewGuid() })
        {
            var response = await api.Refer(ReferralScenarios.Request(id));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.NotEmpty((await response.Problem()).Errors("providerId"));
        }
    }

    [Fact]
    public async Task a_provider_not_taking_referrals_needs_the_recorded_override()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability", new ChangeAvailability(AcceptingStatus.Paused, 0, 0, null), provider.ETag);

        var refused = await api.Refer(ReferralScenarios.Request(provider.Id));
        var overridden = await api.Refer(ReferralScenarios.Request(provider.Id) with { SendWhileNotAccepting = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotEmpty((await refused.Problem()).Errors("sendWhileNotAccepting"));
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        Assert.True((await api.Summary(Guid.Parse(overridden.Headers.Location!.ToString()[^36..]))).SentWhileNotAccepting);
    }

    [Fact]
    public async Task a_referral_needs_an_open_place_of_its_own_fee_kind_or_the_recorded_override()
    {
        // Open sliding-scale places, no pro bono one: a pro bono referral could never be accepted as things stand.
        var provider = await api.Onboarded(ProviderScenarios.Onboarding() with { Availability = new ChangeAvailability(AcceptingStatus.Accepting, 0, 3, 2) });

        var proBono = await api.Refer(ReferralScenarios.Request(provider.Id));
        var slidingScale = await api.Refer(ReferralScenarios.Request(provider.Id) with { FeeNeed = FeeKind.SlidingScale });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, proBono.StatusCode);
        Assert.Contains("no open pro-bono place", string.Join(" ", (await proBono.Problem()).Errors("sendWhileNotAccepting")));
        Assert.Equal(HttpStatusCode.Created, slidingScale.StatusCode);
    }

    [Fact]
    public async Task an_in_person_practice_needs_a_licence_valid_today_in_the_familys_state()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        // The VA licence behind the Alexandria practice runs for two years.
        using var later = api.Clock.Advance(TimeSpan.FromDays(365 * 2 + 2));
        var response = await api.Refer(ReferralScenarios.Request(provider.Id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no licence valid today in VA", string.Join(" ", (await response.Problem()).Errors("needs.state")));
    }

    [Theory]
    [InlineData("Emma Smith")]
    [InlineData("emma")]
    [InlineData("FA 2026 1")]
    public async Task the_family_is_a_case_reference_never_a_name(string reference)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        var response = await api.Refer(ReferralScenarios.Request(provider.Id, reference));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("never a name", string.Join(" ", (await response.Problem()).Errors("familyReference")));
    }

    [Theory]
    [InlineData("DOB 03/14/2015, needs evening slots")]
    [InlineData("born on 2015-03-14")]
    [InlineData("date of birth: March")]
    public async Task notes_may_not_carry_dates_of_birth(string note)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        var response = await api.Refer(ReferralScenarios.Request(provider.Id) with { Note = note });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors("note"));
    }

    [Fact]
    public async Task fields_beyond_the_referral_shape_such_as_a_childs_name_are_refused()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var json = System.Text.Json.JsonSerializer.Serialize(ReferralScenarios.Request(provider.Id), ProviderScenarios.Json)
            .Replace("\"familyReference\"", "\"childName\":\"Emma\",\"familyReference\"", StringComparison.Ordinal);

        var response = await api.SendAs(Caller.Advocate(), HttpMethod.Post, "/api/referrals", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("childName", (await response.Problem()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_relayed_contact_holds_no_guardian_details()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        var response = await api.Refer(ReferralScenarios.Request(provider.Id) with { Contact = new ContactPreference(ContactChannel.AdvocateRelaysOnly, "+1 555 0100") });

        Assert.NotEmpty((await response.Problem()).Errors("contact.guardianContact"));
    }
}
