using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>An administrator has checked the provider's licences with the issuing boards.</summary>
public sealed record VerifyProvider(string? Note);

public static class VerifyProviderEndpoint
{
    public static ProblemDetails Validate(VerifyProvider command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => p.RequireText(command.Note, "note", 500, required: false)).ToProblemDetails();

    // A declined application is not verifiable until the provider resubmits it (Providers/Verification).
    public static ProblemDetails Before(HttpContext context, Provider provider) => ReviewRules.First(
        () => ProviderRules.CheckChange(context, provider), () => MustBeUnverified(provider), () => ReviewRules.MustNotBeDeclined(provider));

    /// <summary>
    /// State rule: verification records one check of the licences as they stand. Once verified, a provider needs no
    /// second check until the licences change, which lapses the verification (<see cref="ProviderVerificationLapsed"/>).
    /// </summary>
    public static ProblemDetails MustBeUnverified(Provider provider) => provider.Verified
        ? Problem.Conflict($"Provider {provider.Id} is already verified; it can be verified again once its licences change.")
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/providers/{providerId}/verify", OperationId = "verifyProvider"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Verify a provider"), EndpointDescription("Needs If-Match with the provider's current ETag; 409 when already verified or the application is declined.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(VerifyProvider command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderVerified(string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())]);
}
