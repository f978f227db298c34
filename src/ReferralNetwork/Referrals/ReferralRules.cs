using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

public static class ReferralRules
{
    /// <summary>The state machine's answer: 409 naming the current state and what it allows.</summary>
    public static ProblemDetails Allows(Referral referral, string action)
    {
        if (referral.Allows(action)) return WolverineContinue.NoProblems;
        var status = Kebab(referral.Status.ToString());
        var problem = Problem.Conflict(referral.AllowedActions.Count == 0
            ? $"The referral is {status}: nothing more can happen to it."
            : $"A referral that is {status} cannot '{action}'; it allows: {string.Join(", ", referral.AllowedActions)}.");
        problem.Extensions["state"] = status;
        problem.Extensions["allowedActions"] = referral.AllowedActions;
        return problem;
    }

    public static (WriteAccepted, Events) Accepted(Referral referral, Events events) =>
        (new WriteAccepted(referral.Id, referral.Version + events.Count), events);

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
