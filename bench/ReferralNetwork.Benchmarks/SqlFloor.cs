using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Benchmarks;

/// <summary>The database's floor: exactly the SQL the search endpoint runs, straight through Npgsql, reading every row.</summary>
public sealed class SqlFloor(NpgsqlDataSource database)
{
    public const string Listings = "public.mt_doc_providerlisting", Stats = "public.mt_doc_providerresponsestats";

    public async Task<bool> SearchAsync(string query)
    {
        var search = ProviderSearch.Parse(new QueryCollection(QueryHelpers.ParseQuery(query))).Search!;
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search, Listings, Stats, DateOnly.FromDateTime(DateTime.UtcNow));
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new object[reader.FieldCount];
        while (await reader.ReadAsync()) reader.GetValues(columns);
        return true;
    }
}
