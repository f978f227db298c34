using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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
    public const string CookieName = "referralnetwork.session";

    public static IServiceCollection AddReferralNetworkAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = BearerOrCookie;
                // An API answers 401 with WWW-Authenticate: Bearer and 403, never a redirect to a sign-in page.
                o.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
                o.DefaultForbidScheme = JwtBearerDefaults.AuthenticationScheme;
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
                o.Events.OnRedirectToLogin = c => Status(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
            })
            .AddPolicyScheme(BearerOrCookie, "Bearer token, else the session cookie", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme);

        // Outside Development, fail at start-up rather than turn every token away at run time. (Without an audience or
        // keys no token validates at all; in Development the cookie demo sign-in still works then.)
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(o => environment.IsDevelopment() || o.TokenValidationParameters.ValidAudiences?.Any() == true || o.TokenValidationParameters.ValidAudience is not null,
                "Authentication:Schemes:Bearer:ValidAudiences must name this API's audience (the aud claim its tokens carry).")
            .Validate(o => environment.IsDevelopment() || o.Authority is not null || o.TokenValidationParameters.IssuerSigningKeys?.Any() == true,
                "Authentication:Schemes:Bearer:Authority must name the OIDC issuer whose keys sign the tokens.")
            .ValidateOnStart();
        services.AddReferralNetworkAuthorization();
        return services;
    }

    /// <summary>Authentication, then authorization (so limits count known callers), then rate limits; and the sign-in routes.</summary>
    public static WebApplication UseReferralNetworkAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapDemoSignIn(app.Environment);
        app.MapSignOut();
        return app;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
