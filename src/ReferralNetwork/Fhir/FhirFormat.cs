using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReferralNetwork.Fhir;

/// <summary>
/// What every /fhir answer shares: JSON only (a request for XML or Turtle, by Accept or _format, is a 406
/// OperationOutcome), and refusals that end without a body (401, 403, the 404 of a hidden referral) get an
/// OperationOutcome, where the rest of the API gets ProblemDetails.
/// </summary>
public static class FhirFormat
{
    public const string Prefix = "/fhir";

    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json", "application/json+fhir"];

    /// <summary>Between status code pages (outside) and authorization (inside), so it sees a refusal before the former.</summary>
    public static IApplicationBuilder UseFhirFormat(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            await next(context);
            return;
        }
        if (!AcceptsJson(context.Request))
        {
            await FhirResponses.WriteAsync(context, FhirResponses.OutcomeOf(OperationOutcome.IssueType.NotSupported,
                "This server answers in FHIR JSON only: ask for application/fhir+json (or _format=json)."), StatusCodes.Status406NotAcceptable);
            return;
        }
        await next(context);
        if (context.Response.HasStarted || context.Response.StatusCode < 400) return;
        var (type, text) = context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => (OperationOutcome.IssueType.Login, "Sign in: send a bearer token."),
            StatusCodes.Status403Forbidden => (OperationOutcome.IssueType.Forbidden, "Your role may not read this."),
            // The same words as an unknown id, so a referral hidden from this caller cannot be told from a missing one.
            StatusCodes.Status404NotFound => (OperationOutcome.IssueType.NotFound, NotFound(context.Request.Path)),
            StatusCodes.Status405MethodNotAllowed => (OperationOutcome.IssueType.NotSupported, "These FHIR views are read-only."),
            StatusCodes.Status429TooManyRequests => (OperationOutcome.IssueType.Throttled, "Too many requests: try again shortly."),
            _ => (OperationOutcome.IssueType.Processing, "The request could not be completed."),
        };
        await FhirResponses.WriteAsync(context, FhirResponses.OutcomeOf(type, text), context.Response.StatusCode);
    });

    private static string NotFound(PathString path) => path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var type, var id]
        ? $"No {type} has id {id}." : $"Nothing here has the address {path}.";

    /// <summary>_format wins over Accept (FHIR's rule); no preference means JSON.</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format))
            return format.All(f => JsonFormats.Contains(f?.Trim().Split(';')[0], StringComparer.OrdinalIgnoreCase));
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.MediaType.Value is "*/*" or "application/*" || JsonFormats.Contains(a.MediaType.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The base of absolute URLs in bundles: scheme, host, path base and /fhir.</summary>
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}";
}
