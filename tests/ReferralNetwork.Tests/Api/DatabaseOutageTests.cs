using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Api;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// PostgreSQL stopped under a running host (its own cluster): every request that needs the database answers 503 with
/// Retry-After at once, as ProblemDetails for the API and the calm "briefly unavailable" page for the pages; once the
/// database is back, the same requests succeed.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task while_the_database_is_away_requests_answer_503_with_retry_after_within_the_connect_timeout_and_succeed_once_it_is_back()
    {
        await using var node = await HostOnItsOwnCluster.StartAsync(new Dictionary<string, string?> { ["Database:ConnectTimeout"] = "00:00:03" });
        var provider = await Onboard(node);
        var pages = node.Anonymous();
        var advocate = Caller.Advocate("advocate-outage");
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => node.Client.GetAsync("/api/providers?state=VA"),
            () => node.Client.GetAsync($"/api/providers/{provider}"),
            () => node.Client.GetAsync("/api/referrals"),
            () => node.Client.PostAsJsonAsync("/api/providers", ProviderScenarios.Onboarding("Sam Ortiz"), ProviderScenarios.Json),
        };
        foreach (var request in requests) Assert.True((await request()).IsSuccessStatusCode);

        await node.StopDatabaseAsync();

        foreach (var request in requests)
        {
            var clock = Stopwatch.StartNew();
            var response = await request();
            Assert.True(clock.Elapsed < ConnectTimeout, $"{response.RequestMessage!.RequestUri} took {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            Assert.Equal(503, (await response.Problem()).GetProperty("status").GetInt32());
        }
        // A page through the API, and a page that reads the database itself: the calm page, no code or trace.
        foreach (var path in new[] { "/search?state=VA", "/sign-in" })
        {
            var page = await pages.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).As(advocate));
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("<h1>The service is briefly unavailable</h1>", html);
            Assert.Contains("Please try again in a moment.", html);
            Assert.DoesNotContain("traceId", html);
        }
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await pages.GetAsync("/health/ready")).StatusCode);

        await node.StartDatabaseAsync();
        await ReadyAsync(pages);

        foreach (var request in requests) Assert.True((await request()).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/search?state=VA").As(advocate))).StatusCode);
    }

    private static async Task<Guid> Onboard(HostOnItsOwnCluster node)
    {
        var response = await node.Client.PostAsJsonAsync("/api/providers", ProviderScenarios.Onboarding(), ProviderScenarios.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>(ProviderScenarios.Json))!.Id;
    }

    private sealed record Created(Guid Id);

    /// <summary>Readiness is what a load balancer polls after an outage; nothing else signals that the database is back.</summary>
    private static async Task ReadyAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The host did not become ready within 30 s of the database.");
            await Task.Delay(100);
        }
    }
}
