using System.Globalization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;

namespace ReferralNetwork.Hsds;

/// <summary>HSDA's query parameters that apply to this directory, parsed and checked; every bad value is named.</summary>
public sealed record HsdsQuery(
    string? Search, HsdsTaxonomyTerm? Term, Guid? Organization, ZipCentroid? Postcode, double Proximity,
    DateTimeOffset? ModifiedAfter, bool Full, int Page, int PerPage)
{
    public const int MaxPerPage = 100, DefaultPerPage = 20, MaxPage = 10_000, MaxSearchLength = 100;
    public const double DefaultProximityMiles = 25, MaxProximityMiles = 300;

    public int Offset => (Page - 1) * PerPage;

    public static (HsdsQuery? Query, ValidationProblems Problems) Parse(IQueryCollection query)
    {
        var p = new ValidationProblems();
        var search = Text(query, "search");
        if (search is not null) p.Require(search.Length <= MaxSearchLength, "search", $"must be at most {MaxSearchLength} characters");

        HsdsTaxonomyTerm? term = null;
        if (Text(query, "taxonomy_term_id") is { } termText)
            p.Require(Guid.TryParse(termText, out var termId) && (term = HsdsTaxonomies.FindTerm(termId)) is not null,
                "taxonomy_term_id", "must be the id of a taxonomy term of this directory; see GET /hsds/taxonomy_terms");
        Guid? organization = null;
        if (Text(query, "organization_id") is { } orgText)
            organization = p.Require(Guid.TryParse(orgText, out var orgId), "organization_id", "must be an organization id (a UUID)")
                ? HsdsIds.ProviderOf("organization", orgId) : null;

        ZipCentroid? postcode = null;
        if (Text(query, "postcode") is { } zip)
            p.Require(ZipCentroids.Default.TryFind(zip, out postcode), "postcode", $"'{Clip(zip)}' is not a known 5-digit US ZIP code");
        var proximity = DefaultProximityMiles;
        if (Text(query, "proximity") is { } miles)
        {
            if (p.Require(double.TryParse(miles, NumberStyles.Float, CultureInfo.InvariantCulture, out proximity), "proximity", $"'{Clip(miles)}' is not a number"))
                p.Require(proximity is > 0 and <= MaxProximityMiles, "proximity", $"must be more than 0 and at most {MaxProximityMiles} (miles)");
            p.Require(query.ContainsKey("postcode"), "proximity", "needs 'postcode' (a ZIP code)");
        }

        DateTimeOffset? after = null;
        if (Text(query, "modified_after") is { } when)
            after = p.Require(DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at),
                "modified_after", $"'{Clip(when)}' must be an ISO 8601 date or date-time, e.g. 2026-01-31T00:00:00Z") ? at : null;

        var full = Text(query, "full") switch
        {
            null or "false" => false,
            "true" => true,
            var other => p.Reject("full", $"'{Clip(other)}' must be true or false", false),
        };
        if (Text(query, "format") is { } format)
            p.Require(format == "json", "format", "must be json (for everything at once, GET /hsds/export.zip)");
        var page = Number(query, "page", p) ?? 1;
        p.Require(page is >= 1 and <= MaxPage, "page", $"must be between 1 and {MaxPage}");
        var perPage = Number(query, "per_page", p) ?? DefaultPerPage;
        p.Require(perPage is >= 1 and <= MaxPerPage, "per_page", $"must be between 1 and {MaxPerPage}");

        return p.IsEmpty ? (new(search, term, organization, postcode, proximity, after, full, page, perPage), p) : (null, p);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static int? Number(IQueryCollection query, string name, ValidationProblems p)
    {
        if (Text(query, name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : p.Reject<int?>(name, $"'{Clip(text)}' is not a whole number", null);
    }

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
