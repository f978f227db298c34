using Marten.Events;
using Npgsql;
using Wolverine.Marten;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>How much the store holds: events, streams and every Marten document table, counted by PostgreSQL.</summary>
public static class StoreRows
{
    /// <summary>The counts once the async projections have caught up with every event so far (so that they cannot move on their own).</summary>
    public static async Task<Dictionary<string, long>> SettledCountAsync(this ApiFixture api)
    {
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));
        return await api.CountAsync();
    }

    /// <summary>The rows of mt_events, mt_streams and every mt_doc_* table, by table.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(this ApiFixture api)
    {
        var schema = api.Store.Options.Events.DatabaseSchemaName;
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            select table_schema || '.' || table_name from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema = $1 and (table_name in ('mt_events', 'mt_streams') or table_name like 'mt\_doc\_%')
            order by 1
            """, connection) { Parameters = { new() { Value = schema } } })
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        if (tables.Count == 0) return [];
        var counts = new Dictionary<string, long>();
        await using var count = new NpgsqlCommand(string.Join(" union all ", tables.Select(t => $"select '{t}', count(*) from {t}")), connection);
        await using var rows = await count.ExecuteReaderAsync();
        while (await rows.ReadAsync()) counts[rows.GetString(0)] = rows.GetInt64(1);
        return counts;
    }

    /// <summary>The tables whose row count differs between two counts, as "table: before → after".</summary>
    public static string[] Changes(Dictionary<string, long> before, Dictionary<string, long> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)}")
            .ToArray();
}
