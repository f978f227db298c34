using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace ReferralNetwork.Fhir;

/// <summary>
/// How the /fhir routes are described in OpenAPI: FHIR JSON out, and refusals as OperationOutcome
/// (application/fhir+json), not the ProblemDetails the rest of the API declares. Only the refusals each can give:
/// 400 for a search, 401/403 where a policy applies, 404 where the route names an id, 406 for every one.
/// </summary>
public static class FhirEndpoints
{
    /// <summary>Declares a /fhir chain's answers and returns true; false for any other chain.</summary>
    public static bool Describe(HttpChain chain)
    {
        if (!chain.RoutePattern!.RawText!.TrimStart('/').StartsWith("fhir/", StringComparison.Ordinal)) return false;
        var method = chain.Method.Method;
        var search = method.IsDefined(typeof(EnableRateLimitingAttribute), false);
        var open = method.IsDefined(typeof(AllowAnonymousAttribute), false);
        var refusals = new List<int>();
        if (search) refusals.Add(StatusCodes.Status400BadRequest);
        if (!open) refusals.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (chain.RoutePattern.Parameters.Count > 0) refusals.Add(StatusCodes.Status404NotFound);
        refusals.Add(StatusCodes.Status406NotAcceptable);
        if (search) refusals.Add(StatusCodes.Status429TooManyRequests);

        // The endpoints return IResult (FHIR's own serializer writes the body): that type says nothing to a reader.
        chain.Metadata.Finally(b =>
        {
            foreach (var meta in b.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.Type == typeof(IResult)).ToList()) b.Metadata.Remove(meta);
        });
        chain.Metadata.Produces(StatusCodes.Status200OK, contentType: FhirResponses.MediaType);
        foreach (var status in refusals) chain.Metadata.Produces(status, contentType: FhirResponses.MediaType);
        return true;
    }
}
