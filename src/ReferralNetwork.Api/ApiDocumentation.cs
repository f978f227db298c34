using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ReferralNetwork.Api;

public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReferralNetwork API";
            document.Info.Description = "Provider directory and closed-loop referrals for a mental-health referral network. " +
                "Every call needs a bearer token (role advocate, provider with provider_id, or admin): docs/security.md.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));

    /// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /scalar, open to anyone.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
