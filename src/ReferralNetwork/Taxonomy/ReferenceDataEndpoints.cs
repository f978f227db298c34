using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Geography;
using Wolverine.Http;

namespace ReferralNetwork.Taxonomy;

/// <summary>The specialty taxonomy as served by <c>GET /api/specialties</c>.</summary>
public sealed record SpecialtyList(string Version, IReadOnlyList<TraumaSpecialty> Items);

[Tags("Reference data")]
public static class GetSpecialtiesEndpoint
{
    private static readonly string[] Kinds = ["treatment", "population"];

    public static ProblemDetails Validate(string? kind) =>
        string.IsNullOrEmpty(kind) || Kinds.Contains(kind)
            ? WolverineContinue.NoProblems
            : new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["kind"] = [$"'{kind}' is not a kind of specialty; use treatment or population."],
            })
            { Status = StatusCodes.Status400BadRequest };

    [WolverineGet("/api/specialties", OperationId = "listSpecialties"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("List the trauma specialties"), EndpointDescription("The trauma specialty taxonomy and its version; kind=treatment or kind=population narrows it.")]
    [ProducesResponseType<SpecialtyList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static SpecialtyList Get(string? kind) =>
        new(TraumaSpecialties.Version,
            string.IsNullOrEmpty(kind) ? TraumaSpecialties.All : [.. TraumaSpecialties.All.Where(s => s.Kind == kind)]);
}

[Tags("Reference data")]
public static class GetRegionsEndpoint
{
    [WolverineGet("/api/regions", OperationId = "listRegions"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("List the regions"), EndpointDescription("The 50 states and the District of Columbia.")]
    [ProducesResponseType<IReadOnlyList<Region>>(StatusCodes.Status200OK)]
    public static IReadOnlyList<Region> Get() => Regions.All;
}

[Tags("Reference data")]
public static class GetLanguagesEndpoint
{
    [WolverineGet("/api/languages", OperationId = "listLanguages"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("List the languages"), EndpointDescription("The ISO 639-1 languages, by code, with English names.")]
    [ProducesResponseType<IReadOnlyList<Language>>(StatusCodes.Status200OK)]
    public static IReadOnlyList<Language> Get() => Languages.All;
}

[Tags("Reference data")]
public static class GetAgeGroupsEndpoint
{
    [WolverineGet("/api/age-groups", OperationId = "listAgeGroups"), Authorize(Policy = Policies.SignedIn)]
    [EndpointSummary("List the age groups"), EndpointDescription("The age groups providers serve, youngest first, then parents and caregivers.")]
    [ProducesResponseType<IReadOnlyList<AgeGroup>>(StatusCodes.Status200OK)]
    public static IReadOnlyList<AgeGroup> Get() => AgeGroups.All;
}
