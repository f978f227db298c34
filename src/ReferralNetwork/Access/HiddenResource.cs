using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Http;

namespace ReferralNetwork.Access;

/// <summary>
/// A refusal that must not reveal the thing exists: another provider's profile, another advocate's referral.
/// The caller gets exactly the 404 a missing id gets.
/// </summary>
public sealed class HiddenResource(IAuthorizationHandler handler, string what, string id)
    : AuthorizationFailureReason(handler, $"No {what} has id {id}.");

/// <summary>Turns a <see cref="HiddenResource"/> refusal into 404 ProblemDetails; 401 and 403 stay as they are.</summary>
public sealed class HiddenResourceResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<HiddenResource>().FirstOrDefault() is { } hidden)
            return Results.Problem(Problem.NotFound(hidden.Message)).ExecuteAsync(context);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
