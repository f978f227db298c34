using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.Attributes;

namespace ReferralNetwork.Access;

/// <summary>
/// The route's {providerId} is the caller's own provider, or the caller holds one of <see cref="AnyProviderRoles"/>.
/// A provider user asking about another provider is refused as if the id did not exist (404).
/// </summary>
public sealed class ProviderOwnerRequirement(params string[] anyProviderRoles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> AnyProviderRoles { get; } = anyProviderRoles;
}

// ASP.NET Core authorization, not a Wolverine message handler (its name would make Wolverine discover it).
[WolverineIgnore]
public sealed class ProviderOwnerHandler : AuthorizationHandler<ProviderOwnerRequirement>
{
    public const string RouteKey = "providerId";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ProviderOwnerRequirement requirement)
    {
        var user = context.User;
        if (requirement.AnyProviderRoles.Any(user.IsInRole))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (!user.IsInRole(Roles.Provider) || context.Resource is not HttpContext http) return Task.CompletedTask;

        var routeId = http.GetRouteValue(RouteKey)?.ToString() ?? "";
        if (Roles.ProviderIdOf(user) is { } own && Guid.TryParse(routeId, out var id) && id == own) context.Succeed(requirement);
        else context.Fail(new HiddenResource(this, "provider", routeId));
        return Task.CompletedTask;
    }
}
