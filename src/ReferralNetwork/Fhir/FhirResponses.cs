using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace ReferralNetwork.Fhir;

/// <summary>FHIR answers: a resource, or an OperationOutcome with the HTTP status, as application/fhir+json.</summary>
public static class FhirResponses
{
    public const string MediaType = "application/fhir+json";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK) => new FhirResult(resource, status);

    public static IResult NotFound(string type, string id) =>
        Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No {type} has id {id}.");

    /// <summary>A search parameter that breaks a rule: 400 naming it (issue.expression is the parameter's name).</summary>
    public static IResult BadParameter(string name, string rule) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, $"Search parameter '{name}' {rule}", name);

    public static IResult Outcome(int status, OperationOutcome.IssueType type, string diagnostics, string? expression = null) =>
        new FhirResult(OutcomeOf(type, diagnostics, expression), status);

    public static OperationOutcome OutcomeOf(OperationOutcome.IssueType type, string diagnostics, string? expression = null)
    {
        var issue = new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = diagnostics };
        if (expression is not null) issue.Expression = [expression];
        return new OperationOutcome { Issue = [issue] };
    }

    public static System.Threading.Tasks.Task WriteAsync(HttpContext context, Resource resource, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{MediaType}; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, resource, resource.GetType(), Json, context.RequestAborted);
    }

    private sealed class FhirResult(Resource resource, int status) : IResult
    {
        public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, resource, status);
    }
}
