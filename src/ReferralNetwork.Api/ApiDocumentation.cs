using Scalar.AspNetCore;

namespace ReferralNetwork.Api;

public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReferralNetwork API";
            document.Info.Description = "Provider directory and closed-loop referrals for a mental-health referral network.";
            return Task.CompletedTask;
        }));

    /// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /scalar.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
