using System.Net;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

public sealed class SecurityHeadersTests(ApiFixture api)
{
    [Theory]
    [InlineData("/api/providers")]
    [InlineData("/api/referrals")]
    [InlineData("/api/providers/not-a-guid")]
    public async Task api_responses_cannot_be_sniffed_framed_or_cached(string path)
    {
        var response = await api.Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task cors_is_closed_by_default()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/providers");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/providers");
        get.Headers.Add("Origin", "https://elsewhere.example");

        var preflightAnswer = await api.Client.SendAsync(preflight);
        var getAnswer = await api.Client.SendAsync(get);

        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(getAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, getAnswer.StatusCode);
    }
}
