using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Whether the provider takes new referrals, open slots by fee terms, and the typical wait.</summary>
public sealed record ChangeAvailability(AcceptingStatus? Status, int OpenProBonoSlots, int OpenSlidingScaleSlots, int? TypicalWaitWeeks)
{
    public Availability ToAvailability() => new(Status!.Value, OpenProBonoSlots, OpenSlidingScaleSlots, TypicalWaitWeeks);
}

public static class ChangeAvailabilityEndpoint
{
    public static void Check(ChangeAvailability? a, string at, ValidationProblems problems)
    {
        if (!problems.Require(a is not null, at.TrimEnd('.'), "is required")) return;
        problems.Require(a!.Status is not null, $"{at}status", "is required: accepting, not-accepting or paused");
        problems.Require(a.OpenProBonoSlots is >= 0 and <= 1000, $"{at}openProBonoSlots", "must be between 0 and 1000");
        problems.Require(a.OpenSlidingScaleSlots is >= 0 and <= 1000, $"{at}openSlidingScaleSlots", "must be between 0 and 1000");
        if (a.TypicalWaitWeeks is { } weeks)
            problems.Require(weeks is >= 0 and <= 104, $"{at}typicalWaitWeeks", "must be between 0 and 104");
    }

    public static ProblemDetails Validate(ChangeAvailability command)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var problems = new ValidationProblems();
        Check(command, "", problems);
        return problems.ToProblemDetails();
    }

    public static Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, CancellationToken ct) =>
        ChangesSince.LoadAsync(context, provider, session, ct);

    /// <summary>Refused when availability changed since If-Match (a slot taken by an acceptance, too), or when it contradicts the fee terms.</summary>
    public static ProblemDetails Before(ChangeAvailability command, ChangesSince since, Provider provider)
    {
        var change = ProviderRules.CheckChange(since, ProviderPart.Availability, provider);
        return change != WolverineContinue.NoProblems ? change : new ValidationProblems().Also(p => Contradictions(command.ToAvailability(), provider.FeeTerms, "", p)).ToProblemDetails();
    }

    /// <summary>State rule: open slots only for the fee terms offered (an advocate would refer a family to a slot that cannot be had).</summary>
    public static void Contradictions(Availability availability, FeeTerms terms, string at, ValidationProblems problems)
    {
        if (availability.OpenProBonoSlots > 0)
            problems.Require(terms.ProBono.Offered, $"{at}openProBonoSlots", "must be 0 while the fee terms do not offer pro bono");
        if (availability.OpenSlidingScaleSlots > 0)
            problems.Require(terms.SlidingScale.Offered, $"{at}openSlidingScaleSlots", "must be 0 while the fee terms do not offer a sliding scale");
    }

    [WolverinePut("/api/providers/{providerId}/availability", OperationId = "changeAvailability"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Change availability"), EndpointDescription("Whether new referrals are taken, open slots by fee terms and the typical wait. Needs If-Match with an ETag from GET (428 when missing); 412 with conflicts [\"availability\"] only when availability changed since that version, a slot taken or freed by a referral included. 400 for open slots of fee terms not offered.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events, OutgoingMessages) Put(ChangeAvailability command, [WriteAggregate] Provider provider,
        TimeProvider clock, IOptions<ListingOptions> options)
    {
        var (accepted, events) = ProviderRules.Accepted(provider, Decide(command, provider));
        return (accepted, events, events.Count == 0 ? [] : CheckListingFreshnessHandler.FollowUp(provider.Id, provider.Confirmations + 1, clock, options.Value));
    }

    public static Events Decide(ChangeAvailability command, Provider provider)
    {
        var availability = command.ToAvailability();
        return availability == provider.Availability ? [] : [new AvailabilityChanged(availability)];
    }
}
