using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Fhir;

// Read by whoever may read the provider's JSON listing (GET /api/providers/{providerId}): advocates, admins and the
// provider themself. Only a listed provider (verified, active, licensed today) has directory resources: any other is a 404.

public static class ReadFhirPractitionerEndpoint
{
    [WolverineGet("/fhir/Practitioner/{providerId}", OperationId = "readFhirPractitioner"), Tags("FHIR"), Authorize(Policy = Policies.ProviderProfile)]
    [EndpointSummary("Read a Practitioner"), EndpointDescription("The provider as a FHIR R4 Practitioner: name, NPI, credentials, licences and languages. Id = the provider id.")]
    public static async Task<IResult> Get(Guid providerId, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await Listed.LoadAsync(providerId, session, clock, ct) is { } listing
            ? FhirResponses.Resource(FhirDirectory.Practitioner(listing)) : FhirResponses.NotFound("Practitioner", FhirIds.Of(providerId));
}

public static class ReadFhirPractitionerRoleEndpoint
{
    [WolverineGet("/fhir/PractitionerRole/{providerId}", OperationId = "readFhirPractitionerRole"), Tags("FHIR"), Authorize(Policy = Policies.ProviderProfile)]
    [EndpointSummary("Read a PractitionerRole"), EndpointDescription("The provider's role in the network: specialties, practice locations, service, availability and whether they accept new patients (Plan-Net newpatients). Id = the provider id.")]
    public static async Task<IResult> Get(Guid providerId, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await Listed.LoadAsync(providerId, session, clock, ct) is { } listing
            ? FhirResponses.Resource(FhirDirectory.Role(listing)) : FhirResponses.NotFound("PractitionerRole", FhirIds.Of(providerId));
}

public static class ReadFhirHealthcareServiceEndpoint
{
    [WolverineGet("/fhir/HealthcareService/{providerId}", OperationId = "readFhirHealthcareService"), Tags("FHIR"), Authorize(Policy = Policies.ProviderProfile)]
    [EndpointSummary("Read a HealthcareService"), EndpointDescription("What the provider offers: specialties, locations, telehealth areas, languages, age groups and fee terms. Id = the provider id.")]
    public static async Task<IResult> Get(Guid providerId, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await Listed.LoadAsync(providerId, session, clock, ct) is { } listing
            ? FhirResponses.Resource(FhirDirectory.Service(listing)) : FhirResponses.NotFound("HealthcareService", FhirIds.Of(providerId));
}

public static class ReadFhirLocationEndpoint
{
    /// <summary>A Location id names its provider, so a read loads one listing (docs/fhir.md has the id rules).</summary>
    [WolverineGet("/fhir/Location/{locationId}", OperationId = "readFhirLocation"), Tags("FHIR"), Authorize(Policy = Policies.Directory)]
    [EndpointSummary("Read a Location"), EndpointDescription("A practice address (id {providerId}-{8 hex digits}) or a telehealth area in one state (id {providerId}-tele-{state}).")]
    public static async Task<IResult> Get(string locationId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var location = FhirIds.ProviderOfLocation(locationId) is { } providerId && await Listed.LoadAsync(providerId, session, clock, ct) is { } listing
            ? FhirDirectory.Locations(listing).FirstOrDefault(l => l.Id == locationId) : null;
        return location is null ? FhirResponses.NotFound("Location", locationId) : FhirResponses.Resource(location);
    }
}

internal static class Listed
{
    public static async Task<ProviderListing?> LoadAsync(Guid providerId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
        return listing is not null && FhirDirectory.IsListed(listing, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ? listing : null;
    }
}
