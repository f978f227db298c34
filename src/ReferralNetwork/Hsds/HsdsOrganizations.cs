using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ReferralNetwork.Access;
using Wolverine.Http;

namespace ReferralNetwork.Hsds;

public static class HsdsOrganizationsEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => HsdsQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>The directory's organizations (each provider's practice), in name order; filters as for services; full=true nests each.</summary>
    [WolverineGet("/hsds/organizations", OperationId = "listHsdsOrganizations"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("List organizations (HSDS 3.0)")]
    [ProducesResponseType<HsdsPage<HsdsOrganization>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        HttpRequest request, NpgsqlDataSource database, IDocumentStore store, TimeProvider clock, CancellationToken ct,
        string? search = null, [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId = null, string? postcode = null,
        string? proximity = null, [FromQuery(Name = "modified_after")] string? modifiedAfter = null, string? full = null,
        string? format = null, string? page = null, [FromQuery(Name = "per_page")] string? perPage = null)
    {
        var q = HsdsQuery.Parse(request.Query).Query!;
        var (total, rows) = await HsdsReads.PageAsync(database, store,
            command => HsdsSql.Providers(command, q, HsdsReads.Table(store), HsdsReads.Today(clock)), ct);
        return HsdsReads.Page(rows.Select(r => q.Full ? HsdsMapping.FullOrganization(r.Listing) : HsdsMapping.OrganizationRow(r.Listing)).ToList(), total, q);
    }
}

public static class GetHsdsOrganizationEndpoint
{
    /// <summary>One organization, fully nested: its locations, its NPI as an identifier, and its service.</summary>
    [WolverineGet("/hsds/organizations/{id}", OperationId = "getHsdsOrganization"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Get an organization (HSDS 3.0)")]
    [ProducesResponseType<HsdsOrganization>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string id, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var listing = await HsdsLookup.ProviderAsync("organization", id, session, clock, ct);
        return listing is null ? HsdsLookup.NotFound("organization", id) : HsdsReads.One(HsdsMapping.FullOrganization(listing));
    }
}
