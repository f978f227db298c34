using Microsoft.AspNetCore.Http;

namespace ReferralNetwork.Http;

/// <summary>The answer to a write on a stream: its id and new version, also sent as the ETag.</summary>
public sealed record WriteAccepted(Guid Id, long Version) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETag.For(Version);
        return Results.Json(this).ExecuteAsync(httpContext);
    }
}

/// <summary>The answer to the start of a new stream: 201 with Location and ETag.</summary>
public sealed record StreamCreated(Guid Id, long Version, string Location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETag.For(Version);
        httpContext.Response.Headers.Location = Location;
        return Results.Json(this, statusCode: StatusCodes.Status201Created).ExecuteAsync(httpContext);
    }
}
