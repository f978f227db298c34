using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api;

/// <summary>
/// Who is calling. API clients send a JWT bearer token from the OIDC issuer named by
/// Authentication:Schemes:Bearer (Authority and ValidAudiences; in Development, `dotnet user-jwts` keys);
/// the web pages use a session cookie. A request with an Authorization header is judged by its token only.
/// </summary>
public static class Authentication
{
    public const string BearerOrCookie = "BearerOrCookie";
    public const string ApiOrPage = "ApiOrPage";

    /// <summary>The pages' sign-in with the organisation's OIDC issuer (authorization code flow), when configured.</summary>
    public const string OrganisationScheme = "OpenIdConnect";
    public const string CookieName = "referralnetwork.session";

    public static IServiceCollection AddReferralNetworkAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // `dotnet user-jwts` keys made while the app runs count at once (DevelopmentSecrets).
        DevelopmentSecrets.WatchUserSecrets(configuration, environment);
        // The session cookie and antiforgery tokens are encrypted with a key ring every node shares (in PostgreSQL).
        services.AddSharedDataProtection();
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = BearerOrCookie;
                // The API answers 401 with WWW-Authenticate: Bearer, and 403; a page sends the browser to the sign-in page.
                o.DefaultChallengeScheme = ApiOrPage;
                o.DefaultForbidScheme = ApiOrPage;
            })
            .AddJwtBearer(o =>
            {
                // Claims keep the names the issuer gave them: sub, role, provider_id.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = Roles.UserIdClaim;
                o.TokenValidationParameters.RoleClaimType = Roles.RoleClaim;
                o.TokenValidationParameters.ValidateIssuer = true;
                o.TokenValidationParameters.ValidateAudience = true;
                o.TokenValidationParameters.ValidateLifetime = true;
                o.TokenValidationParameters.RequireExpirationTime = true;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Strict: a cross-site page cannot make the browser send it, so a cookie-authenticated write cannot be forged.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.ReturnUrlParameter = "returnUrl";
                // A page the user may not see renders the 403 page in place (status code pages), rather than redirecting.
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
            })
            .AddPolicyScheme(BearerOrCookie, "Bearer token, else the session cookie", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddPolicyScheme(ApiOrPage, "Bearer challenges for the API, the sign-in page for pages", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.Count > 0 || IsApi(c.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme);

        // Authentication:Schemes:OpenIdConnect (Authority, ClientId, ClientSecret) turns on "Sign in with your organisation".
        if (configuration.GetSection($"Authentication:Schemes:{OrganisationScheme}:Authority").Value is { Length: > 0 })
            authentication.AddOpenIdConnect(OrganisationScheme, o =>
            {
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.ResponseType = "code";
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.TokenValidationParameters.NameClaimType = Roles.UserIdClaim;
                o.TokenValidationParameters.RoleClaimType = Roles.RoleClaim;
                o.ClaimActions.MapUniqueJsonKey(Roles.RoleClaim, Roles.RoleClaim);
                o.ClaimActions.MapUniqueJsonKey(Roles.ProviderIdClaim, Roles.ProviderIdClaim);
            });

        // Outside Development, fail at start-up rather than turn every token away at run time. (Without an audience or
        // keys no token validates at all; in Development the cookie demo sign-in still works then.)
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(o => environment.IsDevelopment() || o.TokenValidationParameters.ValidAudiences?.Any() == true || o.TokenValidationParameters.ValidAudience is not null,
                "Authentication:Schemes:Bearer:ValidAudiences must name this API's audience (the aud claim its tokens carry).")
            .Validate(o => environment.IsDevelopment() || o.Authority is not null || o.TokenValidationParameters.IssuerSigningKeys?.Any() == true,
                "Authentication:Schemes:Bearer:Authority must name the OIDC issuer whose keys sign the tokens.")
            .ValidateOnStart();
        services.AddReferralNetworkAuthorization();
        services.AddPeopleDirectory();
        return services;
    }

    /// <summary>Authentication, then authorization (so limits count known callers), then rate limits, then remembering who signed in (Access/People.cs); and the sign-in routes.</summary>
    public static WebApplication UseReferralNetworkAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePeopleDirectory();
        app.MapDemoSignIn(app.Environment);
        app.MapSignOut();
        return app;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
