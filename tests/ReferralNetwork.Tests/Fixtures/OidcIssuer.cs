using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// A real OpenID Connect issuer (OpenIddict's server) on https://127.0.0.1 for the run of a test class: discovery, JWKS,
/// the authorization code flow with PKCE for the pages, client credentials for API callers, and userinfo. It keeps no
/// store (OpenIddict's degraded mode: clients and users are the lists below), and its keys are made at start.
/// </summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    public const string PagesClientId = "referralnetwork-pages";
    public const string PagesClientSecret = "pages-secret";
    /// <summary>Every test user is also a client (client credentials), with this secret: the token is about them.</summary>
    public const string UserClientSecret = "user-secret";
    /// <summary>The scope that asks for a token for this API (audience referralnetwork-api); <see cref="OtherApiScope"/> for another API.</summary>
    public const string ApiScope = "api", OtherApiScope = "other-api", OtherAudience = "another-api";

    private readonly WebApplication _app;

    private OidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer's URL, as a deployment's Authentication:Schemes:Bearer:Authority names it.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Who may sign in (by user id), with their role and provider id.</summary>
    public ConcurrentDictionary<string, Caller> Users { get; } = new();

    /// <summary>The pages' redirect URIs this issuer accepts (registered by the test once the app listens).</summary>
    public ConcurrentDictionary<string, bool> RedirectUris { get; } = new();

    private OpenIddictServerOptions Options => _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;

    /// <summary>The key id new tokens are signed with.</summary>
    public string SigningKeyId => Options.SigningCredentials[0].Kid;

    public static async Task<OidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = typeof(OidcIssuer).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(LoopbackCertificate.Certificate)));
        OidcIssuer? issuer = null;
        builder.Services.AddAuthentication().AddCookie(OidcIssuerEndpoints.LoginScheme, o =>
        {
            o.LoginPath = "/login";
            o.ReturnUrlParameter = "returnUrl";
        });
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.EnableDegradedMode();
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetUserInfoEndpointUris("connect/userinfo");
            o.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, ApiScope, OtherApiScope);
            o.AddSigningKey(NewSigningKey());
            o.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
            // Access tokens as plain signed JWTs, like Keycloak's or Entra's, so that any resource server can read them.
            o.DisableAccessTokenEncryption();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableUserInfoEndpointPassthrough();
            // Degraded mode: the issuer checks its clients itself.
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != PagesClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri is null || !issuer!.RedirectUris.ContainsKey(context.RedirectUri)) context.Reject(Errors.InvalidRequest, "Unregistered redirect_uri.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                var known = context.ClientId == PagesClientId
                    ? context.ClientSecret == PagesClientSecret
                    : context.ClientId is not null && issuer!.Users.ContainsKey(context.ClientId) && context.ClientSecret == UserClientSecret;
                if (!known) context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                return default;
            }));
        });
        var app = builder.Build();
        issuer = new OidcIssuer(app);
        app.UseAuthentication();
        OidcIssuerEndpoints.Map(app, issuer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.Authority = new Uri(address.TrimEnd('/') + "/");
        return issuer;
    }

    /// <summary>
    /// Rotates the signing key as an issuer does: a new key (new kid) signs from now on and is published in the JWKS
    /// beside the old one, which still verifies the tokens it signed until they expire.
    /// </summary>
    public string RotateSigningKey()
    {
        Options.SigningCredentials.Insert(0, new SigningCredentials(NewSigningKey(), SecurityAlgorithms.RsaSha256));
        return SigningKeyId;
    }

    /// <summary>An access token for <paramref name="userId"/> by client credentials, as an API client would get one.</summary>
    public async Task<string> AccessTokenAsync(string userId, string scope = ApiScope)
    {
        using var http = new HttpClient(LoopbackCertificate.TrustingHandler()) { BaseAddress = Authority };
        var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = userId,
            ["client_secret"] = UserClientSecret,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.True(response.IsSuccessStatusCode, $"The issuer refused a token: {string.Join(", ", body ?? [])}");
        return body!["access_token"].ToString()!;
    }

    private static RsaSecurityKey NewSigningKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
