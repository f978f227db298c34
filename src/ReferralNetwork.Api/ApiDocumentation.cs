using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ReferralNetwork.Api;

public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddOperationTransformer(OperationTransformer).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReferralNetwork API";
            document.Info.Description = "Provider directory and closed-loop referrals for a mental-health referral network. " +
                "Every call needs a bearer token (role advocate, provider with provider_id, or admin): docs/security.md.";
            // Relative, so the document holds wherever it is served (and the committed copy stays the same).
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document" }];
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>()) tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));

    /// <summary>What each tag groups, for readers and generated clients; a tag without one fails OpenApiDocumentTests.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Providers"] = "The provider directory: search, listings, onboarding and every change to a provider (availability, fee terms, specialties, profile, verification, deactivation).",
        ["Referrals"] = "Closed-loop referrals from advocates to providers: request, the provider's answers, scheduling, closing, withdrawal, erasure, lists and the CSV export.",
        ["History"] = "The event history of one provider or referral, for administrators.",
        ["Network"] = "Figures about the whole network: referral flow, capacity, coverage gaps and response times.",
        ["Reference data"] = "The codes other calls use: trauma specialties, age groups, languages and regions.",
        ["Open Referral (HSDS)"] = "The directory as Open Referral HSDS 3.0 (the HSDA API and a tabular export): verified, active providers only; docs/hsds.md.",
        ["FHIR"] = "Read-only FHIR R4 views (application/fhir+json): the directory as Practitioner, PractitionerRole, HealthcareService and Location, a referral as a Task, and the CapabilityStatement. Refusals are OperationOutcome resources (docs/fhir.md).",
        ["Access"] = "The audit trail of reads and the end of a cookie session.",
        ["Notifications"] = "The emails the app sends: what was sent about a referral, failed deliveries, and each user's choices per kind of message.",
    };

    // Wolverine fills a missing description with the route's generated name (GET_api_providers), and declares 404
    // for every JSON answer, although a route without an id has nothing to be missing.
    private static Task OperationTransformer(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (operation.Description is { } description && Regex.IsMatch(description, "^[A-Z]+_api"))
            operation.Description = null;
        if (!context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
            operation.Responses?.Remove("404");
        return Task.CompletedTask;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /scalar, open to anyone.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
