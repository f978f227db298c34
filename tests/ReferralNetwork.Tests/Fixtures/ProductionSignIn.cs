using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Api;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// The app as a deployment runs it: Production, HTTPS, bearer tokens and the pages' sign-in both from an OIDC issuer
/// named only by its URL (<see cref="OidcIssuer"/>), on the run's database. Nothing about the issuer is configured but
/// what a deployment sets; the one test-only change is that the app's calls to the issuer trust the test certificate.
/// </summary>
public sealed class ProductionSignIn : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public OidcIssuer Issuer { get; private set; } = null!;

    /// <summary>The app's HTTPS address (the browser's), e.g. https://127.0.0.1:41234/.</summary>
    public Uri Https { get; private set; } = null!;

    /// <summary>What a deployment sets (docs/security.md), here pointing at the test issuer.</summary>
    public static Dictionary<string, string?> Settings(Uri authority) => new()
    {
        ["Authentication:Schemes:Bearer:Authority"] = authority.ToString(),
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = TestTokens.Audience,
        // An unknown kid re-reads the JWKS at most once per RefreshInterval (5 min by default, the first time at once):
        // short here, so that the rotation test does not depend on whether another test's foreign token came first.
        ["Authentication:Schemes:Bearer:RefreshInterval"] = "00:00:01",
        ["Authentication:Schemes:OpenIdConnect:Authority"] = authority.ToString(),
        ["Authentication:Schemes:OpenIdConnect:ClientId"] = OidcIssuer.PagesClientId,
        ["Authentication:Schemes:OpenIdConnect:ClientSecret"] = OidcIssuer.PagesClientSecret,
    };

    public async ValueTask InitializeAsync()
    {
        Issuer = await OidcIssuer.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Notifications:Enabled", "false"); // no mail server here: Production refuses to start without one otherwise
            foreach (var (key, value) in Settings(Issuer.Authority)) b.UseSetting(key, value);
            b.ConfigureTestServices(services =>
            {
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = LoopbackCertificate.TrustingHandler());
                services.Configure<OpenIdConnectOptions>(Authentication.OrganisationScheme, o => o.BackchannelHttpHandler = LoopbackCertificate.TrustingHandler());
            });
        });
        // HTTPS for the browser (the session cookie is Secure in Production); plain HTTP on loopback for the pages' own API calls.
        _factory.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(LoopbackCertificate.Certificate));
            o.Listen(IPAddress.Loopback, 0);
        });
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Https = new Uri(addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        Issuer.RedirectUris[new Uri(Https, "signin-oidc").ToString()] = true;
    }

    /// <summary>A client of the app over HTTPS, trusting the test certificate only.</summary>
    public HttpClient NewClient() => new(LoopbackCertificate.TrustingHandler()) { BaseAddress = Https };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
