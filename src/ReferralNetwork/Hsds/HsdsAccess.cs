using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;
using Wolverine.Attributes;

namespace ReferralNetwork.Hsds;

/// <summary>Settings of the HSDS directory API (section "Hsds"; Hsds__Public=true in the environment).</summary>
public sealed class HsdsOptions
{
    public const string Section = "Hsds";

    /// <summary>Anyone may read /hsds, without signing in. Off by default: administrators and hsds-reader clients only.</summary>
    public bool Public { get; set; }
}

public sealed class HsdsReaderRequirement : IAuthorizationRequirement;

/// <summary>Lets anyone through when the directory is public, else administrators and hsds-reader clients (others: 403, anonymous: 401).</summary>
// ASP.NET Core authorization, not a Wolverine message handler (its name would make Wolverine discover it).
[WolverineIgnore]
public sealed class HsdsReaderHandler(IOptionsMonitor<HsdsOptions> options) : AuthorizationHandler<HsdsReaderRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HsdsReaderRequirement requirement)
    {
        if (options.CurrentValue.Public || context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.HsdsReader))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
