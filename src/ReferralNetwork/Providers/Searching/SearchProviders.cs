using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Hosting;
using ReferralNetwork.Http;
using ReferralNetwork.Referrals;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Searching;

/// <summary>One search result: the public part of a listing and why it matched.</summary>
public sealed record ProviderSearchItem(
    Guid Id, string Name, IReadOnlyList<string> Credentials, IReadOnlyList<string> Specialties,
    IReadOnlyList<string> MatchedSpecialties, IReadOnlyList<string> Languages, IReadOnlyList<string> AgeGroups,
    FeeTerms FeeTerms, Availability Availability, IReadOnlyList<PracticeLocation> Locations,
    IReadOnlyList<string> TelehealthStates, bool Verified, DateTimeOffset LastConfirmedAt, bool Stale,
    double? DistanceMiles, string? MatchedBy, ResponseSummary? Responses);

/// <summary>
/// How the provider answers referrals (from ProviderResponseStats, async): "usually answers within 2 days". With the
/// counts behind each figure (answers timed, referrals decided), so a reader can tell one case from many.
/// </summary>
public sealed record ResponseSummary(double? MedianHoursToAnswer, double? AcceptanceRate, int Answers = 0, int Accepted = 0, int Decided = 0);

public sealed record ProviderSearchResults(IReadOnlyList<ProviderSearchItem> Items, long Total, int Page, int PageSize);

public static class SearchProvidersEndpoint
{
    /// <summary>Checks the raw query string, so a bad value is named rather than silently ignored.</summary>
    public static ProblemDetails Validate(HttpRequest request) => ProviderSearch.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>
    /// Find providers for a family: near a ZIP (miles) or in a state, optionally by telehealth into that state;
    /// by specialty (all listed), age group, language, fee terms, accepting and verification. Ordered by distance
    /// when near is given, else by name; then by id.
    /// </summary>
    [WolverineGet("/api/providers", OperationId = "searchProviders"), Tags("Providers"), Authorize(Policy = Policies.Directory), EnableRateLimiting(Messaging.SearchRateLimit)]
    [EndpointSummary("Search providers")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<ProviderSearchResults> Get(
        HttpRequest request, NpgsqlDataSource database, IDocumentStore store, TimeProvider clock, CancellationToken ct,
        string? state = null, string? near = null, double? radiusMiles = null, bool? telehealth = null,
        string[]? specialty = null, string? ageGroup = null, string? language = null, string? fee = null,
        decimal? maxFee = null, bool? accepting = null, string? verified = null, string? sort = null, int? page = null, int? pageSize = null)
    {
        // The typed parameters describe the query in OpenAPI; the raw query (already validated) is the source.
        var search = ProviderSearch.Parse(request.Query).Search!;
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search, ProviderSearchSchema.TableName(store), ProviderSearchSchema.TableOf<ProviderResponseStats>(store),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var serializer = store.Options.Serializer();
        var items = new List<ProviderSearchItem>(search.PageSize);
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            var listing = serializer.FromJson<ProviderListing>(reader, 0);
            double? distance = reader.IsDBNull(1) ? null : Math.Round(reader.GetDouble(1), 1);
            string? matchedBy = reader.IsDBNull(2) ? null : reader.GetBoolean(2) ? "in-person" : "telehealth";
            total = reader.GetInt64(3);
            var responses = reader.IsDBNull(4) && reader.IsDBNull(5) ? null
                : new ResponseSummary(reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                    reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8));
            items.Add(new ProviderSearchItem(listing.Id, listing.Name, listing.Credentials, listing.Specialties,
                search.Specialties.Intersect(listing.Specialties).ToList(), listing.Languages, listing.AgeGroups,
                listing.FeeTerms, listing.Availability, listing.Locations, listing.TelehealthStates, listing.Verified,
                listing.LastConfirmedAt, listing.Stale, distance, matchedBy, responses));
        }
        if (items.Count == 0 && search.Page > 1) total = await CountAsync(database, search, store, clock, ct);
        return new ProviderSearchResults(items, total, search.Page, search.PageSize);
    }

    // A page past the end has no rows to carry the window count; ask for the first page's count instead.
    private static async Task<long> CountAsync(NpgsqlDataSource database, ProviderSearch search, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search with { Page = 1, PageSize = 1 }, ProviderSearchSchema.TableName(store),
            ProviderSearchSchema.TableOf<ProviderResponseStats>(store), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(3) : 0;
    }
}
