using Marten;
using Npgsql;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Fhir;

/// <summary>
/// Runs a <see cref="DirectorySearch"/>: the page and the total in one statement over the listing's indexed search
/// columns (<see cref="ProviderSearchSql"/>, the plans in docs/search.md), then the page's listings from the same row.
/// A search by location names one provider, so it loads that listing and checks the other filters on it.
/// </summary>
public static class DirectoryQuery
{
    public static async Task<(IReadOnlyList<ProviderListing> Page, long Total)> RunAsync(
        DirectorySearch search, NpgsqlDataSource database, IDocumentStore store, IQuerySession session, DateOnly today, CancellationToken ct)
    {
        if (search.LocationProvider is { } providerId)
        {
            var listing = await session.LoadAsync<ProviderListing>(providerId, ct);
            var matches = listing is not null && FhirDirectory.IsListed(listing, today) && Matches(listing, search);
            var page = matches && search.Search.Page == 1 ? new[] { listing! } : [];
            return (page, matches ? 1 : 0);
        }

        var (items, total) = await PageAsync(search.Search, database, store, today, ct);
        // A page past the end has no rows to carry the count: ask for the first page's.
        if (items.Count == 0 && search.Search.Page > 1) (_, total) = await PageAsync(search.Search with { Page = 1, PageSize = 1 }, database, store, today, ct);
        return (items, total);
    }

    private static async Task<(List<ProviderListing> Items, long Total)> PageAsync(ProviderSearch search, NpgsqlDataSource database, IDocumentStore store, DateOnly today, CancellationToken ct)
    {
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search, ProviderSearchSchema.TableName(store), ProviderSearchSchema.TableOf<ProviderResponseStats>(store), today);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var serializer = store.Options.Serializer();
        var items = new List<ProviderListing>(search.PageSize);
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            items.Add(serializer.FromJson<ProviderListing>(reader, 0));
            total = reader.GetInt64(3);
        }
        return (items, total);
    }

    private static bool Matches(ProviderListing listing, DirectorySearch search)
    {
        var s = search.Search;
        var location = FhirDirectory.Locations(listing).Any(l => l.Id == search.LocationId);
        return location
            && s.Specialties.All(listing.Specialties.Contains)
            && (s.State is null || listing.PracticeStates.Contains(s.State))
            && (s.Accepting is null || s.Accepting == listing.Accepting);
    }
}
