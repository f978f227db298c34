using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// The bearer path a deployment takes: only an Authority and an audience are configured, and the app finds the issuer's
/// keys through its discovery document and JWKS, follows a key rotation, and refuses other issuers' and audiences' tokens.
/// </summary>
public sealed class OidcIssuerTests(ApiFixture api, ProductionSignIn production) : IClassFixture<ProductionSignIn>
{
    private OidcIssuer Issuer => production.Issuer;

    [Fact]
    public async Task the_issuers_access_tokens_are_accepted_through_discovery_and_jwks_with_role_and_provider_id()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Issuer Tokens {Guid.NewGuid().ToString("N")[..6]}"));
        var other = await api.Onboarded(ProviderScenarios.Onboarding($"Someone Else {Guid.NewGuid().ToString("N")[..6]}"));
        var advocate = Register(Caller.Advocate($"ana-{Guid.NewGuid():N}"));
        var providerUser = Register(Caller.Provider(provider.Id, $"rivera-{Guid.NewGuid():N}"));
        var admin = Register(new Caller($"avery-{Guid.NewGuid():N}", Roles.Admin));

        var token = await Issuer.AccessTokenAsync(advocate.UserId);
        // A signed JWT (three parts; an encrypted one has five), signed with the issuer's published RSA key.
        var jwt = new JsonWebToken(token);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(Issuer.SigningKeyId, jwt.Kid);
        Assert.Equal(Issuer.Authority.ToString(), jwt.Issuer);
        Assert.Contains(TestTokens.Audience, jwt.Audiences);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, "/api/providers?state=VA"));
        // role: a provider may not search; provider_id: their own profile, not another's.
        var providerToken = await Issuer.AccessTokenAsync(providerUser.UserId);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(providerToken, "/api/providers?state=VA"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(providerToken, $"/api/providers/{provider.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(providerToken, $"/api/providers/{other.Id}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(await Issuer.AccessTokenAsync(admin.UserId), "/api/audit"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, "/api/audit"));
    }

    [Fact]
    public async Task a_rotated_signing_key_is_picked_up_without_a_restart_and_the_old_one_still_verifies()
    {
        var advocate = Register(Caller.Advocate($"rotating-{Guid.NewGuid():N}"));
        var before = await Issuer.AccessTokenAsync(advocate.UserId);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(before, "/api/referrals")); // the app now holds the issuer's keys

        var oldKey = new JsonWebToken(before).Kid;
        var newKey = Issuer.RotateSigningKey();
        var after = await Issuer.AccessTokenAsync(advocate.UserId);
        Assert.Equal(newKey, new JsonWebToken(after).Kid);
        Assert.NotEqual(oldKey, newKey);

        // An unknown kid makes the app re-read the JWKS (at most once per RefreshInterval, in the background): within
        // moments the new key's tokens get in, with the same app process.
        var status = await StatusAsync(after, "/api/referrals");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = await StatusAsync(after, "/api/referrals");
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(before, "/api/referrals"));
    }

    [Fact]
    public async Task a_token_from_another_issuer_or_for_another_audience_is_401()
    {
        var advocate = Register(Caller.Advocate($"elsewhere-{Guid.NewGuid():N}"));
        await using var otherIssuer = await OidcIssuer.StartAsync();
        otherIssuer.Users[advocate.UserId] = advocate;

        foreach (var token in new[] { await otherIssuer.AccessTokenAsync(advocate.UserId), await Issuer.AccessTokenAsync(advocate.UserId, OidcIssuer.OtherApiScope) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var client = production.NewClient();
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("invalid_token", challenge.Parameter);
        }
        // The same caller with this issuer's token for this API gets in.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(await Issuer.AccessTokenAsync(advocate.UserId), "/api/referrals"));
    }

    private Caller Register(Caller caller) => Issuer.Users[caller.UserId] = caller;

    private async Task<HttpStatusCode> StatusAsync(string token, string path)
    {
        using var client = production.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }
}
