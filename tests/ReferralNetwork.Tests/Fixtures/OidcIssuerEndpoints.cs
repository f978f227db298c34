using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ReferralNetwork.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>The test issuer's own pages and passthrough endpoints: a login form, authorize, token and userinfo.</summary>
internal static class OidcIssuerEndpoints
{
    /// <summary>The issuer's own session (who signed in at the issuer), not the app's.</summary>
    public const string LoginScheme = "issuer-login";

    public static void Map(WebApplication app, OidcIssuer issuer)
    {
        app.MapGet("/login", (string? returnUrl) => Results.Content($"""
            <!doctype html><html lang="en"><head><title>Test issuer: sign in</title></head><body>
            <h1>Test issuer</h1>
            <form method="post" action="/login">
              <label for="user">User name</label> <input id="user" name="user" autocomplete="username">
              <input type="hidden" name="returnUrl" value="{HtmlEncoder.Default.Encode(returnUrl ?? "/")}">
              <button type="submit">Sign in at the issuer</button>
            </form></body></html>
            """, "text/html"));

        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!issuer.Users.TryGetValue(form["user"].ToString(), out var user) || !returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal))
                return Results.BadRequest("Unknown user.");
            await http.SignInAsync(LoginScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, user.UserId)], LoginScheme, Claims.Subject, Claims.Role)));
            return Results.Redirect(returnUrl);
        });

        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var login = await http.AuthenticateAsync(LoginScheme);
            if (!login.Succeeded || !issuer.Users.TryGetValue(login.Principal.Identity!.Name!, out var user))
                return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [LoginScheme]);
            return SignIn(user, request.GetScopes());
        });

        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            if (request.IsClientCredentialsGrantType()) return SignIn(issuer.Users[request.ClientId!], request.GetScopes());
            // The code OpenIddict has checked (client, redirect_uri, PKCE verifier) carries the principal signed in at authorize.
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = issuer.Users[token.Principal!.GetClaim(Claims.Subject)!];
            var claims = new Dictionary<string, string> { [Claims.Subject] = user.UserId, [Claims.Name] = user.UserId, [Roles.RoleClaim] = user.Role };
            if (user.ProviderId is { } provider) claims[Roles.ProviderIdClaim] = provider.ToString();
            return Results.Json(claims);
        });
    }

    /// <summary>The user's claims, in the access token (audience from the scope) and the identity token.</summary>
    private static IResult SignIn(Caller user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.UserId).SetClaim(Claims.Name, user.UserId).SetClaim(Roles.RoleClaim, user.Role);
        if (user.ProviderId is { } provider) identity.SetClaim(Roles.ProviderIdClaim, provider.ToString());
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(granted.Contains(OidcIssuer.OtherApiScope) ? OidcIssuer.OtherAudience : TestTokens.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
