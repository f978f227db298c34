using System.Text.Json.Serialization;

namespace ReferralNetwork.Hsds;

// The HSDS 3.0 objects this directory fills, named as the specification names them (docs/hsds.md has the mapping).
// Unset members are left out of the JSON: the schemas type every field as a string or number, never null.

/// <summary>An HSDS service: one per listed provider, in full (every related object inline) or as a list row.</summary>
public sealed record HsdsService
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("fees_description")] public string? FeesDescription { get; init; }
    [JsonPropertyName("wait_time")] public string? WaitTime { get; init; }
    [JsonPropertyName("accreditations")] public string? Accreditations { get; init; }
    [JsonPropertyName("eligibility_description")] public string? EligibilityDescription { get; init; }
    [JsonPropertyName("minimum_age")] public int? MinimumAge { get; init; }
    [JsonPropertyName("maximum_age")] public int? MaximumAge { get; init; }
    [JsonPropertyName("assured_date")] public string? AssuredDate { get; init; }
    [JsonPropertyName("licenses")] public string? Licenses { get; init; }
    [JsonPropertyName("alert")] public string? Alert { get; init; }
    [JsonPropertyName("last_modified")] public DateTimeOffset? LastModified { get; init; }
    [JsonPropertyName("organization")] public HsdsOrganization? Organization { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("service_areas")] public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    [JsonPropertyName("service_at_locations")] public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    [JsonPropertyName("cost_options")] public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

/// <summary>An HSDS organization: the provider's practice.</summary>
public sealed record HsdsOrganization
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<HsdsLocation>? Locations { get; init; }
    [JsonPropertyName("organization_identifiers")] public IReadOnlyList<HsdsOrganizationIdentifier>? OrganizationIdentifiers { get; init; }
    [JsonPropertyName("services")] public IReadOnlyList<HsdsService>? Services { get; init; }
}

public sealed record HsdsOrganizationIdentifier(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("organization_id")] Guid OrganizationId,
    [property: JsonPropertyName("identifier_type")] string IdentifierType,
    [property: JsonPropertyName("identifier")] string Identifier);

/// <summary>A place the service is given: a practice address (physical) or telehealth (virtual).</summary>
public sealed record HsdsLocation
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("location_type")] public required string LocationType { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("addresses")] public IReadOnlyList<HsdsAddress>? Addresses { get; init; }
}

public sealed record HsdsAddress(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("location_id")] Guid LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("state_province")] string StateProvince,
    [property: JsonPropertyName("postal_code")] string PostalCode,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("address_type")] string AddressType);

/// <summary>The service at one location; the list form also carries the service's one-to-one fields.</summary>
public sealed record HsdsServiceAtLocation
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("service_id")] public required Guid ServiceId { get; init; }
    [JsonPropertyName("location_id")] public required Guid LocationId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("location")] public HsdsLocation? Location { get; init; }
    [JsonPropertyName("service")] public HsdsService? Service { get; init; }
}
