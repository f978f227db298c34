using System.Net;
using System.Net.Http.Json;
using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// A write made with the session cookie must come from this app's own origin; a page on another origin (even a sibling
/// subdomain, which SameSite does not stop) cannot ride the cookie. Bearer-token clients are not affected.
/// </summary>
public sealed class CrossSiteWriteTests(ApiFixture api)
{
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData(Evil, "cross-site")]
    [InlineData("https://other.localhost", "same-site")]
    [InlineData(Evil, null)]
    [InlineData("null", null)]
    public async Task a_referral_sent_with_an_advocates_cookie_from_another_origin_is_refused_and_nothing_is_written(string origin, string? site)
    {
        var provider = await FirstDemoProvider();
        var advocate = await SignedIn("demo-advocate-ana");

        var response = await advocate.SendAsync(Post("/api/referrals", ReferralScenarios.Request(provider), origin, site));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Cross-site request refused", (await response.Problem()).GetProperty("title").GetString());
        Assert.Equal(0, await ReferralsTo(provider));
    }

    [Fact]
    public async Task the_providers_view_from_another_origin_is_refused_and_the_version_does_not_move()
    {
        var provider = await FirstDemoProvider();
        var referral = Guid.Parse((await api.Refer(ReferralScenarios.Request(provider))).Headers.Location!.ToString()[^36..]);
        var before = await VersionOf(referral);
        var recipient = await SignedIn($"demo-provider-{provider:N}");

        var refused = await recipient.SendAsync(Post($"/api/referrals/{referral}/view", null, Evil, "cross-site"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await VersionOf(referral));
        // The same provider from this app's own origin: the view is recorded.
        var viewed = await recipient.SendAsync(Post($"/api/referrals/{referral}/view", null, Origin, "same-origin"));
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        Assert.Equal(before + 1, await VersionOf(referral));
    }

    [Theory]
    [InlineData(true, "same-origin")]
    [InlineData(true, null)]
    [InlineData(false, null)]
    public async Task the_same_cookie_from_this_origin_or_from_no_browser_at_all_works(bool sendOrigin, string? site)
    {
        var provider = await FirstDemoProvider();
        var advocate = await SignedIn("demo-advocate-ana");

        var response = await advocate.SendAsync(Post("/api/referrals", ReferralScenarios.Request(provider), sendOrigin ? Origin : null, site));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await ReferralsTo(provider));
    }

    [Fact]
    public async Task a_bearer_token_client_is_not_judged_by_origin()
    {
        var provider = await FirstDemoProvider();

        var response = await api.Anonymous.SendAsync(Post("/api/referrals", ReferralScenarios.Request(provider), Evil, "cross-site").As(Caller.Advocate()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await ReferralsTo(provider));
    }

    private string Origin => api.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>A verified provider the demo sign-in lists (the first by name on a clean store).</summary>
    private async Task<Guid> FirstDemoProvider()
    {
        await api.ResetAsync();
        return (await api.Onboarded(ProviderScenarios.Onboarding("Aaron Aardvark"))).Id;
    }

    private async Task<HttpClient> SignedIn(string userId)
    {
        var browser = api.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/dev/sign-in", new DemoSignInRequest(userId))).StatusCode);
        return browser;
    }

    private static HttpRequestMessage Post(string path, object? body, string? origin, string? site)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ProviderScenarios.Json);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);
        return request;
    }

    private async Task<int> ReferralsTo(Guid provider)
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<ReferralSummary>().CountAsync(r => r.ProviderId == provider);
    }

    private async Task<long> VersionOf(Guid referral)
    {
        await using var session = api.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(referral))!.Version;
    }
}
