using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Taxonomy;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Replace the provider's trauma specialties (treatments and populations) with this full set.</summary>
public sealed record ChangeSpecialties(IReadOnlyList<string> Specialties);

public static class ChangeSpecialtiesEndpoint
{
    public const int MaxSpecialties = 28;

    public static void Check(IReadOnlyList<string>? specialties, ValidationProblems problems) =>
        ProfileRules.CheckList(specialties, "specialties", MaxSpecialties, problems,
            s => TraumaSpecialties.IsKnown(s.Trim().ToLowerInvariant()),
            "is not a trauma specialty code; the valid codes are at GET /api/specialties");

    public static ProblemDetails Validate(ChangeSpecialties command)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var problems = new ValidationProblems();
        Check(command.Specialties, problems);
        return problems.ToProblemDetails();
    }

    public static Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, CancellationToken ct) =>
        ChangesSince.LoadAsync(context, provider, session, ct);

    public static ProblemDetails Before(ChangesSince since, Provider provider) => ProviderRules.CheckChange(since, ProviderPart.Specialties, provider);

    [WolverinePut("/api/providers/{providerId}/specialties", OperationId = "changeSpecialties"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Change specialties"), EndpointDescription("Needs If-Match with an ETag from GET (428 when missing); 412 with conflicts [\"specialties\"] only when specialties changed since that version.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Put(ChangeSpecialties command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, Decide(command, provider));

    public static Events Decide(ChangeSpecialties command, Provider provider)
    {
        var specialties = ProviderRules.Codes(command.Specialties);
        return specialties.SequenceEqual(provider.Specialties) ? [] : [new SpecialtiesChanged(specialties)];
    }
}
