using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;
using ReferralNetwork.Hosting;

namespace ReferralNetwork.Api;

/// <summary>Requests per caller per minute (RateLimits section). A caller is the signed-in user, else the client address.</summary>
public sealed class RateLimitOptions
{
    public int SearchPerMinute { get; set; } = 120;
    public int WritesPerMinute { get; set; } = 60;
}

/// <summary>Search and writes are limited per caller; past the limit the answer is 429 with Retry-After.</summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits")
            .Validate(o => o.SearchPerMinute > 0 && o.WritesPerMinute > 0, "RateLimits:SearchPerMinute and RateLimits:WritesPerMinute must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Messaging.SearchRateLimit, http => PerCaller(http, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SearchPerMinute));
            o.AddPolicy(Messaging.WritesRateLimit, http => PerCaller(http, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.WritesPerMinute));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This caller has reached its limit for these requests; retry after {retryAfter} seconds.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerCaller(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{perMinute}:{Roles.UserIdOf(http.User) ?? "address:" + http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
