using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ReferralNetwork.Http;

/// <summary>The ProblemDetails this API answers with besides validation errors.</summary>
public static class Problem
{
    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The resource's state does not allow this",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        Detail = detail,
    };

    public static ProblemDetails PreconditionFailed(string detail) => new()
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Title = "The resource has changed",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        Detail = detail,
    };

    public static ProblemDetails PreconditionRequired(string detail) => new()
    {
        Status = StatusCodes.Status428PreconditionRequired,
        Title = "An If-Match header is required",
        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        Detail = detail,
    };

    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        Detail = detail,
    };
}
