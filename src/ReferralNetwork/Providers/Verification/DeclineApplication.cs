using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>An administrator declines an unverified provider's application, with a reason and an optional note.</summary>
public sealed record DeclineProviderApplication(ApplicationDeclineReason? Reason, string? Note);

public static class DeclineProviderApplicationEndpoint
{
    public static ProblemDetails Validate(DeclineProviderApplication command)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var p = new ValidationProblems();
        p.Require(command.Reason is not null, "reason", $"is required: {ReviewRules.Codes}");
        ReviewRules.CheckText(p, command.Note, "note", ReviewRules.MaxNoteLength, required: false);
        p.Require(command.Reason != ApplicationDeclineReason.Other || !string.IsNullOrWhiteSpace(command.Note), "note", "is required when the application is declined for another reason (other)");
        return p.ToProblemDetails();
    }

    public static ProblemDetails Before(HttpContext context, Provider provider) => ReviewRules.First(
        () => ProviderRules.CheckChange(context, provider), () => ReviewRules.MustBeUnverified(provider), () => AlreadyDeclined(provider));

    private static ProblemDetails AlreadyDeclined(Provider provider) => provider.Review == ReviewStatus.Declined
        ? Problem.Conflict($"Provider {provider.Id}'s application is already declined.")
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/providers/{providerId}/decline-application", OperationId = "declineProviderApplication"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Decline a provider's application"), EndpointDescription("The provider stays unverified (out of search and referrals) and cannot be verified " +
        "until they resubmit. Needs If-Match with the provider's current ETag; 409 when verified or already declined.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(DeclineProviderApplication command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [new ProviderApplicationDeclined(command.Reason!.Value, ReviewRules.Tidy(command.Note))]);
}
