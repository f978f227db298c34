using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers;

/// <summary>Where an unverified provider's application stands with the network's staff.</summary>
public enum ReviewStatus
{
    /// <summary>Waiting for a decision: a new application, or a verification that lapsed.</summary>
    Waiting,

    /// <summary>The network asked for more; waiting for the provider.</summary>
    InformationRequested,

    /// <summary>The provider answered a request or resubmitted a declined application; waiting for a decision again.</summary>
    ProviderReplied,

    /// <summary>Declined: not verifiable until the provider resubmits.</summary>
    Declined,
}

/// <summary>Why an application was declined; <see cref="Other"/> needs a note.</summary>
public enum ApplicationDeclineReason
{
    LicenceNotFound,
    LicenceNotActive,
    OutsideNetworkScope,
    IdentityNotConfirmed,
    NoReply,
    Other,
}

/// <summary>The review's rules shared by its endpoints (the aggregate decides; these only read it).</summary>
public static class ReviewRules
{
    public const int MaxMessageLength = 1_000;
    public const int MaxNoteLength = 500;

    public const string Codes = "licence-not-found, licence-not-active, outside-network-scope, identity-not-confirmed, no-reply or other";

    /// <summary>
    /// A message between the network and a provider, within the limit. Plain text (no control characters other than line
    /// breaks and tabs) is the API-wide rule of <see cref="AcceptedText"/>, checked before this; Razor encodes it on pages.
    /// </summary>
    public static void CheckText(ValidationProblems problems, string? value, string field, int maxLength, bool required = true) =>
        problems.RequireText(value, field, maxLength, required);

    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>State rule: the review only concerns providers not yet verified.</summary>
    public static ProblemDetails MustBeUnverified(Provider provider) => provider.Verified
        ? Problem.Conflict($"Provider {provider.Id} is already verified; there is no application to review.")
        : WolverineContinue.NoProblems;

    /// <summary>State rule: a declined application waits for the provider to resubmit before anyone acts on it.</summary>
    public static ProblemDetails MustNotBeDeclined(Provider provider) => provider.Review == ReviewStatus.Declined
        ? Problem.Conflict($"Provider {provider.Id}'s application is declined; it can be reviewed again once the provider resubmits it.")
        : WolverineContinue.NoProblems;

    /// <summary>Runs the checks in order and answers the first problem (If-Match first, so a stale page hears 412).</summary>
    public static ProblemDetails First(params Func<ProblemDetails>[] checks) =>
        checks.Select(check => check()).FirstOrDefault(p => p != WolverineContinue.NoProblems) ?? WolverineContinue.NoProblems;
}
