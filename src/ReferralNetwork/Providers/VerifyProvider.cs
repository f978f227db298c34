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

    public static ProblemDetails Before(HttpContext context, Provider provider) => ProviderRules.CheckChange(context, provider);

    [WolverinePost("/api/providers/{providerId}/verify"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(VerifyProvider command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderVerified(string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim())]);
}
