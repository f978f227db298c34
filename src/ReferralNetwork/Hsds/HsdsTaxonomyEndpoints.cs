using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Hsds;

public static class HsdsTaxonomiesEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => HsdsQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>The taxonomies services are classified by: trauma specialties (with the taxonomy's version), age groups, availability.</summary>
    [WolverineGet("/hsds/taxonomies", OperationId = "listHsdsTaxonomies"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("List taxonomies (HSDS 3.0)")]
    [ProducesResponseType<HsdsPage<HsdsTaxonomy>>(StatusCodes.Status200OK)]
    public static IResult Get(HttpRequest request, string? search = null, string? format = null, string? page = null, [FromQuery(Name = "per_page")] string? perPage = null)
    {
        var q = HsdsQuery.Parse(request.Query).Query!;
        return PageOf(HsdsTaxonomies.All.Where(t => Matches(q.Search, t.Name, t.Description)).ToList(), q);
    }

    public static IResult PageOf<T>(IReadOnlyList<T> all, HsdsQuery q) =>
        HsdsReads.Page(all.Skip(q.Offset).Take(q.PerPage).ToList(), all.Count, q);

    public static bool Matches(string? search, params string[] texts) =>
        search is null || texts.Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase));
}

public static class GetHsdsTaxonomyEndpoint
{
    [WolverineGet("/hsds/taxonomies/{id}", OperationId = "getHsdsTaxonomy"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Get a taxonomy (HSDS 3.0)")]
    [ProducesResponseType<HsdsTaxonomy>(StatusCodes.Status200OK)]
    public static IResult Get(string id) =>
        Guid.TryParse(id, out var guid) && HsdsTaxonomies.Find(guid) is { } taxonomy ? HsdsReads.One(taxonomy) : HsdsLookup.NotFound("taxonomy", id);
}

public static class HsdsTaxonomyTermsEndpoint
{
    public static ProblemDetails Validate(HttpRequest request)
    {
        var problems = HsdsQuery.Parse(request.Query).Problems;
        if (request.Query["taxonomy_id"].ToString() is { Length: > 0 } taxonomy)
            problems.Require(Guid.TryParse(taxonomy, out var id) && HsdsTaxonomies.Find(id) is not null, "taxonomy_id",
                "must be the id of a taxonomy of this directory; see GET /hsds/taxonomies");
        if (request.Query["top_only"].ToString() is { Length: > 0 } top)
            problems.Require(top is "true" or "false", "top_only", "must be true or false");
        return problems.ToProblemDetails();
    }

    /// <summary>The terms of the directory's taxonomies (none has child terms: every term is a top term).</summary>
    [WolverineGet("/hsds/taxonomy_terms", OperationId = "listHsdsTaxonomyTerms"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("List taxonomy terms (HSDS 3.0)")]
    [ProducesResponseType<HsdsPage<HsdsTaxonomyTerm>>(StatusCodes.Status200OK)]
    public static IResult Get(
        HttpRequest request, string? search = null, [FromQuery(Name = "taxonomy_id")] string? taxonomyId = null,
        [FromQuery(Name = "top_only")] string? topOnly = null, [FromQuery(Name = "parent_id")] string? parentId = null,
        string? format = null, string? page = null, [FromQuery(Name = "per_page")] string? perPage = null)
    {
        var q = HsdsQuery.Parse(request.Query).Query!;
        var terms = HsdsTaxonomies.Terms
            .Where(t => taxonomyId is null || t.TaxonomyId == Guid.Parse(taxonomyId))
            .Where(_ => string.IsNullOrWhiteSpace(parentId))
            .Where(t => HsdsTaxonomiesEndpoint.Matches(q.Search, t.Code, t.Name, t.Description)).ToList();
        return HsdsTaxonomiesEndpoint.PageOf(terms, q);
    }
}

public static class GetHsdsTaxonomyTermEndpoint
{
    [WolverineGet("/hsds/taxonomy_terms/{id}", OperationId = "getHsdsTaxonomyTerm"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Get a taxonomy term (HSDS 3.0)")]
    [ProducesResponseType<HsdsTaxonomyTerm>(StatusCodes.Status200OK)]
    public static IResult Get(string id) => Guid.TryParse(id, out var guid) && HsdsTaxonomies.FindTerm(guid) is { } term
        ? HsdsReads.One(term with { TaxonomyDetail = HsdsTaxonomies.Find(term.TaxonomyId) })
        : HsdsLookup.NotFound("taxonomy term", id);
}

public static class HsdsApiInfoEndpoint
{
    public const string HsdsVersion = "3.0";

    /// <summary>HSDA's index: the HSDS version this API follows, the profile, and where the API is described.</summary>
    [WolverineGet("/hsds", OperationId = "getHsdsApiInfo"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("About this HSDS API")]
    [ProducesResponseType<HsdsApiInfo>(StatusCodes.Status200OK)]
    public static IResult Get(HttpRequest request)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return HsdsReads.One(new HsdsApiInfo(HsdsVersion, "https://openreferral.org/", $"{root}/openapi/v1.json"));
    }
}
