using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using ReferralNetwork.Http;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Access;

/// <summary>A made-up person the Development sign-in offers: two advocates, an admin, and the first seeded providers.</summary>
public sealed record DemoUser(string UserId, string Name, string Role, Guid? ProviderId, string? Email = null)
{
    public ClaimsPrincipal ToPrincipal()
    {
        List<Claim> claims = [new(Roles.UserIdClaim, UserId), new(Roles.NameClaim, Name), new(Roles.RoleClaim, Role)];
        if (Email is not null) claims.Add(new Claim(People.EmailClaim, Email));
        if (ProviderId is { } id) claims.Add(new Claim(Roles.ProviderIdClaim, id.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo", Roles.UserIdClaim, Roles.RoleClaim));
    }
}

public sealed record DemoSignInRequest(string? UserId);

/// <summary>
/// Development only: pick a demo user and get the session cookie the web pages use. The routes are not mapped at
/// all in any other environment (a test checks Production), so this can never become a way in.
/// </summary>
public static class DemoSignIn
{
    public const int DemoProviders = 5;

    private static readonly DemoUser[] People =
    [
        new("demo-advocate-ana", "Ana Advocate (demo)", Roles.Advocate, null, "ana.advocate@demo.example.org"),
        new("demo-advocate-ben", "Ben Advocate (demo)", Roles.Advocate, null, "ben.advocate@demo.example.org"),
        new("demo-admin", "Avery Admin (demo)", Roles.Admin, null, "avery.admin@demo.example.org"),
    ];

    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()) return app;
        var demo = app.MapGroup("/api/dev").AllowAnonymous().ExcludeFromDescription();
        demo.MapGet("/demo-users", async (IQuerySession session, CancellationToken ct) => await UsersAsync(session, ct));
        demo.MapPost("/sign-in", async (DemoSignInRequest? request, HttpContext context, IQuerySession session, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request?.UserId))
                return Results.Problem(new ValidationProblems().Add("userId", "is required: one of GET /api/dev/demo-users").ToProblemDetails());
            var user = (await UsersAsync(session, ct)).FirstOrDefault(u => u.UserId == request.UserId);
            if (user is null)
                return Results.Problem(new ValidationProblems().Add("userId", "must be one of GET /api/dev/demo-users").ToProblemDetails());
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal());
            return Results.Ok(user);
        });
        return app;
    }

    /// <summary>The fixed advocates and admin, then the first verified providers of the seeded network, by name.</summary>
    public static async Task<IReadOnlyList<DemoUser>> UsersAsync(IQuerySession session, CancellationToken ct)
    {
        var providers = await session.Query<ProviderListing>().Where(p => p.Verified && p.Active)
            .OrderBy(p => p.SortName).ThenBy(p => p.Id).Take(DemoProviders).ToListAsync(ct);
        return [.. People, .. providers.Select(p => new DemoUser($"demo-provider-{p.Id:N}", p.Name, Roles.Provider, p.Id))];
    }
}

/// <summary>Signing out ends the cookie session (in every environment; bearer tokens simply stop being sent).</summary>
public static class SignOutEndpoint
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous().WithTags("Access").WithName("signOut").WithSummary("End the cookie session")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }
}
