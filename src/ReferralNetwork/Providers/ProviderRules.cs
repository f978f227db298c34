using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Rules every write to an existing provider stream shares.</summary>
public static class ProviderRules
{
    /// <summary>State rule: a deactivated provider can only be reactivated.</summary>
    public static ProblemDetails MustBeActive(Provider provider) => provider.Status == ProviderStatus.Deactivated
        ? Problem.Conflict($"Provider {provider.Id} is deactivated; it can only be reactivated (POST /api/providers/{provider.Id}/reactivate).")
        : WolverineContinue.NoProblems;

    /// <summary>The whole-stream If-Match precondition (administrators' actions on the provider as a whole), then <see cref="MustBeActive"/>.</summary>
    public static ProblemDetails CheckChange(HttpContext context, Provider provider)
    {
        var precondition = ETag.CheckIfMatch(context, provider.Version);
        return precondition != WolverineContinue.NoProblems ? precondition : MustBeActive(provider);
    }

    /// <summary>The part's If-Match rule (<see cref="ChangesSince.Check"/>), then <see cref="MustBeActive"/>.</summary>
    public static ProblemDetails CheckChange(ChangesSince since, ProviderPart part, Provider provider)
    {
        var precondition = since.Check(part);
        return precondition != WolverineContinue.NoProblems ? precondition : MustBeActive(provider);
    }

    public static (WriteAccepted, Events) Accepted(Provider provider, Events events) =>
        (new WriteAccepted(provider.Id, provider.Version + events.Count), events);

    /// <summary>Codes as stored: trimmed, lower-case, distinct, sorted (so equal sets compare equal).</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>US state codes as stored: trimmed, upper-case, distinct, sorted.</summary>
    public static IReadOnlyList<string> States(IEnumerable<string> states) =>
        states.Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
}
