using Hl7.Fhir.Model;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Hosting;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Fhir;

// Searched by whoever may search the JSON directory (GET /api/providers): advocates and admins.

public static class SearchFhirPractitionerRolesEndpoint
{
    [WolverineGet("/fhir/PractitionerRole", OperationId = "searchFhirPractitionerRoles"), Tags("FHIR"), Authorize(Policy = Policies.Directory), EnableRateLimiting(Messaging.SearchRateLimit)]
    [EndpointSummary("Search PractitionerRoles"), EndpointDescription(SearchBundle.Description)]
    public static System.Threading.Tasks.Task<IResult> Get(HttpRequest request, NpgsqlDataSource database, IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        SearchBundle.AnswerAsync("PractitionerRole", FhirDirectory.Role, request, database, store, session, clock, ct);
}

public static class SearchFhirHealthcareServicesEndpoint
{
    [WolverineGet("/fhir/HealthcareService", OperationId = "searchFhirHealthcareServices"), Tags("FHIR"), Authorize(Policy = Policies.Directory), EnableRateLimiting(Messaging.SearchRateLimit)]
    [EndpointSummary("Search HealthcareServices"), EndpointDescription(SearchBundle.Description)]
    public static System.Threading.Tasks.Task<IResult> Get(HttpRequest request, NpgsqlDataSource database, IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        SearchBundle.AnswerAsync("HealthcareService", FhirDirectory.Service, request, database, store, session, clock, ct);
}

/// <summary>A directory search as a FHIR searchset Bundle: the page's resources, the total, and paging links.</summary>
public static class SearchBundle
{
    public const string Description = "A searchset Bundle of verified, active providers in name order, with total and self/first/previous/next/last links. "
        + "Parameters: specialty (trauma specialty code; repeat to require several), location (Location/{id}), location.address-state (a state with a practice address), "
        + "new-patient (newpt or nopt, Plan-Net), _count (1-100, default 20), page (1-1000). Any other parameter is a 400 OperationOutcome naming it.";

    public static async System.Threading.Tasks.Task<IResult> AnswerAsync(string type, Func<ProviderListing, Resource> map, HttpRequest request,
        NpgsqlDataSource database, IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (search, parameter, rule) = DirectorySearch.Parse(request.Query);
        if (search is null) return FhirResponses.BadParameter(parameter!, rule!);
        var (page, total) = await DirectoryQuery.RunAsync(search, database, store, session, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

        var root = FhirFormat.Base(request);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = (int)Math.Min(total, int.MaxValue), Timestamp = clock.GetUtcNow() };
        var (number, size) = (search.Search.Page, search.Search.PageSize);
        var last = (int)Math.Clamp((total + size - 1) / size, 1, ProviderSearch.MaxPage);
        bundle.Link.Add(Link("self", root, type, request.Query, number));
        bundle.Link.Add(Link("first", root, type, request.Query, 1));
        if (number > 1) bundle.Link.Add(Link("previous", root, type, request.Query, Math.Min(number - 1, last)));
        if (number < last) bundle.Link.Add(Link("next", root, type, request.Query, number + 1));
        bundle.Link.Add(Link("last", root, type, request.Query, last));
        foreach (var resource in page.Select(map))
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{root}/{type}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        return FhirResponses.Resource(bundle);
    }

    // The request's own parameters in their order, with page set; _format is kept so the links answer alike.
    private static Bundle.LinkComponent Link(string relation, string root, string type, IQueryCollection query, int page)
    {
        var parameters = query.Where(p => p.Key != DirectorySearch.Page)
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"{DirectorySearch.Page}={page}");
        return new Bundle.LinkComponent { Relation = relation, Url = $"{root}/{type}?{string.Join('&', parameters)}" };
    }
}
