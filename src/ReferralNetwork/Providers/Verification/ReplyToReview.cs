using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>
/// The provider answers the network: to a request for information (what they changed or where they sent it), or to a
/// decline (asking it to look again, usually after correcting the profile). Either way the application waits for a
/// decision again, shown in the queue as "provider replied".
/// </summary>
public sealed record ReplyToReview(string? Message);

public static class ReplyToReviewEndpoint
{
    public static ProblemDetails Validate(ReplyToReview command) => command is null
        ? ValidationProblems.BodyRequired()
        : new ValidationProblems().Also(p => ReviewRules.CheckText(p, command.Message, "message", ReviewRules.MaxMessageLength)).ToProblemDetails();

    public static ProblemDetails Before(HttpContext context, Provider provider) => ReviewRules.First(
        () => ProviderRules.CheckChange(context, provider), () => SomethingAsked(provider));

    private static ProblemDetails SomethingAsked(Provider provider) => provider.Review is ReviewStatus.InformationRequested or ReviewStatus.Declined
        ? WolverineContinue.NoProblems
        : Problem.Conflict($"Provider {provider.Id} has nothing to answer: the network has not asked for information or declined the application.");

    [WolverinePost("/api/providers/{providerId}/reply", OperationId = "replyToReview"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Answer the network's review"), EndpointDescription("Records provider_information_sent after a request for information, or " +
        "provider_application_resubmitted after a decline. Needs If-Match with the provider's current ETag; 409 when nothing was asked.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Post(ReplyToReview command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, [Decide(command, provider)]);

    public static object Decide(ReplyToReview command, Provider provider) => provider.Review == ReviewStatus.Declined
        ? new ProviderApplicationResubmitted(command.Message!.Trim())
        : new ProviderInformationSent(command.Message!.Trim());
}
