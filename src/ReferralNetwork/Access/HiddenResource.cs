using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Http;
using Wolverine.Attributes;

namespace ReferralNetwork.Access;

/// <summary>
/// A refusal that must not reveal the thing exists: another provider's profile, another advocate's referral.
/// The caller gets exactly the 404 a missing id gets.
/// </summary>
public sealed class HiddenResource(IAuthorizationHandler handler, string what, string id)
    : AuthorizationFailureReason(handler, $"No {what} has id {id}.");

/// <summary>Turns a <see cref="HiddenResource"/> refusal into 404 ProblemDetails; 401 and 403 stay as they are.</summary>
// ASP.NET Core authorization, not a Wolverine message handler (its name would make Wolverine discover it).
[WolverineIgnore]
public sealed class HiddenResourceResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<HiddenResource>().FirstOrDefault() is { } hidden)
        {
            if (context.Request.Path.StartsWithSegments("/api")) return Results.Problem(Problem.NotFound(hidden.Message)).ExecuteAsync(context);
            // A page: the site's own 404 page (status code pages) renders it.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
