using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReferralNetwork.Api;

public static class ApiConventions
{
    /// <summary>The largest JSON body any endpoint accepts; a full provider profile is a few kilobytes.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Lost races and refused bodies are answers, not faults, and an outage is one warning (ProblemExceptionHandler):
            // no error log with a stack trace for them.
            SuppressDiagnosticsCallback = c => c.Exception is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException or Microsoft.AspNetCore.Http.BadHttpRequestException
                || DatabaseOutage.IsOutage(c.Exception),
        });
        app.UseStatusCodePages();
        // Refuse oversized bodies before anything reads them (Kestrel enforces the same limit on chunked bodies).
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
                    detail: $"Request bodies may be at most {MaxRequestBodyBytes} bytes.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            await next(context);
        });
        return app;
    }
}
