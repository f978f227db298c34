using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;

namespace ReferralNetwork.Api;

/// <summary>
/// Turns what escapes an endpoint into RFC 9457 ProblemDetails: a lost write race is 412 (the If-Match
/// contract) or 409, a body Kestrel refuses keeps its status, and anything else is a 500 that reveals nothing.
/// (Unreadable JSON never gets here: Wolverine answers it with its own 400 naming the JSON path.)
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            // With If-Match the client named a version: 412. Without (referral actions), it is a plain conflict.
            ConcurrencyException when context.Request.Headers.IfMatch.Count > 0 =>
                Problem.PreconditionFailed("Someone else changed this resource while your change was being saved; fetch it again and reapply your change."),
            // Two first writes to the same new stream (a provider joining twice at once): the second is a conflict.
            Marten.Exceptions.ExistingStreamIdCollisionException => Problem.Conflict("This resource was created by another request at the same moment."),
            ConcurrencyException => Problem.Conflict("Someone else changed this resource at the same moment; fetch it again and retry."),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message },
            // The database is away (stopped, restarting, out of connections): 503 with Retry-After, for the client to retry.
            _ when DatabaseOutage.IsOutage(exception) => DatabaseOutage.Problem(context),
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
            LogOutage(logger, exception.GetType().FullName, context.TraceIdentifier);
        if (problem is null)
        {
            // Exception messages can hold request data; log the type and trace id only.
            LogUnexpected(logger, exception.GetType().FullName, context.TraceIdentifier);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
                Detail = "The error has been logged with this request's traceId."
            };
        }
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot be reached ({ExceptionType}); request {TraceId} answered 503")]
    private static partial void LogOutage(ILogger logger, string? exceptionType, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} for request {TraceId}")]
    private static partial void LogUnexpected(ILogger logger, string? exceptionType, string traceId);
}
