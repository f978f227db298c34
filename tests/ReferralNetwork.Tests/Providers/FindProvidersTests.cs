using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>GET /api/providers/names: administrators find any provider by part of the name.</summary>
public sealed class FindProvidersTests(ApiFixture api)
{
    private async Task<ProvidersFound> Find(string query) =>
        (await api.Client.GetFromJsonAsync<ProvidersFound>($"/api/providers/names?{query}", ProviderScenarios.Json))!;

    [Fact]
    public async Task part_of_a_name_finds_verified_and_unverified_providers_with_an_exact_name_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var longer = await api.Onboarded(ProviderScenarios.Onboarding($"Dr. Imani {tag} Okafor"));
        var exact = await api.Onboarded(ProviderScenarios.Onboarding($"Imani {tag}"), verify: false);

        var found = await Find($"name={Uri.EscapeDataString($"IMANI {tag}")}");

        Assert.Equal([exact.Id, longer.Id], found.Items.Select(p => p.Id));
        Assert.Equal(($"Imani {tag}", false, true), (found.Items[0].Name, found.Items[0].Verified, found.Items[0].Active));
        Assert.Equal(["VA"], found.Items[0].PracticeStates);
        Assert.True(found.Items[1].Verified);
    }

    [Fact]
    public async Task several_matches_are_capped_and_say_there_are_more_and_none_is_an_empty_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 21; i++) await api.Onboarded(ProviderScenarios.Onboarding($"Sam {tag} {i:00}"), verify: false);

        var many = await Find($"name={tag}");

        Assert.Equal(20, many.Items.Count);
        Assert.True(many.More);
        Assert.Equal(many.Items.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name), many.Items.Select(p => p.Name));
        Assert.Empty((await Find($"name=zz{Guid.NewGuid():N}")).Items);
    }

    [Fact]
    public async Task wildcards_in_the_name_are_plain_text()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await api.Onboarded(ProviderScenarios.Onboarding($"Lee {tag}"), verify: false);

        Assert.Empty((await Find($"name={tag[..3]}%25{tag[5..]}")).Items);
        Assert.Empty((await Find($"name={tag[..3]}__{tag[5..]}")).Items);
    }

    [Fact]
    public async Task by_id_gives_the_names_of_those_that_exist()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Rowan Ellis"));

        var found = await Find($"id={provider.Id}&id={Guid.NewGuid()}");

        Assert.Equal([(provider.Id, "Rowan Ellis")], found.Items.Select(p => (p.Id, p.Name)));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("name=x", "name")]
    [InlineData("id=not-a-guid", "id")]
    [InlineData("name=ada&id=00000000-0000-0000-0000-000000000001", "name")]
    public async Task a_lookup_without_a_usable_name_or_id_is_a_400_naming_the_field(string query, string field)
    {
        var response = await api.Client.GetAsync($"/api/providers/names?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    [Fact]
    public async Task only_administrators_may_look_providers_up_by_name()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAs(Caller.Advocate(), "/api/providers/names?name=ada")).StatusCode);
    }
}
