using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Hsds;

public static class HsdsServiceAtLocationsEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => HsdsQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>
    /// Each service at each of its places: practice addresses, and telehealth as a virtual location. In name order; with a
    /// postcode, only addresses within the proximity (miles, 25 by default), nearest first.
    /// </summary>
    [WolverineGet("/hsds/service_at_locations", OperationId = "listHsdsServiceAtLocations"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("List services at locations (HSDS 3.0)")]
    [ProducesResponseType<HsdsPage<HsdsServiceAtLocation>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        HttpRequest request, NpgsqlDataSource database, IDocumentStore store, TimeProvider clock, CancellationToken ct,
        string? search = null, [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId = null,
        [FromQuery(Name = "organization_id")] string? organizationId = null, string? postcode = null, string? proximity = null,
        [FromQuery(Name = "modified_after")] string? modifiedAfter = null, string? full = null, string? format = null,
        string? page = null, [FromQuery(Name = "per_page")] string? perPage = null)
    {
        var q = HsdsQuery.Parse(request.Query).Query!;
        var (total, rows) = await HsdsReads.PageAsync(database, store,
            command => HsdsSql.ServiceAtLocations(command, q, HsdsReads.Table(store), HsdsReads.Today(clock)), ct);
        return HsdsReads.Page(rows.Select(r => HsdsMapping.ServiceAtLocation(r.Listing, r.Place, withService: true) is var at && q.Full
            ? at with { Service = HsdsMapping.FullService(r.Listing) with { ServiceAtLocations = null } } : at).ToList(), total, q);
    }
}

public static class GetHsdsServiceAtLocationEndpoint
{
    /// <summary>One service at one location, with the location (and its address) and the service inline.</summary>
    [WolverineGet("/hsds/service_at_locations/{id}", OperationId = "getHsdsServiceAtLocation"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Get a service at a location (HSDS 3.0)")]
    [ProducesResponseType<HsdsServiceAtLocation>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string id, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return HsdsLookup.NotFound("service at location", id);
        // The id names a provider and a place; try each place a provider can have, in one query.
        int?[] places = [null, .. Enumerable.Range(0, ProfileRules.MaxLocations).Select(i => (int?)i)];
        var candidates = places.ToDictionary(place => HsdsIds.ProviderOf(HsdsIds.ServiceAtLocationKind(place), guid));
        var listings = await session.LoadManyAsync<ProviderListing>(ct, candidates.Keys);
        var today = HsdsReads.Today(clock);
        var found = listings.FirstOrDefault(l => HsdsSql.IsListed(l, today) && HsdsMapping.Places(l).Contains(candidates[l.Id]));
        return found is null
            ? HsdsLookup.NotFound("service at location", id)
            : HsdsReads.One(HsdsMapping.ServiceAtLocation(found, candidates[found.Id], withService: false) with { Service = HsdsMapping.FullService(found) with { ServiceAtLocations = null } });
    }
}
