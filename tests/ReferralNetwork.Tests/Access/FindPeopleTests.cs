using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>GET /api/people: administrators find advocates by name instead of typing user ids.</summary>
public sealed class FindPeopleTests(ApiFixture api)
{
    private async Task<PeopleFound> Find(string query) =>
        (await api.Client.GetFromJsonAsync<PeopleFound>($"/api/people?{query}", ProviderScenarios.Json))!;

    private async Task<string> SignedIn(string name, string role = Roles.Advocate)
    {
        var id = $"{role}-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(new Caller(id, role, Name: name, Email: $"{id}@example.org"), "/api/referrals")).StatusCode);
        return id;
    }

    [Fact]
    public async Task part_of_a_name_in_any_case_finds_the_advocate_and_an_exact_name_comes_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var longer = await SignedIn($"Marisol {tag} Quintero-Lopez");
        var exact = await SignedIn($"Marisol {tag}");
        await SignedIn($"Marisol {tag} Admin", Roles.Admin);

        var found = await Find($"role=advocate&name={Uri.EscapeDataString($"marisol {tag.ToUpperInvariant()}")}");

        Assert.Equal([exact, longer], found.Items.Select(p => p.Id));
        Assert.Equal($"Marisol {tag}", found.Items[0].Name);
        Assert.Equal($"{exact}@example.org", found.Items[0].Email);
        Assert.False(found.More);
    }

    [Fact]
    public async Task a_name_nobody_has_finds_nobody_and_an_advocate_seen_only_on_referrals_is_found_by_user_id()
    {
        Assert.Empty((await Find($"name=nobody-{Guid.NewGuid():N}")).Items);

        // ReferralScenarios sends as a caller without a name claim; the referral still names the advocate's user id.
        await api.Referred();
        var byId = await Find($"role=advocate&name={ReferralScenarios.Advocate}");
        Assert.Contains(byId.Items, p => p.Id == ReferralScenarios.Advocate && p.Role == Roles.Advocate);
    }

    [Fact]
    public async Task by_id_gives_the_names_of_those_known()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var known = await SignedIn($"Noor {tag}");

        var found = await Find($"id={known}&id=never-signed-in-{tag}");

        Assert.Equal([($"Noor {tag}", known)], found.Items.Select(p => (p.Name, p.Id)));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("name=a", "name")]
    [InlineData("name=ana&id=x", "name")]
    [InlineData("name=ana&role=family", "role")]
    public async Task a_lookup_without_a_usable_name_is_a_400_naming_the_field(string query, string field)
    {
        var response = await api.Client.GetAsync($"/api/people?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    [Fact]
    public async Task only_administrators_may_look_people_up()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAs(Caller.Advocate(), "/api/people?name=ana")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/people?name=ana")).StatusCode);
    }
}
