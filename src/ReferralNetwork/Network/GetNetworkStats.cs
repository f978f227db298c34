using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Network;

public sealed record NetworkReport(
    SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, int>>> ReferralsByWeek,
    SortedDictionary<string, int> OpenReferralsByState,
    IReadOnlyList<StateCapacity> CapacityByState,
    IReadOnlyList<CoverageGap> CoverageGaps,
    IReadOnlyList<StateResponses> ResponsesByState);

public static class GetNetworkStatsEndpoint
{
    /// <summary>Network health: referral flow by week, state and step; capacity by state; coverage gaps; how referrals are answered by state.</summary>
    [WolverineGet("/api/network/stats", OperationId = "getNetworkStats"), Tags("Network"), Authorize(Policy = Policies.Directory)]
    [EndpointSummary("Get the network statistics")]
    public static async Task<NetworkReport> Get(IQuerySession session, NpgsqlDataSource db, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var flow = await session.LoadAsync<NetworkStats>(NetworkStats.TheId, ct) ?? new NetworkStats();
        var table = ProviderSearchSchema.TableName(store);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new NetworkReport(flow.Weeks, flow.OpenByState,
            await NetworkCapacity.ByStateAsync(db, table, today, ct), await NetworkCapacity.GapsAsync(db, table, today, ct),
            await ReferralResponses.ByStateAsync(db, store, ct));
    }
}
