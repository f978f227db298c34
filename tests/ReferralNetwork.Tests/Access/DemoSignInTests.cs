using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>The Development-only sign-in: pick a demo user, get the session cookie the web pages use.</summary>
public sealed class DemoSignInTests(ApiFixture api)
{
    [Fact]
    public async Task in_development_a_demo_user_of_each_role_can_sign_in_with_a_cookie_and_sign_out()
    {
        await api.Onboarded(ProviderScenarios.Onboarding("Aaron Aardvark"));
        var browser = api.NewClient();

        var users = await browser.GetFromJsonAsync<DemoUser[]>("/api/dev/demo-users", ProviderScenarios.Json);
        Assert.Equal(Roles.All.Order(), users!.Select(u => u.Role).Distinct().Order());
        var demoProvider = users!.First(u => u.Role == Roles.Provider);
        var provider = demoProvider.ProviderId!.Value;

        var signIn = await browser.PostAsJsonAsync("/api/dev/sign-in", new DemoSignInRequest(demoProvider.UserId));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        // The cookie is a provider's: their own profile, not search.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/providers/{provider}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/providers?state=VA")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/providers/{provider}")).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"userId\":\"someone-made-up\"}")]
    public async Task an_unknown_demo_user_is_a_400_naming_the_field(string body)
    {
        var response = await api.NewClient().PostAsync("/api/dev/sign-in", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors("userId"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task outside_development_the_demo_sign_in_does_not_exist()
    {
        await using var production = ApiFixture.CreateHost("Production", new Dictionary<string, string?>
        {
            ["Authentication:Schemes:OpenIdConnect:Authority"] = "https://login.example.org/realms/referralnetwork",
            ["Authentication:Schemes:OpenIdConnect:ClientId"] = "referralnetwork-pages",
        });
        var client = production.CreateClient();

        Assert.DoesNotContain(AuthorizationMatrixTests.MappedRoutes(production.Services).Keys, r => r.Contains("/api/dev/", StringComparison.Ordinal));
        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/api/dev/demo-users"),
            new HttpRequestMessage(HttpMethod.Post, "/api/dev/sign-in") { Content = JsonContent.Create(new DemoSignInRequest("demo-admin")) },
        })
        {
            var response = await client.SendAsync(request.As(Caller.Admin));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
        // The sign-in page offers the organisation's sign-in, and no demo users.
        var signIn = await (await client.GetAsync("/sign-in")).Content.ReadAsStringAsync();
        Assert.Contains("Sign in with your organisation", signIn);
        Assert.DoesNotContain("Demo users", signIn);
        Assert.DoesNotContain("demo-admin", signIn);
        // The same app in Production otherwise serves as usual.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/specialties").As(Caller.Admin))).StatusCode);
    }
}
