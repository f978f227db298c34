using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;

namespace ReferralNetwork.Api;

/// <summary>
/// What the API refuses of any request before an endpoint sees it, so that no value a client can send reaches
/// PostgreSQL or the event store unchecked (docs/architecture.md, "Errors"): a body without a Content-Type (415),
/// the nil GUID as a route id (404), and text that breaks <see cref="AcceptedText"/> in a query value or anywhere in
/// a JSON body (400 naming the parameter or field path). Runs after authentication, so strangers still get 401.
/// </summary>
public static class InputRules
{
    public static WebApplication UseInputRules(this WebApplication app)
    {
        app.UseWhen(c => Authentication.IsApi(c.Request), b => b.Use(Check));
        return app;
    }

    private static async Task Check(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var refusal = NilRouteId(request) ?? await UnsupportedOrUnacceptedText(context);
        if (refusal is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = refusal.Status!.Value;
        await Results.Problem(refusal).ExecuteAsync(context);
    }

    // Marten refuses an empty stream id with an exception; no resource ever has it, so it is simply not found.
    private static ProblemDetails? NilRouteId(HttpRequest request) => request.RouteValues
        .Where(v => v.Value is string s && Guid.TryParse(s, out var id) && id == Guid.Empty)
        .Select(v => Problem.NotFound($"Nothing has the nil id as its {v.Key}."))
        .FirstOrDefault();

    private static async Task<ProblemDetails?> UnsupportedOrUnacceptedText(HttpContext context)
    {
        var request = context.Request;
        var problems = new ValidationProblems();
        foreach (var (name, values) in request.Query)
        {
            if (AcceptedText.Check(name) is { } nameRule) problems.Add("query", $"has a parameter name that {nameRule}");
            else if (values.Select(v => AcceptedText.Check(v)).FirstOrDefault(r => r is not null) is { } rule) problems.Add(name, rule);
        }
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            if (string.IsNullOrEmpty(request.ContentType)) return UnsupportedMediaType();
            if (IsJson(request.ContentType)) AcceptedText.CheckJson((await Buffered(request)).Span, problems);
        }
        return problems.IsEmpty ? null : problems.ToProblemDetails();
    }

    // Wolverine reads a body with no Content-Type as JSON; the API asks clients to say what they send.
    private static ProblemDetails UnsupportedMediaType() => new()
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = "Unsupported media type",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        Detail = "A request with a body must say its type: Content-Type: application/json.",
    };

    // The same media types Wolverine's body reader takes as JSON, so that every body it reads has been checked.
    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("*/*", StringComparison.Ordinal) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole body (at most <see cref="ApiConventions.MaxRequestBodyBytes"/>), left rewound for the endpoint.</summary>
    private static async Task<ReadOnlyMemory<byte>> Buffered(HttpRequest request)
    {
        // In memory: the body limit is small, and a body must not be spilled to a temporary file.
        request.EnableBuffering(bufferThreshold: (int)ApiConventions.MaxRequestBodyBytes);
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }
}
