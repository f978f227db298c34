using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Referrals;
using Wolverine.Attributes;

namespace ReferralNetwork.Access;

/// <summary>
/// The caller is a party to the route's {referralId}: the advocate who sent it, the provider it was sent to,
/// or an admin, as the policy allows. A caller of an allowed role who is not a party gets a 404, never a 403,
/// so that referral ids cannot be probed.
/// </summary>
public sealed record ReferralPartyRequirement(bool Sender, bool Recipient, bool Admin) : IAuthorizationRequirement;

// ASP.NET Core authorization, not a Wolverine message handler (its name would make Wolverine discover it).
[WolverineIgnore]
public sealed class ReferralPartyHandler : AuthorizationHandler<ReferralPartyRequirement>
{
    public const string RouteKey = "referralId";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReferralPartyRequirement requirement)
    {
        var user = context.User;
        if (requirement.Admin && user.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }
        var asSender = requirement.Sender && user.IsInRole(Roles.Advocate);
        var asRecipient = requirement.Recipient && user.IsInRole(Roles.Provider);
        if ((!asSender && !asRecipient) || context.Resource is not HttpContext http) return;

        var routeId = http.GetRouteValue(RouteKey)?.ToString() ?? "";
        var referral = Guid.TryParse(routeId, out var id)
            ? await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<ReferralSummary>(id, http.RequestAborted)
            : null;
        if (referral is not null
            && ((asSender && referral.AdvocateId == Roles.UserIdOf(user)) || (asRecipient && referral.ProviderId == Roles.ProviderIdOf(user))))
            context.Succeed(requirement);
        else
            context.Fail(new HiddenResource(this, "referral", routeId));
    }
}
