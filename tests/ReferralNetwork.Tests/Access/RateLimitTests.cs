using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>On a host of its own with tiny limits: past the limit a caller gets 429 with Retry-After, and nothing else happens.</summary>
public sealed class RateLimitTests(ApiFixture api)
{
    [Fact]
    public async Task search_and_writes_are_limited_per_caller_with_429_and_retry_after()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        await using var host = ApiFixture.CreateHost("Development", new Dictionary<string, string?>
        {
            ["RateLimits:SearchPerMinute"] = "3",
            ["RateLimits:WritesPerMinute"] = "2",
        });
        var client = host.CreateClient();
        var ana = Caller.Advocate("advocate-rate-ana");
        var bea = Caller.Advocate("advocate-rate-bea");

        HttpRequestMessage Search(Caller caller) => new HttpRequestMessage(HttpMethod.Get, "/api/providers?state=VA").As(caller);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Search(ana))).StatusCode);
        var limited = await client.SendAsync(Search(ana));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(429, (await limited.Problem()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Search(bea))).StatusCode);

        HttpRequestMessage Refer(Caller caller) => new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(ReferralScenarios.Request(provider.Id), options: ProviderScenarios.Json),
        }.As(caller);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Refer(ana))).StatusCode);
        var refused = await client.SendAsync(Refer(ana));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await using var session = api.Store.QuerySession();
        Assert.Equal(2, await session.Query<ReferralSummary>().CountAsync(r => r.AdvocateId == ana.UserId));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Refer(bea))).StatusCode);
    }
}
