using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace ReferralNetwork.Api;

/// <summary>
/// PostgreSQL cannot be reached (stopped, restarting, refusing connections, or every pooled connection busy past the
/// connect timeout): the request answers 503 with <c>Retry-After</c>, an API caller as ProblemDetails, a page as the
/// calm "briefly unavailable" page. The same request succeeds once the database is back.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client should wait before retrying; the app is ready again within a second of the database.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception exception)
    {
        // Marten, Wolverine and Polly wrap Npgsql's exception: look through the chain.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ServiceBrieflyUnavailableException:
                    return true;
                case PostgresException postgres:
                    return IsOutage(postgres.SqlState);
                // Refused or lost connections, and timeouts while connecting or waiting for a pooled connection.
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Class 08 (connection exceptions), 53300 too many connections, 53000 insufficient resources, and 57P01–57P03
    /// (the server shutting down, crashed, or still starting). Not deadlocks or serialization failures: those are a
    /// race between requests, not the database being away.
    /// </summary>
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "53000" or "53300" or "57P01" or "57P02" or "57P03";

    public static ProblemDetails Problem(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is briefly unavailable",
            Detail = $"The database cannot be reached at the moment; retry in {RetryAfterSeconds} seconds.",
        };
    }

    /// <summary>
    /// For the pages (inside their status-code pages): an outage renders /status/503 instead of an error. A page that
    /// calls the API gets its 503 through <see cref="Pages.ApiClient"/>, which throws <see cref="ServiceBrieflyUnavailableException"/>.
    /// </summary>
    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    });
}

/// <summary>The API answered 503 to a page's call: the page cannot be shown until the database is back.</summary>
public sealed class ServiceBrieflyUnavailableException() : Exception("The API answered 503 Service Unavailable.");
