using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Access;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Searching;

public sealed record UnverifiedProviders(IReadOnlyList<ProviderListing> Items, long Total, int Page, int PageSize);

/// <summary>The verification queue: active providers not (or no longer) verified, longest waiting first.</summary>
public static class ListUnverifiedProvidersEndpoint
{
    public const int PageSize = 25;

    [WolverineGet("/api/providers/unverified", OperationId = "listUnverifiedProviders"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List providers awaiting verification")]
    public static async Task<UnverifiedProviders> Get(IQuerySession session, CancellationToken ct, int? page = null)
    {
        var number = Math.Clamp(page ?? 1, 1, 10_000);
        var items = await session.Query<ProviderListing>().Where(p => !p.Verified && p.Active)
            .OrderBy(p => p.OnboardedAt).ThenBy(p => p.Id).Stats(out var stats)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new UnverifiedProviders(items, stats.TotalResults, number, PageSize);
    }
}
