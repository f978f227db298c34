using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// IDOR: someone who is not a party, asking about another provider's or another advocate's things by id, gets the
/// answer a made-up id gets (so ids cannot be probed), and changes nothing.
/// </summary>
public sealed class ObjectLevelAccessTests(ApiFixture api)
{
    public static TheoryData<string> IdBearingRoutes => new(AuthorizationMatrixTests.Matrix.Keys.Where(r => r.Contains("{providerId}") || r.Contains("{referralId}")));

    [Theory]
    [MemberData(nameof(IdBearingRoutes))]
    public async Task a_stranger_gets_the_same_answer_as_for_an_id_that_does_not_exist_and_nothing_changes(string route)
    {
        var (provider, referral) = await api.Referred();
        var providerVersion = await StreamVersion(provider);
        var referralVersion = await StreamVersion(referral);
        Caller[] strangers = route.Contains("{referralId}")
            ? [Caller.Provider((await api.Onboarded(ProviderScenarios.Onboarding("Other Provider"))).Id), Caller.Advocate("advocate-bea")]
            : [Caller.Provider((await api.Onboarded(ProviderScenarios.Onboarding("Other Provider"))).Id)];

        foreach (var stranger in strangers)
        {
            var (method, existing) = AuthorizationMatrixTests.Request(route, provider, referral);
            var (_, madeUp) = AuthorizationMatrixTests.Request(route, Guid.NewGuid(), Guid.NewGuid());
            var real = await Send(stranger, method, existing);
            var fake = await Send(stranger, method, madeUp);

            Assert.True(real.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{route} as {stranger.UserId}: {(int)real.Status}");
            Assert.Equal(fake.Status, real.Status);
            Assert.Equal(fake.Title, real.Title);
            Assert.Equal(fake.Detail?.Replace(madeUp.Split('/')[3], "{id}", StringComparison.Ordinal), real.Detail?.Replace(existing.Split('/')[3], "{id}", StringComparison.Ordinal));
        }
        Assert.Equal(providerVersion, await StreamVersion(provider));
        Assert.Equal(referralVersion, await StreamVersion(referral));
    }

    [Fact]
    public async Task lists_show_each_caller_only_their_own_referrals_whatever_the_filters_say()
    {
        var (provider, sent) = await api.Referred();
        var otherProvider = await api.Onboarded(ProviderScenarios.Onboarding("Other Provider"));
        var byBea = await api.Refer(ReferralScenarios.Request(otherProvider.Id), advocate: "advocate-bea");
        Assert.Equal(HttpStatusCode.Created, byBea.StatusCode);

        async Task<Guid[]> Listed(Caller caller, string query = "")
        {
            var page = await (await api.GetAs(caller, $"/api/referrals?pageSize=200{query}")).Content.ReadFromJsonAsync<ReferralPage>(ProviderScenarios.Json);
            return page!.Items.Select(r => r.Id).ToArray();
        }

        Assert.Contains(sent, await Listed(Caller.Advocate()));
        Assert.DoesNotContain(sent, await Listed(Caller.Advocate("advocate-bea")));
        Assert.DoesNotContain(sent, await Listed(Caller.Advocate("advocate-bea"), "&advocateId=" + ReferralScenarios.Advocate));
        Assert.Equal([sent], await Listed(Caller.Provider(provider)));
        Assert.Empty(await Listed(Caller.Provider(otherProvider.Id), $"&providerId={provider}"));
        Assert.Contains(sent, await Listed(Caller.Admin, $"&providerId={provider}"));
    }

    [Fact]
    public async Task a_providers_contact_details_reach_advocates_admins_and_the_provider_themself_and_never_search_results()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Contact Check"));

        foreach (var caller in new[] { Caller.Advocate(), Caller.Admin, Caller.Provider(provider.Id) })
        {
            var listing = await (await api.GetAs(caller, $"/api/providers/{provider.Id}")).Content.ReadFromJsonAsync<ProviderListing>(ProviderScenarios.Json);
            Assert.Equal("jordan.rivera@example.org", listing!.Contact.Email);
        }
        var other = await api.GetAs(Caller.Provider(Guid.NewGuid()), $"/api/providers/{provider.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("jordan.rivera@example.org", await other.Content.ReadAsStringAsync());
        var search = await (await api.GetAs(Caller.Advocate(), "/api/providers?state=VA&pageSize=100")).Content.ReadAsStringAsync();
        Assert.Contains("Contact Check", search);
        Assert.DoesNotContain("jordan.rivera@example.org", search);
    }

    [Fact]
    public async Task a_referrals_notes_reach_its_two_parties_and_admins_only()
    {
        var (provider, referral) = await api.Referred();
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "decline", new DeclineReferral(DeclineReason.Other, "Private note for the advocate"))).StatusCode);

        foreach (var party in new[] { Caller.Advocate(), Caller.Provider(provider), Caller.Admin })
        {
            var summary = await (await api.GetAs(party, $"/api/referrals/{referral}")).Content.ReadFromJsonAsync<ReferralSummary>(ProviderScenarios.Json);
            Assert.Equal("Prefers afternoons.", summary!.Note);
            Assert.Equal("Private note for the advocate", summary.DeclineNote);
        }
        foreach (var stranger in new[] { Caller.Advocate("advocate-bea"), Caller.Provider(Guid.NewGuid()) })
        {
            var direct = await api.GetAs(stranger, $"/api/referrals/{referral}");
            var listed = await (await api.GetAs(stranger, "/api/referrals?pageSize=200")).Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
            Assert.DoesNotContain("Private note", await direct.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Private note", listed);
        }
    }

    private async Task<(HttpStatusCode Status, string? Title, string? Detail)> Send(Caller caller, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await api.Anonymous.SendAsync(request.As(caller));
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/problem+json") return (response.StatusCode, null, null);
        var problem = JsonDocument.Parse(body).RootElement;
        return (response.StatusCode, problem.GetProperty("title").GetString(), problem.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }

    private async Task<long> StreamVersion(Guid id)
    {
        await using var session = api.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
