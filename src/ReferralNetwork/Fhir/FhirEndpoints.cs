using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace ReferralNetwork.Fhir;

/// <summary>
/// How the /fhir routes are described in OpenAPI: FHIR JSON in and out, and refusals as OperationOutcome
/// (application/fhir+json), not the ProblemDetails the rest of the API declares.
/// </summary>
public static class FhirEndpoints
{
    /// <summary>Declares a /fhir chain's answers and returns true; false for any other chain.</summary>
    public static bool Describe(HttpChain chain)
    {
        if (!chain.RoutePattern!.RawText!.TrimStart('/').StartsWith("fhir/", StringComparison.Ordinal)) return false;
        int[] refusals = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status406NotAcceptable];
        if (chain.Method.Method.IsDefined(typeof(EnableRateLimitingAttribute), false)) refusals = [.. refusals, StatusCodes.Status429TooManyRequests];
        chain.Metadata.Produces(StatusCodes.Status200OK, contentType: FhirResponses.MediaType);
        foreach (var status in refusals) chain.Metadata.Produces(status, contentType: FhirResponses.MediaType);
        return true;
    }
}
