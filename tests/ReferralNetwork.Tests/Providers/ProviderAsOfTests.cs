using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>GET /api/providers/{id}?asOf=…: the listing rebuilt from the provider's events up to an instant.</summary>
public sealed class ProviderAsOfTests(ApiFixture api)
{
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task a_provider_changed_twice_reads_as_the_middle_state_between_the_changes()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var first = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["emdr"]), provider.ETag);
        var second = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["missing-ongoing"]), first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var session = api.Store.QuerySession();
        // Onboarding writes its own SpecialtiesChanged; the two changes are the last two events.
        var changes = (await session.Events.FetchStreamAsync(provider.Id)).TakeLast(2).ToList();
        Assert.All(changes, e => Assert.IsType<SpecialtiesChanged>(e.Data));

        var response = await api.Client.GetAsync($"/api/providers/{provider.Id}?asOf={Instant(changes[0].Timestamp)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag); // history is not a version to write against
        var middle = (await response.Content.ReadFromJsonAsync<ProviderListing>(ProviderScenarios.Json))!;
        Assert.Equal(["emdr"], middle.Specialties);
        Assert.Equal(changes[0].Version, middle.Version);
        Assert.Equal(["missing-ongoing"], (await api.Listing(provider.Id)).Specialties);
    }

    [Fact]
    public async Task before_the_stream_began_is_a_404_that_says_so()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await using var session = api.Store.QuerySession();
        var onboarded = (await session.Events.FetchStreamAsync(provider.Id))[0].Timestamp;

        var response = await api.Client.GetAsync($"/api/providers/{provider.Id}?asOf={Instant(onboarded.AddSeconds(-1))}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("did not exist yet at that time", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await api.Client.GetAsync($"/api/providers/{Guid.NewGuid()}?asOf={Instant(onboarded)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No provider has id", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-12-01")] // a date alone: which instant of it?
    [InlineData("2026-12-01T10:00:00")] // no offset
    [InlineData("2026-13-01T10:00:00Z")]
    [InlineData("2999-01-01T00:00:00Z")] // the future has no events yet
    public async Task an_asOf_that_is_not_a_past_instant_is_a_400_naming_asOf(string asOf)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Client.GetAsync($"/api/providers/{provider.Id}?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["asOf"]);
    }

    [Fact]
    public async Task an_offset_other_than_z_is_the_same_instant()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await using var session = api.Store.QuerySession();
        var onboarded = (await session.Events.FetchStreamAsync(provider.Id))[0].Timestamp.ToOffset(TimeSpan.FromHours(2));
        var text = onboarded.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

        var response = await api.Client.GetAsync($"/api/providers/{provider.Id}?asOf={Uri.EscapeDataString(text)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task asOf_opens_nothing_the_caller_could_not_read_now()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var other = Caller.Provider(Guid.NewGuid());
        var now = Instant(DateTimeOffset.UtcNow);

        var plain = await api.GetAs(other, $"/api/providers/{provider.Id}");
        var asOf = await api.GetAs(other, $"/api/providers/{provider.Id}?asOf={now}");

        Assert.NotEqual(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(plain.StatusCode, asOf.StatusCode);
    }
}
