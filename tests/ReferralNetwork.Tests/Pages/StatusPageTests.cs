using System.Net;
using System.Text.Json;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Pages;

/// <summary>The page shown for an error status says what happened and what to do, and the failed post saved nothing.</summary>
public sealed class StatusPageTests(ApiFixture api)
{
    [Fact]
    public async Task a_form_post_without_a_valid_antiforgery_token_says_the_form_expired_and_sends_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var advocate = Caller.Advocate($"advocate-{Guid.NewGuid():N}");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FamilyReference"] = "FA-2026-0077",
            ["Urgency"] = "urgent",
            ["Fee"] = "pro-bono",
            ["Channel"] = "advocate-relays-only",
            ["Specialty"] = "tf-cbt",
            ["AgeGroup"] = "child",
            ["Language"] = "en",
            ["State"] = "VA",
            ["__RequestVerificationToken"] = "a-token-from-a-key-this-site-never-had",
        });

        var response = await api.SendAs(advocate, HttpMethod.Post, $"/referrals/new?providerId={provider.Id}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This form has expired", page);
        Assert.Contains("Nothing was saved", page);
        var sent = await api.GetAs(advocate, "/api/referrals");
        Assert.Equal(0, JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(400, "That request could not be understood")]
    [InlineData(404, "Not found")]
    [InlineData(413, "Too much to send")]
    [InlineData(500, "Something went wrong")]
    [InlineData(503, "The service is briefly unavailable")]
    public async Task each_status_has_its_own_explanation(int code, string heading)
    {
        var response = await api.GetAs(Caller.Advocate(), $"/status/{code}");

        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync());
    }
}
