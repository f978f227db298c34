using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace ReferralNetwork.Fhir;

public static class ReadFhirCapabilitiesEndpoint
{
    /// <summary>Open to anyone, as FHIR clients read it before they sign in; it says what is served, nothing about whom.</summary>
    [WolverineGet("/fhir/metadata", OperationId = "readFhirCapabilities"), Tags("FHIR"), AllowAnonymous]
    [EndpointSummary("Read the CapabilityStatement"), EndpointDescription("Exactly what these read-only FHIR R4 views serve: resources, interactions and search parameters.")]
    public static IResult Get(HttpRequest request) => FhirResponses.Resource(Capabilities.Of(FhirFormat.Base(request)));
}

public static class Capabilities
{
    /// <summary>The date this statement last changed: change it with the statement.</summary>
    public const string Date = "2026-12-07";

    public static CapabilityStatement Of(string baseUrl) => new()
    {
        Name = "ReferralNetworkFhirViews",
        Title = "ReferralNetwork FHIR R4 views",
        Status = PublicationStatus.Active,
        Date = Date,
        Publisher = "ReferralNetwork",
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "ReferralNetwork" },
        Implementation = new ImplementationComponent { Description = "ReferralNetwork FHIR R4 views (read-only)", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = "Read-only views of the provider directory and of referrals. Every call but this one needs a bearer token (docs/security.md).",
                Security = new SecurityComponent { Description = "OAuth 2.0 bearer tokens (JWT) from the organisation's OpenID Connect issuer; roles advocate, provider, admin." },
                Resource =
                [
                    Read("Practitioner", "Verified, active providers: id = the provider id."),
                    Searchable("PractitionerRole", "One role per verified, active provider: id = the provider id."),
                    Searchable("HealthcareService", "One service per verified, active provider: id = the provider id."),
                    Read("Location", "Practice addresses and telehealth areas of verified, active providers."),
                    Read("Task", "A referral, read by its parties and admins: id = the referral id."),
                ],
            },
        ],
    };

    private static ResourceComponent Read(string type, string documentation) => new()
    {
        Type = type,
        Documentation = documentation,
        Interaction = [new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read }],
        Versioning = ResourceVersionPolicy.NoVersion,
        ReadHistory = false,
        UpdateCreate = false,
    };

    private static ResourceComponent Searchable(string type, string documentation)
    {
        var resource = Read(type, documentation);
        resource.Interaction.Add(new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType });
        resource.SearchParam =
        [
            Parameter(DirectorySearch.Specialty, SearchParamType.Token, $"http://hl7.org/fhir/SearchParameter/{type}-specialty",
                $"A trauma specialty code (system {FhirCodes.Specialty}); repeat to require several (AND). One code per parameter."),
            Parameter(DirectorySearch.Location, SearchParamType.Reference, $"http://hl7.org/fhir/SearchParameter/{type}-location", "Location/{id}: the provider with that location."),
            Parameter(DirectorySearch.State, SearchParamType.String, null, "Chained location.address-state: a US state code where the provider has a practice address (exact match)."),
            Parameter(DirectorySearch.NewPatient, SearchParamType.Token, type == "PractitionerRole" ? "http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/practitionerrole-new-patient" : null,
                $"newpt (accepting new patients, with an open place) or nopt (system {FhirCodes.AcceptingPatients})."),
            Parameter(DirectorySearch.Count, SearchParamType.Number, null, "Page size, 1-100 (default 20)."),
            Parameter(DirectorySearch.Page, SearchParamType.Number, null, "Page number, 1-1000; the Bundle's links carry it."),
        ];
        return resource;
    }

    private static CapabilityStatement.SearchParamComponent Parameter(string name, SearchParamType type, string? definition, string documentation) =>
        new() { Name = name, Type = type, Definition = definition, Documentation = documentation };
}
