using System.Text.Json.Serialization;

namespace ReferralNetwork.Hsds;

/// <summary>A state the provider sees people from by telehealth.</summary>
public sealed record HsdsServiceArea(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("extent")] string Extent,
    [property: JsonPropertyName("extent_type")] string ExtentType);

public sealed record HsdsLanguage(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("code")] string Code);

/// <summary>A fee: pro bono (amount 0) or one end of the sliding scale.</summary>
public sealed record HsdsCostOption(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("option")] string Option,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("amount_description")] string AmountDescription);

public sealed record HsdsPhone(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("service_id")] Guid? ServiceId = null,
    [property: JsonPropertyName("organization_id")] Guid? OrganizationId = null);

/// <summary>Links a service to a taxonomy term (a specialty, an age group, an availability fact), with the term inline.</summary>
public sealed record HsdsAttribute(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("link_id")] Guid LinkId,
    [property: JsonPropertyName("link_type")] string LinkType,
    [property: JsonPropertyName("link_entity")] string LinkEntity,
    [property: JsonPropertyName("taxonomy_term_id")] Guid TaxonomyTermId,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("taxonomy_term")] HsdsTaxonomyTerm? TaxonomyTerm);

public sealed record HsdsTaxonomy(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] string Version);

public sealed record HsdsTaxonomyTerm(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("taxonomy")] string Taxonomy,
    [property: JsonPropertyName("taxonomy_id")] Guid TaxonomyId,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("term_uri")] string? TermUri = null,
    [property: JsonPropertyName("taxonomy_detail")] HsdsTaxonomy? TaxonomyDetail = null);

/// <summary>HSDA's paging envelope around one page of results.</summary>
public sealed record HsdsPage<T>(
    [property: JsonPropertyName("total_items")] long TotalItems,
    [property: JsonPropertyName("total_pages")] long TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents)
{
    public static HsdsPage<T> Of(IReadOnlyList<T> contents, long total, int page, int perPage)
    {
        var pages = (total + perPage - 1) / perPage;
        return new(total, pages, page, contents.Count, page == 1, page >= pages, total == 0, contents);
    }
}

/// <summary>The answer of GET /hsds/: which HSDS version and profile this API follows, and where its description is.</summary>
public sealed record HsdsApiInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);
