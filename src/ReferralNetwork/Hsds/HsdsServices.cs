using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Hsds;

public static class HsdsServicesEndpoint
{
    /// <summary>Checks the raw query string, so a bad value is named rather than silently ignored.</summary>
    public static ProblemDetails Validate(HttpRequest request) => HsdsQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>
    /// The directory's services, one per verified, active provider, in name order; HSDA's paging envelope. Filters: search
    /// (name and profile), taxonomy_term_id, organization_id, postcode with proximity (miles, any practice address),
    /// modified_after; full=true gives each service fully nested.
    /// </summary>
    [WolverineGet("/hsds/services", OperationId = "listHsdsServices"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("List services (HSDS 3.0)")]
    [ProducesResponseType<HsdsPage<HsdsService>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        HttpRequest request, NpgsqlDataSource database, IDocumentStore store, TimeProvider clock, CancellationToken ct,
        string? search = null, [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId = null,
        [FromQuery(Name = "organization_id")] string? organizationId = null, string? postcode = null, string? proximity = null,
        [FromQuery(Name = "modified_after")] string? modifiedAfter = null, string? full = null, string? format = null,
        string? page = null, [FromQuery(Name = "per_page")] string? perPage = null)
    {
        // The typed parameters describe the query in OpenAPI; the raw query (already validated) is the source.
        var q = HsdsQuery.Parse(request.Query).Query!;
        var (total, rows) = await HsdsReads.PageAsync(database, store,
            command => HsdsSql.Providers(command, q, HsdsReads.Table(store), HsdsReads.Today(clock)), ct);
        return HsdsReads.Page(rows.Select(r => q.Full ? HsdsMapping.FullService(r.Listing) : HsdsMapping.ListedService(r.Listing)).ToList(), total, q);
    }
}

public static class GetHsdsServiceEndpoint
{
    /// <summary>One service, fully nested: organization, locations with addresses, service areas, languages, cost options, taxonomy terms.</summary>
    [WolverineGet("/hsds/services/{id}", OperationId = "getHsdsService"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Get a service (HSDS 3.0)")]
    [ProducesResponseType<HsdsService>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string id, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var listing = await HsdsLookup.ProviderAsync("service", id, session, clock, ct);
        return listing is null ? HsdsLookup.NotFound("service", id) : HsdsReads.One(HsdsMapping.FullService(listing));
    }
}

/// <summary>Finds the listed provider an HSDS id was made from (<see cref="HsdsIds"/>).</summary>
public static class HsdsLookup
{
    public static async Task<ProviderListing?> ProviderAsync(string kind, string id, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return null;
        var listing = await session.LoadAsync<ProviderListing>(HsdsIds.ProviderOf(kind, guid), ct);
        return listing is not null && HsdsSql.IsListed(listing, HsdsReads.Today(clock)) ? listing : null;
    }

    // Unlisted (unverified, deactivated) providers are missing here, exactly as an id that never existed.
    public static IResult NotFound(string what, string id) =>
        Results.Problem(Problem.NotFound($"The directory has no {what} with id {(id.Length <= 40 ? id : id[..40] + "…")}."));
}
