using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// Where the search time goes, per kind of query in the mix: each kind's SQL run alone, one at a time (median and
/// p95 of its samples), and one sample of each with EXPLAIN (ANALYZE, BUFFERS) for the plan.
/// </summary>
public sealed class QueryProfile(NpgsqlDataSource database)
{
    public static readonly string[] Kinds = ["near ZIP + 25 mi + specialty", "state + fee", "telehealth + language", "state, pages 1-8"];

    public async Task<List<KindTiming>> TimeAsync(int samplesPerKind)
    {
        var floor = new SqlFloor(database);
        var timings = new List<KindTiming>();
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            var times = new List<double>();
            for (var i = 0; i < samplesPerKind; i++)
            {
                var clock = Stopwatch.StartNew();
                await floor.SearchAsync(SearchMix.Query(kind + 4L * i));
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            timings.Add(new KindTiming(Kinds[kind], Math.Round(times[times.Count / 2], 2), Math.Round(times[(int)(times.Count * 0.95)], 2), Math.Round(times[^1], 2)));
        }
        return timings;
    }

    public async Task<string> ExplainAsync(long index)
    {
        var search = ProviderSearch.Parse(new QueryCollection(QueryHelpers.ParseQuery(SearchMix.Query(index)))).Search!;
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search, SqlFloor.Listings, SqlFloor.Stats, DateOnly.FromDateTime(DateTime.UtcNow));
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string> { $"-- {SearchMix.Query(index)}" };
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}

public sealed record KindTiming(string Kind, double MedianMs, double P95Ms, double MaxMs);
