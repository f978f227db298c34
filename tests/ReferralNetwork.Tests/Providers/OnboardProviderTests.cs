using System.Net;
using System.Net.Http.Json;
using JasperFx.Events;
using Marten;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

public sealed class OnboardProviderTests(ApiFixture api)
{
    [Fact]
    public async Task onboarding_answers_201_with_location_and_etag_and_the_listing_is_readable_at_once()
    {
        var response = await api.Client.PostAsJsonAsync("/api/providers", ProviderScenarios.Onboarding(), ProviderScenarios.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/api/providers/[0-9a-f-]{36}$", location);

        var get = await api.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("\"4\"", get.Headers.ETag?.Tag);
        var listing = await api.Listing(Guid.Parse(location[^36..]));
        Assert.Equal("Jordan Rivera", listing.Name);
        Assert.Equal(4, listing.Version);
        Assert.Equal(["cse-trafficking", "tf-cbt"], listing.Specialties);
        Assert.Equal(["en", "es"], listing.Languages);
        Assert.Equal(["VA"], listing.PracticeStates);
        Assert.False(listing.Verified);
        Assert.True(listing.Accepting);
        Assert.True(listing.ProBono);
        Assert.Equal(20m, listing.SlidingScaleMinFeeUsd);
        // Coordinates come from the ZIP centroid of 22314 at write time.
        Assert.InRange(listing.Locations[0].Latitude, 38.7, 38.9);
        Assert.InRange(listing.Locations[0].Longitude, -77.2, -77.0);
    }

    [Fact]
    public async Task a_provider_user_joins_as_the_provider_its_claim_names_and_every_event_records_who_did_it()
    {
        var joining = Caller.Provider(Guid.NewGuid(), "dr-jordan");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/providers")
        {
            Content = JsonContent.Create(ProviderScenarios.Onboarding(), options: ProviderScenarios.Json),
        };
        request.Headers.Add("X-Correlation-Id", "case-check-42");
        var response = await api.Anonymous.SendAsync(request.As(joining));
        var id = Guid.Parse(response.Headers.Location!.ToString()[^36..]);
        Assert.Equal(joining.ProviderId, id);

        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);

        Assert.Equal([typeof(ProviderOnboarded), typeof(SpecialtiesChanged), typeof(FeeTermsChanged), typeof(AvailabilityChanged)],
            events.Select(e => e.EventType));
        Assert.All(events, e =>
        {
            Assert.Equal("dr-jordan", e.UserName);
            Assert.Equal("provider", e.GetHeader("role")?.ToString());
            Assert.Equal("case-check-42", e.CorrelationId);
        });

        // Joining twice is a conflict, and changes nothing.
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/providers")
        {
            Content = JsonContent.Create(ProviderScenarios.Onboarding("Someone Else"), options: ProviderScenarios.Json),
        };
        var second = await api.Anonymous.SendAsync(again.As(joining));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(4, (await session.Events.FetchStreamAsync(id)).Count);
    }

    [Fact]
    public async Task an_unknown_provider_is_404_problem_details()
    {
        var response = await api.Client.GetAsync($"/api/providers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Problem();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task if_none_match_with_the_current_etag_is_304()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/providers/{provider.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", provider.ETag);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }
}
