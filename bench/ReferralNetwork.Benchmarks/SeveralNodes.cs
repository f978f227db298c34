using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReferralNetwork.Api.EmbeddedDatabase;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// Several API nodes on one PostgreSQL: load spread round-robin, Wolverine's assignment of the async projection shards,
/// one node killed (SIGKILL) mid-load, its shards reassigned and caught up, and no event lost (docs/operations.md).
/// </summary>
public static class SeveralNodes
{
    // Faster than Wolverine's defaults (a heartbeat every 10 s, stale after 1 min) so that a run takes minutes.
    private static readonly Dictionary<string, string> Failover = new()
    {
        ["Wolverine__Durability__HealthCheckPollingTime"] = "00:00:01",
        ["Wolverine__Durability__StaleNodeTimeout"] = "00:00:05",
    };

    public static async Task<int> RunAsync(string[] args, string root, string hostDll)
    {
        int Option(string name, int fallback) => Array.LastIndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback; // the last one wins: the script passes defaults first
        var (count, providers, seconds) = (Option("--nodes", 3), Option("--providers", 10_000), Option("--seconds", 45));
        await using var cluster = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway() with { CrashSafe = true }, NullLogger.Instance);
        Console.WriteLine($"Several nodes: {count} nodes, {providers:N0} providers, {seconds} s of load, {Environment.ProcessorCount} cores");
        var seedClock = Stopwatch.StartNew();
        await Node.RunCommandAsync(hostDll, cluster.ConnectionString, "seed", "--size", providers.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"Seeded {providers:N0} providers in {seedClock.Elapsed.TotalSeconds:0.0} s");
        await using var database = NpgsqlDataSource.Create(cluster.ConnectionString + ";Maximum Pool Size=5;Application Name=bench");
        await database.CreateCommand("VACUUM ANALYZE").ExecuteNonQueryAsync();
        var tables = new ClusterTables(database);

        // Nodes start one after another, so the Wolverine node row that appears after each start is that node's.
        var nodes = new List<Node>();
        var ids = new List<Guid>();
        var numbers = new Dictionary<Guid, int>();
        try
        {
            for (var n = 0; n < count; n++)
            {
                var node = await Node.StartAsync($"{cluster.ConnectionString};Maximum Pool Size=25;Application Name=node-{n + 1}", hostDll, Failover);
                nodes.Add(node);
                var id = await PollAsync(async () => (await tables.NodesAsync()).Where(x => !ids.Contains(x.Key)).Select(x => (Guid?)x.Key).FirstOrDefault(), TimeSpan.FromSeconds(30));
                ids.Add(id ?? throw new TimeoutException($"node-{n + 1} never registered in wolverine_nodes"));
                Console.WriteLine($"node-{n + 1} on {node.Address} ready in {node.ColdStart.TotalSeconds:0.0} s, Wolverine node {id}");
            }
            foreach (var (id, number) in await tables.NodesAsync()) numbers[id] = number;
            string Name(Guid id) => ids.IndexOf(id) is >= 0 and var i ? $"node-{i + 1}" : id.ToString();

            // The leader spreads the shards as nodes join; wait until the table has not changed for 3 s.
            var settle = Stopwatch.StartNew();
            var before = await SettledAssignmentsAsync(tables, count);
            Console.WriteLine($"\nAgent assignments, settled {settle.Elapsed.TotalSeconds:0.0} s after the last node was ready (wolverine_node_assignments):");
            foreach (var a in before) Console.WriteLine($"  {Name(a.NodeId),-7} #{numbers.GetValueOrDefault(a.NodeId)}  {a.Agent}");

            // Load through a round-robin balancer: half searches, three in ten availability writes, two in ten referrals.
            var balancer = new RoundRobin(nodes.Select(x => x.Address).ToList());
            using var advocate = balancer.Client(Node.Token("advocate"));
            using var admin = balancer.Client(Node.Token("admin", "bench-admin"));
            const int workers = 16;
            var targets = await ReferralTargets.FindAsync(advocate);
            var writes = new Writes(admin, await Writes.SomeProvidersAsync(advocate, 400), workers);
            var referrals = new ConcurrentBag<Guid>();
            var referralsRefused = 0L;
            async Task<bool> Operation(int worker, long i)
            {
                switch ((i * workers + worker) % 10)
                {
                    case 0 or 1:
                        var n = i * workers + worker;
                        using (var post = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(targets[(int)(n % targets.Count)] with { FamilyReference = $"NODES-{n}" }) })
                        {
                            // A retry on another node after a kill must not send the referral twice.
                            post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                            using var sent = await advocate.SendAsync(post);
                            if (!sent.IsSuccessStatusCode) { Interlocked.Increment(ref referralsRefused); return false; }
                            referrals.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                            return true;
                        }
                    case 2 or 3 or 4:
                        return await writes.ChangeAvailabilityAsync(worker, i);
                    default:
                        using (var search = await advocate.GetAsync($"/api/providers?{SearchMix.Query(i * workers + worker)}")) return search.IsSuccessStatusCode;
                }
            }
            var eventsBefore = await tables.EventCountAsync();
            var lastEventBefore = await tables.LastEventAsync();

            // The victim: the node running the most projection shards (the leader first among equals).
            var shardsBefore = before.Where(a => a.Agent.StartsWith("event-subscriptions://", StringComparison.Ordinal)).ToList();
            var leader = before.FirstOrDefault(a => a.Agent.StartsWith("wolverine://leader", StringComparison.Ordinal))?.NodeId;
            var victimId = shardsBefore.GroupBy(a => a.NodeId).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key == leader).Select(g => g.Key).FirstOrDefault(ids[0]);
            var victim = ids.IndexOf(victimId);
            var victimAgents = before.Where(a => a.NodeId == victimId).Select(a => a.Agent).ToList();
            var envelopesOwned = 0L;
            var killAt = TimeSpan.FromSeconds(seconds / 3.0);
            var loadClock = Stopwatch.StartNew();
            var load = Load.ClosedAsync(workers, TimeSpan.FromSeconds(seconds), Operation);
            await Task.Delay(killAt); // the moment of the kill is the experiment's one fixed point in time
            envelopesOwned = await tables.EnvelopesOwnedByAsync(numbers[victimId]);
            var envelopes = await tables.EnvelopesOwnedByAsync(null);
            var behindAtKill = await tables.LastEventAsync() - await tables.SlowestShardAsync();
            nodes[victim].Kill();
            var killed = loadClock.Elapsed;
            balancer.Phase = 1;
            Console.WriteLine($"\n{killed.TotalSeconds:0.0} s into the load: killed node-{victim + 1} (SIGKILL), which ran {string.Join(", ", victimAgents)}");

            // Detection and reassignment, read from Wolverine's own tables while the load goes on.
            TimeSpan? ejected = null, reassigned = null;
            var maxBehind = behindAtKill;
            var after = before;
            while (reassigned is null && loadClock.Elapsed - killed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(100);
                var live = await tables.NodesAsync();
                after = await tables.AssignmentsAsync();
                maxBehind = Math.Max(maxBehind, await tables.LastEventAsync() - await tables.SlowestShardAsync());
                if (ejected is null && !live.ContainsKey(victimId)) ejected = loadClock.Elapsed - killed;
                if (victimAgents.All(agent => after.Any(a => a.Agent == agent && a.NodeId != victimId && live.ContainsKey(a.NodeId))))
                    reassigned = loadClock.Elapsed - killed;
            }
            Console.WriteLine(reassigned is { } r
                ? $"Ejected from wolverine_nodes after {ejected?.TotalSeconds:0.0} s; every agent it ran owned by a survivor after {r.TotalSeconds:0.0} s:"
                : "Its agents were NOT reassigned within 3 minutes:");
            foreach (var a in after) Console.WriteLine($"  {Name(a.NodeId),-7} #{numbers.GetValueOrDefault(a.NodeId)}  {a.Agent}");
            var result = await load;
            var loadTime = loadClock.Elapsed;
            var envelopesLeft = await tables.EnvelopesOwnedByAsync(numbers[victimId]);

            // Catch-up: every shard at the last event written.
            var catchUp = Stopwatch.StartNew();
            var lastEvent = await tables.LastEventAsync();
            var caughtUp = await PollAsync(async () => await tables.SlowestShardAsync() >= lastEvent ? (bool?)true : null, TimeSpan.FromMinutes(3)) ?? false;
            var catchUpTime = catchUp.Elapsed;
            var shards = await tables.ShardsAsync();
            var eventsAfter = await tables.EventCountAsync();
            var distinct = referrals.Distinct().ToList();
            var found = await tables.StreamsFoundAsync(distinct);
            var (requested, responseStats, networkStats) = await tables.ReferralsRequestedAsync();
            var connections = await tables.ConnectionsAsync();

            var phases = new[] { killed, loadTime - killed };
            var perNode = Enumerable.Range(0, count).Select(n => new
            {
                node = $"node-{n + 1}",
                killed = n == victim,
                requestsPerSecondBeforeKill = Math.Round(balancer.Ok(0, n) / phases[0].TotalSeconds, 1),
                requestsPerSecondAfterKill = Math.Round(balancer.Ok(1, n) / phases[1].TotalSeconds, 1),
                answered = balancer.Ok(0, n) + balancer.Ok(1, n),
                refused = balancer.Refused(0, n) + balancer.Refused(1, n),
                failedOver = balancer.FailedOver(0, n) + balancer.FailedOver(1, n),
            }).ToList();
            Console.WriteLine();
            Console.WriteLine("| node | req/s before kill | req/s after kill | answered 2xx | answered 4xx/5xx | failed over to another node |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var p in perNode)
                Console.WriteLine($"| {p.node}{(p.killed ? " (killed)" : "")} | {p.requestsPerSecondBeforeKill:0} | {p.requestsPerSecondAfterKill:0} | {p.answered:N0} | {p.refused:N0} | {p.failedOver:N0} |");
            Console.WriteLine($"| all | {perNode.Sum(p => p.requestsPerSecondBeforeKill):0} | {perNode.Sum(p => p.requestsPerSecondAfterKill):0} | {perNode.Sum(p => p.answered):N0} | {perNode.Sum(p => p.refused):N0} | {perNode.Sum(p => p.failedOver):N0} |");
            Console.WriteLine($"\nLoad: {workers} workers for {loadTime.TotalSeconds:0.0} s, {result.RequestsPerSecond:0} req/s overall, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, max {result.Max:0.0} ms, {result.Errors:N0} not 2xx");
            Console.WriteLine($"Kill at {killed.TotalSeconds:0.0} s: node-{victim + 1}{(victimId == leader ? " (the leader)" : "")}; ejected after {ejected?.TotalSeconds:0.0} s, its agents reassigned after {reassigned?.TotalSeconds:0.0} s");
            Console.WriteLine($"Projection shards behind the last event: {behindAtKill:N0} events at the kill, {maxBehind:N0} at worst before reassignment");
            Console.WriteLine($"Catch-up after the load: {(caughtUp ? $"every shard at event {lastEvent:N0} in {catchUpTime.TotalSeconds:0.0} s" : "NOT caught up in 3 minutes")} ({string.Join(", ", shards.Select(s => $"{s.Shard} {s.Position:N0}"))})");
            Console.WriteLine($"Events: {eventsBefore:N0} before the load, {eventsAfter:N0} after (+{eventsAfter - eventsBefore:N0}); last seq_id {lastEventBefore:N0} → {lastEvent:N0}");
            Console.WriteLine($"Referrals answered 201: {distinct.Count:N0} ({referralsRefused:N0} refused); streams found in mt_events: {found:N0}");
            Console.WriteLine($"ReferralRequested events {requested:N0} = ProviderResponseStats received {responseStats:N0} = NetworkStats requested {networkStats:N0}: {(requested == responseStats && requested == networkStats ? "yes" : "NO")}");
            Console.WriteLine($"Durable incoming messages (referral deadlines among them): {envelopes:N0} at the kill, {envelopesOwned:N0} owned by the killed node then, {envelopesLeft:N0} after its ejection");
            Console.WriteLine($"PostgreSQL connections at the end: {string.Join(", ", connections.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{(c.Key.Length == 0 ? "(other)" : c.Key)} {c.Value}"))}");
            var lost = found != distinct.Count || requested != responseStats || requested != networkStats || !caughtUp;
            Console.WriteLine(lost ? "\nEVENTS LOST OR READ MODELS BEHIND" : "\nNo event lost: every 201 is a stream, and both async read models count every ReferralRequested.");

            var report = new
            {
                at = DateTimeOffset.UtcNow,
                machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
                nodes = count,
                providers,
                seconds,
                failoverSettings = Failover,
                coldStartsMs = nodes.Select(x => Math.Round(x.ColdStart.TotalMilliseconds)).ToList(),
                assignmentsBefore = before.Select(a => new { a.Agent, node = Name(a.NodeId) }),
                assignmentsAfter = after.Select(a => new { a.Agent, node = Name(a.NodeId) }),
                load = result,
                perNode,
                killed = new { node = $"node-{victim + 1}", wasLeader = victimId == leader, atSeconds = Math.Round(killed.TotalSeconds, 1), agents = victimAgents },
                ejectedAfterSeconds = ejected is { } e ? Math.Round(e.TotalSeconds, 1) : (double?)null,
                reassignedAfterSeconds = reassigned is { } ra ? Math.Round(ra.TotalSeconds, 1) : (double?)null,
                eventsBehindAtKill = behindAtKill,
                eventsBehindAtWorst = maxBehind,
                catchUp = new { caughtUp, seconds = Math.Round(catchUpTime.TotalSeconds, 1), lastEvent, shards = shards.Select(s => new { s.Shard, s.Position }) },
                events = new { before = eventsBefore, after = eventsAfter },
                referrals = new { answered201 = distinct.Count, refused = referralsRefused, streamsFound = found },
                referralRequested = new { events = requested, providerResponseStats = responseStats, networkStats },
                incomingEnvelopes = new { atKill = envelopes, ownedByKilledNodeAtKill = envelopesOwned, ownedByKilledNodeAfterEjection = envelopesLeft },
                connections,
                noEventLost = !lost,
            };
            var output = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyyMMdd-HHmm}-nodes.json");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Written {Path.GetRelativePath(root, output)}");
            return lost ? 1 : 0;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>The assignments once every node is known and the table has stayed the same for 3 s.</summary>
    private static async Task<List<Assignment>> SettledAssignmentsAsync(ClusterTables tables, int count)
    {
        var last = await tables.AssignmentsAsync();
        var unchanged = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
            var now = await tables.AssignmentsAsync();
            if (!now.SequenceEqual(last)) (last, unchanged) = (now, Stopwatch.StartNew());
            else if (unchanged.Elapsed > TimeSpan.FromSeconds(3) && (await tables.NodesAsync()).Count == count && now.Any(a => a.Agent.StartsWith("event-subscriptions://", StringComparison.Ordinal)))
                return now;
        }
        return last;
    }

    private static async Task<T?> PollAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        return default;
    }
}
