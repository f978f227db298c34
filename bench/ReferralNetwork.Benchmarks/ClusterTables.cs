using Npgsql;

namespace ReferralNetwork.Benchmarks;

/// <summary>One agent (a projection shard, or the leader) and the Wolverine node that runs it.</summary>
public sealed record Assignment(string Agent, Guid NodeId);

/// <summary>
/// What Wolverine and Marten record in PostgreSQL about the cluster: the nodes and their heartbeats
/// (wolverine_nodes), which node runs which agent (wolverine_node_assignments; event-subscriptions://… are the async
/// projection shards, wolverine://leader the leader), and how far each projection shard has got (mt_event_progression).
/// </summary>
public sealed class ClusterTables(NpgsqlDataSource database)
{
    private string _schema = "public";

    /// <summary>The Wolverine node ids and numbers, once the first node has created the tables.</summary>
    public async Task<Dictionary<Guid, int>> NodesAsync()
    {
        await using var found = database.CreateCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = 'wolverine_nodes'");
        if (await found.ExecuteScalarAsync() is not string schema) return [];
        _schema = schema;
        var nodes = new Dictionary<Guid, int>();
        await using var command = database.CreateCommand($"SELECT id, node_number FROM {_schema}.wolverine_nodes");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) nodes[reader.GetGuid(0)] = reader.GetInt32(1);
        return nodes;
    }

    public async Task<List<Assignment>> AssignmentsAsync()
    {
        var assignments = new List<Assignment>();
        await using var command = database.CreateCommand($"SELECT id, node_id FROM {_schema}.wolverine_node_assignments ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) assignments.Add(new Assignment(reader.GetString(0), reader.GetGuid(1)));
        return assignments;
    }

    /// <summary>Durable incoming and scheduled messages (e.g. referral deadlines) owned by a node number, or all of them.</summary>
    public Task<long> EnvelopesOwnedByAsync(int? nodeNumber) =>
        ScalarAsync($"SELECT count(*) FROM {_schema}.wolverine_incoming_envelopes{(nodeNumber is { } n ? $" WHERE owner_id = {n}" : "")}");

    public Task<long> LastEventAsync() => ScalarAsync("SELECT coalesce(max(seq_id), 0) FROM mt_events");

    public Task<long> EventCountAsync() => ScalarAsync("SELECT count(*) FROM mt_events");

    /// <summary>The slowest async projection shard's position (0 before any has run); shards are named Projection:Shard.</summary>
    public Task<long> SlowestShardAsync() =>
        ScalarAsync("SELECT coalesce(min(last_seq_id), 0) FROM mt_event_progression WHERE name LIKE '%:%'");

    public async Task<List<(string Shard, long Position)>> ShardsAsync()
    {
        var shards = new List<(string, long)>();
        await using var command = database.CreateCommand("SELECT name, last_seq_id FROM mt_event_progression WHERE name LIKE '%:%' ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) shards.Add((reader.GetString(0), reader.GetInt64(1)));
        return shards;
    }

    /// <summary>Of these referral ids, how many have a stream in the event store.</summary>
    public async Task<long> StreamsFoundAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var command = database.CreateCommand("SELECT count(DISTINCT stream_id) FROM mt_events WHERE stream_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>ReferralRequested events, and the same count as each async read model has it (NetworkStats counts each referral once, under its step).</summary>
    public async Task<(long Events, long ResponseStats, long NetworkStats)> ReferralsRequestedAsync() => (
        await ScalarAsync("SELECT count(*) FROM mt_events WHERE type = 'referral_requested'"),
        await ScalarAsync("SELECT coalesce(sum((data->>'received')::bigint), 0) FROM mt_doc_providerresponsestats"),
        await ScalarAsync("""
            SELECT coalesce(sum(c.value::bigint), 0) FROM mt_doc_networkstats d, jsonb_each(d.data->'weeks') w,
              jsonb_each(w.value) s, jsonb_each_text(s.value) c
            """));

    /// <summary>Open connections per application name (each node names its own).</summary>
    public async Task<Dictionary<string, long>> ConnectionsAsync()
    {
        var connections = new Dictionary<string, long>();
        await using var command = database.CreateCommand("SELECT application_name, count(*) FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) connections[reader.GetString(0)] = reader.GetInt64(1);
        return connections;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
