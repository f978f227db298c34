using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>Only a token the configured issuer signed, for this API's audience, still in date, gets in.</summary>
public sealed class TokenTests(ApiFixture api)
{
    public static TheoryData<string> BadTokens => new(["expired", "signed-with-another-key", "wrong-audience", "wrong-issuer", "not-a-jwt", "unsigned"]);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task a_bad_token_is_401_with_a_bearer_challenge_and_changes_nothing(string kind)
    {
        var caller = Caller.Advocate("advocate-with-a-bad-token");
        var token = kind switch
        {
            "expired" => TestTokens.Mint(caller, expires: DateTime.UtcNow.AddMinutes(-5)),
            "signed-with-another-key" => TestTokens.Mint(caller, key: RandomNumberGenerator.GetBytes(32)),
            "wrong-audience" => TestTokens.Mint(caller, audience: "some-other-api"),
            "wrong-issuer" => TestTokens.Mint(caller, issuer: "https://evil.example"),
            "unsigned" => Unsigned(TestTokens.Mint(caller)),
            _ => "not-a-jwt",
        };
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/api/referrals"),
            new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = System.Net.Http.Json.JsonContent.Create(ReferralScenarios.Request(provider.Id), options: ProviderScenarios.Json) },
        })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await api.Anonymous.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(401, (await response.Problem()).GetProperty("status").GetInt32());
        }
        await using var session = api.Store.QuerySession();
        Assert.Empty(await Marten.QueryableExtensions.ToListAsync(session.Query<ReferralNetwork.Referrals.ReferralSummary>().Where(r => r.ProviderId == provider.Id)));
    }

    [Fact]
    public async Task the_same_token_signed_properly_gets_in()
    {
        var response = await api.GetAs(Caller.Advocate("advocate-with-a-good-token"), "/api/referrals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task a_valid_token_with_no_role_this_system_knows_is_403_everywhere()
    {
        var nurse = new Caller("nurse-nina", "nurse");

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAs(nurse, "/api/specialties")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAs(nurse, "/api/referrals")).StatusCode);
    }

    [Fact]
    public async Task a_provider_token_without_a_provider_id_can_neither_join_nor_read_a_profile()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var unbound = new Caller("provider-without-claim", "provider");

        var join = await api.SendAs(unbound, HttpMethod.Post, "/api/providers",
            System.Net.Http.Json.JsonContent.Create(ProviderScenarios.Onboarding(), options: ProviderScenarios.Json));
        var read = await api.GetAs(unbound, $"/api/providers/{provider.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, join.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    /// <summary>The same header and payload with alg "none" and no signature.</summary>
    private static string Unsigned(string jwt)
    {
        var parts = jwt.Split('.');
        var header = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{parts[1]}.";
    }
}
