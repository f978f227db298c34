using Hl7.Fhir.Model;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Fhir;

/// <summary>
/// A provider's listing as FHIR R4 directory resources (docs/fhir.md has the mapping field by field). Only what the
/// directory search shows: never the contact details, the bio, or anything about referrals.
/// </summary>
public static class FhirDirectory
{
    /// <summary>What the directory resources show: verified, active, with a licence valid today (as the JSON search).</summary>
    public static bool IsListed(ProviderListing listing, DateOnly today) =>
        listing.Active && listing.Verified && listing.LicencesValidUntil > today;

    public static Practitioner Practitioner(ProviderListing p)
    {
        var practitioner = new Practitioner
        {
            Id = FhirIds.Of(p.Id),
            Meta = Meta(p),
            Active = true,
            Name = [new HumanName { Text = p.Name }],
            Communication = p.Languages.Select(FhirCodes.Language).ToList(),
            Qualification = p.Credentials.Select(c => new Practitioner.QualificationComponent { Code = new CodeableConcept { Text = c } })
                .Concat(p.Licences.Select(Licence)).ToList(),
        };
        if (p.Npi is not null) practitioner.Identifier.Add(new Identifier(FhirCodes.Npi, p.Npi));
        return practitioner;
    }

    public static PractitionerRole Role(ProviderListing p)
    {
        var role = new PractitionerRole
        {
            Id = FhirIds.Of(p.Id),
            Meta = Meta(p),
            Active = true,
            Practitioner = new ResourceReference($"Practitioner/{FhirIds.Of(p.Id)}", p.Name),
            Specialty = p.Specialties.Select(FhirCodes.SpecialtyConcept).ToList(),
            Location = p.Locations.Select(l => new ResourceReference($"Location/{FhirIds.Location(p.Id, l)}", l.Name ?? l.City)).ToList(),
            HealthcareService = [new ResourceReference($"HealthcareService/{FhirIds.Of(p.Id)}")],
            AvailabilityExceptions = AvailabilityText(p.Availability),
        };
        role.Extension.Add(FhirCodes.NewPatientsExtension(p.Accepting));
        return role;
    }

    public static HealthcareService Service(ProviderListing p)
    {
        var service = new HealthcareService
        {
            Id = FhirIds.Of(p.Id),
            Meta = Meta(p),
            Active = true,
            Name = p.Name,
            Specialty = p.Specialties.Select(FhirCodes.SpecialtyConcept).ToList(),
            Location = p.Locations.Select(l => new ResourceReference($"Location/{FhirIds.Location(p.Id, l)}", l.Name ?? l.City)).ToList(),
            CoverageArea = p.TelehealthStates.Select(s => new ResourceReference($"Location/{FhirIds.TelehealthArea(p.Id, s)}", $"Telehealth in {s}")).ToList(),
            Communication = p.Languages.Select(FhirCodes.Language).ToList(),
            Eligibility = p.AgeGroups.Select(a => new HealthcareService.EligibilityComponent
            {
                Code = new CodeableConcept(FhirCodes.AgeGroup, a, AgeGroups.All.FirstOrDefault(g => g.Code == a)?.Label, null),
            }).ToList(),
            ServiceProvisionCode = Provision(p.FeeTerms),
            ExtraDetails = FeeText(p.FeeTerms),
            AvailabilityExceptions = AvailabilityText(p.Availability),
        };
        service.Extension.Add(FhirCodes.NewPatientsExtension(p.Accepting));
        return service;
    }

    /// <summary>Every Location of a provider: its practice addresses, then one virtual location per telehealth state.</summary>
    public static IEnumerable<Location> Locations(ProviderListing p) =>
        p.Locations.Select(l => Place(p, l)).Concat(p.TelehealthStates.Select(s => TelehealthArea(p, s)));

    private static Location Place(ProviderListing p, PracticeLocation l) => new()
    {
        Id = FhirIds.Location(p.Id, l),
        Meta = Meta(p),
        Status = Location.LocationStatus.Active,
        Mode = Location.LocationMode.Instance,
        Name = l.Name ?? $"{p.Name}, {l.City}",
        Address = new Address { Use = Address.AddressUse.Work, Type = Address.AddressType.Physical, Line = [l.Street], City = l.City, State = l.State, PostalCode = l.Zip, Country = "US" },
        // The ZIP's centroid, not the door: the coordinates search uses.
        Position = new Location.PositionComponent { Latitude = (decimal)l.Latitude, Longitude = (decimal)l.Longitude },
        PhysicalType = new CodeableConcept(FhirCodes.LocationType, "bu", "Building", null),
    };

    private static Location TelehealthArea(ProviderListing p, string state) => new()
    {
        Id = FhirIds.TelehealthArea(p.Id, state),
        Meta = Meta(p),
        Status = Location.LocationStatus.Active,
        Mode = Location.LocationMode.Kind,
        Name = $"Telehealth in {state}",
        Description = $"Sessions by video with families in {state}.",
        Address = new Address { State = state, Country = "US" },
        PhysicalType = new CodeableConcept(FhirCodes.LocationType, "vi", "Virtual", null),
    };

    private static Meta Meta(ProviderListing p) => new() { VersionId = p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = p.LastChangedAt };

    private static Practitioner.QualificationComponent Licence(Licence l) => new()
    {
        Identifier = [new Identifier { Value = l.Number }],
        Code = new CodeableConcept { Text = $"{l.Type} licence, {l.State}" },
        Period = new Period { End = l.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        Issuer = new ResourceReference { Display = $"Licensing board of {l.State}" },
    };

    private static List<CodeableConcept> Provision(FeeTerms fees)
    {
        var codes = new List<CodeableConcept>();
        if (fees.ProBono.Offered) codes.Add(new CodeableConcept(FhirCodes.ServiceProvision, "free", "Free", null));
        if (fees.SlidingScale.Offered) codes.Add(new CodeableConcept(FhirCodes.ServiceProvision, "disc", "Discounts Available", null));
        return codes;
    }

    private static string? FeeText(FeeTerms fees)
    {
        var parts = new List<string>();
        if (fees.ProBono.Offered) parts.Add(fees.ProBono.SessionsPerFamily is { } n ? $"Pro bono: up to {n} sessions per family." : "Pro bono sessions.");
        if (fees.SlidingScale is { Offered: true } s)
            parts.Add(s.MinFeeUsd is { } min && s.MaxFeeUsd is { } max ? $"Sliding scale: {min:0.##} to {max:0.##} USD a session." : "Sliding scale fees.");
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static string AvailabilityText(Availability a) => a.Status switch
    {
        AcceptingStatus.Accepting when a.TakesReferrals => $"Accepting new families: {a.OpenProBonoSlots} pro bono and {a.OpenSlidingScaleSlots} sliding-scale places open."
            + (a.TypicalWaitWeeks is { } w ? $" Typical wait {w} weeks." : ""),
        AcceptingStatus.Accepting => "Accepting, but no places open now.",
        AcceptingStatus.Paused => "Not taking new families for now.",
        _ => "Not accepting new families.",
    };
}
