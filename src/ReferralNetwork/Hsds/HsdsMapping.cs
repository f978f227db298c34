using System.Globalization;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using static ReferralNetwork.Hsds.HsdsTaxonomies;

namespace ReferralNetwork.Hsds;

/// <summary>
/// The one place a provider's listing becomes HSDS (docs/hsds.md, field by field). Only what a directory may show: no
/// referral data, no contact detail the provider marks private. A roster import reverses these functions.
/// </summary>
public static partial class HsdsMapping
{
    public const string Currency = "USD";

    /// <summary>The service with everything related inline: organization, locations, areas, languages, fees, terms.</summary>
    public static HsdsService FullService(ProviderListing p) => ServiceRow(p) with
    {
        Organization = OrganizationRow(p) with { OrganizationIdentifiers = Identifiers(p) },
        Phones = Phone(p) is { } phone ? [new HsdsPhone(HsdsIds.For("phone", p.Id), phone, ServiceId: HsdsIds.Service(p.Id))] : [],
        ServiceAreas = ServiceAreas(p),
        ServiceAtLocations = Places(p).Select(place => ServiceAtLocation(p, place, withService: false)).ToList(),
        Languages = Languages(p),
        CostOptions = CostOptions(p),
        Attributes = Attributes(p),
    };

    /// <summary>The list form: the service's one-to-one fields and its organization's.</summary>
    public static HsdsService ListedService(ProviderListing p) => ServiceRow(p) with { Organization = OrganizationRow(p) };

    public static HsdsOrganization FullOrganization(ProviderListing p) => OrganizationRow(p) with
    {
        Locations = Places(p).Select(place => Location(p, place)).ToList(),
        OrganizationIdentifiers = Identifiers(p),
        Services = [ServiceRow(p)],
    };

    /// <summary>The service at one place: its index in the practice addresses, or null for telehealth.</summary>
    public static HsdsServiceAtLocation ServiceAtLocation(ProviderListing p, int? place, bool withService) => new()
    {
        Id = HsdsIds.ServiceAtLocation(p.Id, place),
        ServiceId = HsdsIds.Service(p.Id),
        LocationId = HsdsIds.Location(p.Id, place),
        Description = place is { } i ? $"{p.Name} at {PlaceName(p.Locations[i])}" : $"{p.Name} by telehealth",
        Location = Location(p, place),
        Service = withService ? ListedService(p) : null,
    };

    /// <summary>The practice addresses' indexes, then null for telehealth when the provider offers it.</summary>
    public static IEnumerable<int?> Places(ProviderListing p) =>
        Enumerable.Range(0, p.Locations.Count).Select(i => (int?)i).Concat(p.TelehealthStates.Count > 0 ? [null] : []);

    public static HsdsService ServiceRow(ProviderListing p) => new()
    {
        Id = HsdsIds.Service(p.Id),
        OrganizationId = HsdsIds.Organization(p.Id),
        Name = p.Name,
        Description = Description(p),
        Email = Email(p),
        Status = p.Active ? "active" : "inactive",
        FeesDescription = FeesDescription(p.FeeTerms),
        WaitTime = p.Availability.TypicalWaitWeeks switch
        {
            null => null,
            0 => "No wait",
            1 => "About 1 week",
            var weeks => $"About {weeks} weeks",
        },
        Accreditations = p.Credentials.Count > 0 ? string.Join(", ", p.Credentials) : null,
        EligibilityDescription = p.AgeGroups.Count > 0
            ? "Serves: " + string.Join(", ", p.AgeGroups.Select(code => Taxonomy.AgeGroups.All.First(g => g.Code == code).Label)) + "."
            : null,
        MinimumAge = AgeRange(p.AgeGroups).Min,
        MaximumAge = AgeRange(p.AgeGroups).Max,
        AssuredDate = p.VerifiedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Licenses = p.Licences.Count > 0
            ? string.Join("; ", p.Licences.Select(l => $"{l.Type} {l.State} {l.Number} until {l.ExpiresOn:yyyy-MM-dd}"))
            : null,
        Alert = p.Stale ? $"Availability last confirmed on {p.LastConfirmedAt.UtcDateTime:yyyy-MM-dd}." : null,
        LastModified = p.LastChangedAt,
    };

    public static HsdsOrganization OrganizationRow(ProviderListing p) => new()
    {
        Id = HsdsIds.Organization(p.Id),
        Name = p.Name,
        Description = Description(p),
        Email = Email(p),
    };

    public static HsdsLocation Location(ProviderListing p, int? place)
    {
        var id = HsdsIds.Location(p.Id, place);
        if (place is not { } i)
            return new()
            {
                Id = id,
                LocationType = "virtual",
                OrganizationId = HsdsIds.Organization(p.Id),
                Name = "Telehealth",
                Description = "Video sessions for people in " + string.Join(", ", p.TelehealthStates.Select(StateName)) + ".",
            };
        var at = p.Locations[i];
        return new()
        {
            Id = id,
            LocationType = "physical",
            OrganizationId = HsdsIds.Organization(p.Id),
            Name = PlaceName(at),
            Latitude = at.Latitude,
            Longitude = at.Longitude,
            Addresses = [new HsdsAddress(HsdsIds.Address(p.Id, i), id, at.Street, at.City, at.State, at.Zip, "US", "physical")],
        };
    }

    // Set in the provider's profile; the organization's own description too, since HSDS requires one.
    private static string Description(ProviderListing p) => !string.IsNullOrWhiteSpace(p.Bio) ? p.Bio
        : p.Credentials.Count > 0 ? $"{p.Name}, {string.Join(", ", p.Credentials)}." : $"{p.Name}.";

    private static string PlaceName(PracticeLocation at) => at.Name ?? $"{at.City}, {at.State}";

    private static string StateName(string code) => Regions.Find(code)?.Name ?? code;
}
