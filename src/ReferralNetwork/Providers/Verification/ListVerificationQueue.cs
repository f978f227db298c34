using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Verification;

/// <summary>One provider in the queue, with the stream version the page's forms send back as If-Match.</summary>
public sealed record QueuedProvider(long Version, VerificationCase Provider);

public sealed record VerificationQueue(IReadOnlyList<QueuedProvider> Items, long Total, int Page, int PageSize);

/// <summary>The verification queue: active providers not (or no longer) verified, longest waiting first, filtered.</summary>
public static class ListVerificationQueueEndpoint
{
    public const int PageSize = 25;

    public static ProblemDetails Validate(HttpRequest request) => QueueFilter.Parse(request.Query).Problems;

    [WolverineGet("/api/providers/unverified", OperationId = "listUnverifiedProviders"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List providers awaiting verification"), EndpointDescription("Oldest first. state: a licence or practice state (e.g. VA); " +
        "waitingDays: only those waiting at least that many days; show: waiting (default: all not declined), needs-decision, waiting-for-provider or declined.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<VerificationQueue> Get(HttpRequest request, IQuerySession session, TimeProvider clock, CancellationToken ct,
        string? state = null, int? waitingDays = null, string? show = null, int? page = null)
    {
        // The typed parameters describe the query in OpenAPI; the raw query (already validated) is the source.
        var filter = QueueFilter.Parse(request.Query);
        var query = session.Query<VerificationCase>().Where(c => c.Active && !c.Verified);
        query = filter.Show switch
        {
            QueueShow.NeedsDecision => query.Where(c => c.Review == ReviewStatus.Waiting || c.Review == ReviewStatus.ProviderReplied),
            QueueShow.WaitingForProvider => query.Where(c => c.Review == ReviewStatus.InformationRequested),
            QueueShow.Declined => query.Where(c => c.Review == ReviewStatus.Declined),
            _ => query.Where(c => c.Review != ReviewStatus.Declined),
        };
        if (filter.State is { } code) query = query.Where(c => c.States.Contains(code));
        if (filter.WaitingDays is { } days)
        {
            var cutoff = clock.GetUtcNow().AddDays(-days);
            query = query.Where(c => c.WaitingSince <= cutoff);
        }
        var number = filter.Page;
        var cases = await query.OrderBy(c => c.WaitingSince).ThenBy(c => c.Id).Stats(out var stats)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var versions = (await session.LoadManyAsync<Provider>(ct, cases.Select(c => c.Id))).ToDictionary(p => p.Id, p => p.Version);
        return new VerificationQueue(cases.Select(c => new QueuedProvider(versions.GetValueOrDefault(c.Id), c)).ToList(), stats.TotalResults, number, PageSize);
    }
}
