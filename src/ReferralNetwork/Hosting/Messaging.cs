using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using Wolverine;
using Wolverine.Http;
using Wolverine.Persistence;

namespace ReferralNetwork.Hosting;

public static class Messaging
{
    /// <summary>Rate limiter policies (configured by the host): provider search, and every write.</summary>
    public const string SearchRateLimit = "search", WritesRateLimit = "writes";

    /// <summary>Wolverine: handlers and endpoints from this assembly, Marten transactions applied automatically.</summary>
    public static WolverineOptions AddReferralNetworkHandlers(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(Provider).Assembly);
        options.Policies.AutoApplyTransactions();
        // A write to a stream that does not exist is a 404 ProblemDetails, like every other error.
        options.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
        // Local messages (e.g. a referral's response deadline) are stored with the events that caused them,
        // so a scheduled deadline survives restarts and is picked up by whichever node is alive.
        options.Policies.UseDurableLocalQueues();
        // Idempotency-Key on POST /api/referrals: the first response is kept and replayed for 24 hours.
        options.Durability.EnableDeduplicatedResponses = true;
        options.Durability.DeduplicationWindow = TimeSpan.FromHours(24);
        return options;
    }

    /// <summary>
    /// Node heartbeats and failover from configuration (<c>Wolverine:Durability:HealthCheckPollingTime</c>,
    /// <c>…:StaleNodeTimeout</c>, any other <see cref="DurabilitySettings"/> property). Unset keys keep Wolverine's
    /// defaults (a heartbeat every 10 s, a node stale after 1 min): docs/operations.md.
    /// </summary>
    public static WolverineOptions UseClusterSettings(this WolverineOptions options, IConfiguration configuration)
    {
        configuration.GetSection("Wolverine:Durability").Bind(options.Durability);
        return options;
    }

    public static void UseReferralNetworkEndpoints(this WolverineHttpOptions http)
    {
        // A query value that does not parse is a 400, never a silent default.
        http.RejectUnparseableQueryValues = true;
        // Every write records who made it and under which correlation id (docs/events.md).
        http.AddMiddleware(typeof(ActorStamp), IsWrite);
        http.ConfigureEndpoints(chain =>
        {
            if (chain.HttpMethods.Any(m => m == "GET")) chain.Metadata.ProducesValidationProblem();
            if (!IsWrite(chain)) return;
            chain.Metadata.ProducesValidationProblem();
            // A question sent as a POST (the fit check) names its own limit and changes no stream.
            if (chain.Method.Method.IsDefined(typeof(EnableRateLimitingAttribute), false)) return;
            chain.Metadata.RequireRateLimiting(WritesRateLimit);
            if (!chain.RoutePattern!.RawText!.Contains("{providerId}", StringComparison.Ordinal)) return;
            // Writes to an existing stream: not found, state conflict, stale or missing If-Match.
            foreach (var status in new[] { 404, 409, 412, 428 }) chain.Metadata.ProducesProblem(status);
        });
    }

    private static bool IsWrite(HttpChain chain) => chain.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
}
