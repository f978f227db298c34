using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Pages;

/// <summary>"page" is also Razor Pages' own route value: the lists must still open the page asked for.</summary>
public sealed class PagingTests(ApiFixture api)
{
    [Fact]
    public async Task the_search_page_opens_the_result_page_asked_for()
    {
        for (var i = 0; i < 21; i++) await api.Onboarded(ProviderScenarios.Onboarding($"Paging Provider {i:00}"));

        var first = await api.GetAs(Caller.Advocate(), "/search?state=VA&sort=name");
        var second = await api.GetAs(Caller.Advocate(), "/search?state=VA&sort=name&page=2");

        Assert.Contains("Page 1 of", await first.Content.ReadAsStringAsync());
        var body = await second.Content.ReadAsStringAsync();
        Assert.Contains("Page 2 of", body);
        Assert.Contains("rel=\"prev\"", body);
    }
}
