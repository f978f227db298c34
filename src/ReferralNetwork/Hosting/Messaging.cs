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

    /// <summary>A heartbeat every 2 s; a node silent for 6 s is stale and its projections move (docs/operations.md).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2), StaleNodeTimeout = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Node heartbeats and failover from configuration (<c>Wolverine:Durability:HealthCheckPollingTime</c>,
    /// <c>…:StaleNodeTimeout</c>, any other <see cref="DurabilitySettings"/> property). Unset keys keep
    /// <see cref="HeartbeatInterval"/> and <see cref="StaleNodeTimeout"/>, not Wolverine's 10 s and 1 min: a node killed
    /// and restarted (there is no other way to tell a dead process from a slow one) kept its projections standing still
    /// for 1.5 to 2 minutes with those; with these, they run again within seconds of the restart.
    /// </summary>
    public static WolverineOptions UseClusterSettings(this WolverineOptions options, IConfiguration configuration)
    {
        options.Durability.HealthCheckPollingTime = HeartbeatInterval;
        options.Durability.StaleNodeTimeout = StaleNodeTimeout;
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
            // The FHIR views answer FHIR JSON, refusals included (OperationOutcome, not ProblemDetails).
            if (Fhir.FhirEndpoints.Describe(chain)) return;
            // The refusals each route can really give, declared once here so the API description lists them:
            // no or a bad token, a role the policy refuses, a rate limit, a body too large or not JSON.
            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
            if (IsWrite(chain) || chain.Method.Method.IsDefined(typeof(EnableRateLimitingAttribute), false))
                chain.Metadata.ProducesProblem(StatusCodes.Status429TooManyRequests);
            if (chain.HasRequestType)
                chain.Metadata.ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
            // A route naming a provider or referral that does not exist (or that the caller may not know of).
            if (chain.RoutePattern!.Parameters.Count > 0) chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (chain.HttpMethods.Any(m => m == "GET")) chain.Metadata.ProducesValidationProblem();
            if (!IsWrite(chain)) return;
            chain.Metadata.ProducesValidationProblem();
            // A question sent as a POST (the fit check) names its own limit and changes no stream.
            if (chain.Method.Method.IsDefined(typeof(EnableRateLimitingAttribute), false)) return;
            chain.Metadata.RequireRateLimiting(WritesRateLimit);
            // Any write can break a state rule or lose a race with another writer: 409.
            chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
            if (!chain.RoutePattern.RawText!.Contains("{providerId}", StringComparison.Ordinal)) return;
            // Writes to a provider: stale or missing If-Match.
            chain.Metadata.ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        });
    }

    private static bool IsWrite(HttpChain chain) => chain.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
}
