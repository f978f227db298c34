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

/// <summary>A provider joins the network. Each part is the body its own PUT takes later.</summary>
public sealed record OnboardProvider(
    UpdateProfile Profile,
    IReadOnlyList<string> Specialties,
    ChangeFeeTerms FeeTerms,
    ChangeAvailability Availability);

public static class OnboardProviderEndpoint
{
    public static ProblemDetails Validate(OnboardProvider command, TimeProvider clock)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var problems = new ValidationProblems();
        if (problems.Require(command.Profile is not null, "profile", "is required"))
            ProfileRules.Check(command.Profile!, "profile.", problems, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        ChangeSpecialtiesEndpoint.Check(command.Specialties, problems);
        if (problems.Require(command.FeeTerms is not null, "feeTerms", "is required"))
            ChangeFeeTermsEndpoint.Check(command.FeeTerms!.ProBono, command.FeeTerms.SlidingScale, command.FeeTerms.InsuranceNotes, "feeTerms.", problems);
        ChangeAvailabilityEndpoint.Check(command.Availability, "availability.", problems);
        // The same contradiction the availability write refuses, once both parts are well formed.
        if (problems.IsEmpty)
            ChangeAvailabilityEndpoint.Contradictions(command.Availability!.ToAvailability(), command.FeeTerms!.ToFeeTerms(), "availability.", problems);
        return problems.ToProblemDetails();
    }

    /// <summary>A provider user joins as the provider their provider_id claim names, once; an admin onboards a new id.</summary>
    public static async Task<ProblemDetails> Before(HttpContext context, IQuerySession session, CancellationToken ct) =>
        Roles.ProviderIdOf(context.User) is { } own && await session.Events.FetchStreamStateAsync(own, ct) is not null
            ? Problem.Conflict("This provider has already joined the network; change the profile with PUT /api/providers/{providerId}/profile.")
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/providers", OperationId = "onboardProvider"), Tags("Providers"), Authorize(Policy = Policies.Onboarding)]
    [EndpointSummary("Onboard a provider"), EndpointDescription("An admin onboards a new provider; a provider user onboards the provider their provider_id claim names, once (409 after that). Answers 201 with the new stream's id and version.")]
    [ProducesResponseType<StreamCreated>(StatusCodes.Status201Created)]
    public static (StreamCreated, IStartStream, OutgoingMessages) Post(OnboardProvider command, HttpContext context, TimeProvider clock, IOptions<ListingOptions> options)
    {
        var id = Roles.ProviderIdOf(context.User) ?? Guid.CreateVersion7();
        var events = Onboard(id, command);
        return (new StreamCreated(id, events.Length, $"/api/providers/{id}"), MartenOps.StartStream<Provider>(id, events),
            CheckListingFreshnessHandler.FollowUp(id, confirmations: 1, clock, options.Value));
    }

    /// <summary>The events that start a provider's stream; the listing is complete (and searchable) from the first write.</summary>
    public static object[] Onboard(Guid id, OnboardProvider command) =>
    [
        new ProviderOnboarded(id, command.Profile.ToProfile()),
        new SpecialtiesChanged(ProviderRules.Codes(command.Specialties)),
        new FeeTermsChanged(command.FeeTerms.ToFeeTerms()),
        new AvailabilityChanged(command.Availability.ToAvailability()),
    ];
}
