using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReferralNetwork.Api.EmbeddedDatabase;
using ReferralNetwork.Benchmarks;

// dotnet run -c Release --project bench/ReferralNetwork.Benchmarks -- --providers 10000 [--seconds 10] [--connection "..."]
var providers = Option("--providers", 10_000);
var seconds = Option("--seconds", 10);
var root = RepositoryRoot();
var hostDll = Path.Combine(root, "src", "ReferralNetwork.Api", "bin", "Release", "net10.0", "ReferralNetwork.Api.dll");
if (!File.Exists(hostDll)) throw new FileNotFoundException("Build the host in Release first: dotnet build -c Release", hostDll);
if (args.Contains("--cold-start"))
{
    // Cold start only, against an existing seeded database: Production (pre-generated code) and Development (code generated
    // and compiled at start-up), three starts each.
    foreach (var environmentName in new[] { "Production", "Development", "Production", "Development", "Production", "Development" })
    {
        await using var started = await Node.StartAsync(args[Array.IndexOf(args, "--connection") + 1], hostDll, environmentName);
        Console.WriteLine($"{environmentName}: ready {started.Ready.TotalMilliseconds:0} ms, first search {started.ColdStart.TotalMilliseconds:0} ms, RSS {started.RssBytes / 1048576} MB");
    }
    return 0;
}
if (args.Contains("--explain"))
{
    // Per-kind timings and plans only, against an existing seeded database: --explain --connection "..."
    await using var existing = NpgsqlDataSource.Create(args[Array.IndexOf(args, "--connection") + 1]);
    var profile = new QueryProfile(existing);
    await profile.TimeAsync(10);
    foreach (var timing in await profile.TimeAsync(40)) Console.WriteLine($"{timing.Kind}: median {timing.MedianMs} ms, p95 {timing.P95Ms} ms, max {timing.MaxMs} ms");
    for (var kind = 0; kind < QueryProfile.Kinds.Length; kind++) Console.WriteLine(await profile.ExplainAsync(kind + 4L * Option("--sample", 7)));
    return 0;
}
if (args.Contains("--nodes")) return await SeveralNodes.RunAsync(args, root, hostDll); // several nodes, one killed: docs/operations.md

await using var cluster = args.Contains("--connection") ? null : await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway() with { CrashSafe = true }, NullLogger.Instance);
var connection = cluster?.ConnectionString ?? args[Array.IndexOf(args, "--connection") + 1];
Console.WriteLine($"ReferralNetwork benchmark: {providers:N0} providers, {seconds} s per measurement, {Environment.ProcessorCount} cores");

// 1. Data, through the app's own seeding path (Marten sessions of 100 onboardings, as the demo seeder writes them).
// --seeded: the database given with --connection already holds the network (to repeat measurements quickly).
var seedClock = Stopwatch.StartNew();
if (!args.Contains("--seeded"))
    await Node.RunCommandAsync(hostDll, connection, "seed", "--size", providers.ToString(System.Globalization.CultureInfo.InvariantCulture));
var seedTime = seedClock.Elapsed;
Console.WriteLine($"Seeded {providers:N0} providers in {seedTime.TotalSeconds:0.0} s");
await using (var vacuum = NpgsqlDataSource.Create(connection))
    await vacuum.CreateCommand("VACUUM ANALYZE").ExecuteNonQueryAsync(); // what autovacuum does a minute after a bulk load

// 2. A node: cold start, then search over HTTP, closed loop for capacity and open loop at 75% of it for latency.
// The node and the floor share the cluster's connections (100 by default): each gets its own bounded pool.
await using var node = await Node.StartAsync(connection + ";Maximum Pool Size=30", hostDll);
Console.WriteLine($"Cold start: ready in {node.Ready.TotalMilliseconds:0} ms, first search answered at {node.ColdStart.TotalMilliseconds:0} ms; RSS {node.RssBytes / 1048576} MB");
var duration = TimeSpan.FromSeconds(seconds);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = node.Address };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("advocate"));
async Task<bool> Search(int worker, long i) => (await http.GetAsync($"/api/providers?{SearchMix.Query(i * 64 + worker)}")).IsSuccessStatusCode;
await Load.ClosedAsync(4, TimeSpan.FromSeconds(3), Search); // warm-up: JIT, plans, pools
await using var database = NpgsqlDataSource.Create(connection + ";Maximum Pool Size=64");
var floor = new SqlFloor(database);
async Task<bool> Floor(int worker, long i) => await floor.SearchAsync(SearchMix.Query(i * 64 + worker));
await Load.ClosedAsync(4, TimeSpan.FromSeconds(2), Floor);
var peakRss = 0L;
var results = new List<object>();
if (Part("search"))
{
    Console.WriteLine();
    Console.WriteLine("| concurrency | app req/s (closed) | open-loop rate | p50 ms | p95 ms | p99 ms | max ms | p99 ms at half the rate | SQL floor req/s | floor p99 ms | app / floor |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var concurrency in new[] { 1, 16, 64 })
    {
        var capacity = await Load.ClosedAsync(concurrency, duration, Search);
        // Latency at 75% of capacity (a busy hour), and at 37.5% (a node with room to spare).
        var open = await Load.OpenAsync(concurrency, Math.Max(1, capacity.RequestsPerSecond * 0.75), duration, Search);
        var relaxed = await Load.OpenAsync(concurrency, Math.Max(1, capacity.RequestsPerSecond * 0.375), duration, Search);
        peakRss = Math.Max(peakRss, node.RssBytes);
        var sql = await Load.ClosedAsync(concurrency, duration, Floor);
        var ratio = capacity.RequestsPerSecond / sql.RequestsPerSecond;
        Console.WriteLine($"| {concurrency} | {capacity.RequestsPerSecond:0} | {open.RequestsPerSecond:0} | {open.P50:0.0} | {open.P95:0.0} | {open.P99:0.0} | {open.Max:0.0} | {relaxed.P99:0.0} | {sql.RequestsPerSecond:0} | {sql.P99:0.0} | {ratio:P0} |");
        results.Add(new { concurrency, closed = capacity, open, openAtHalfTheRate = relaxed, floor = sql, appOverFloor = Math.Round(ratio, 3) });
    }
    Console.WriteLine();
}

// Where the search time goes: each kind of the mix alone, one at a time, straight SQL.
var kinds = await new QueryProfile(database).TimeAsync(40);
foreach (var kind in kinds) Console.WriteLine($"SQL alone, {kind.Kind}: median {kind.MedianMs:0.0} ms, p95 {kind.P95Ms:0.0} ms");
Console.WriteLine();

// 3. Writes over HTTP: availability changes with If-Match, and referral transitions, each worker on its own providers.
using var admin = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = node.Address };
admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("admin", "bench-admin"));
var writeResults = new List<object>();
if (Part("writes"))
{
    Console.WriteLine("| writes | writers | writes/s (closed) | p50 ms | p95 ms | p99 ms | max ms | errors |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
    var targets = await ReferralTargets.FindAsync(http);
    foreach (var concurrency in new[] { 1, 16 })
    {
        var availability = new Writes(admin, await Writes.SomeProvidersAsync(http, 400), concurrency);
        Report("availability (PUT, If-Match)", await Load.ClosedAsync(concurrency, duration, availability.ChangeAvailabilityAsync));
        using var journeys = new ReferralJourneys(http, node.Address, targets, concurrency);
        Report("referral send, accept, schedule, close", await Load.ClosedAsync(concurrency, duration, journeys.StepAsync));
    }
    Console.WriteLine();

    void Report(string kind, LoadResult result)
    {
        peakRss = Math.Max(peakRss, node.RssBytes);
        writeResults.Add(new { kind, result });
        Console.WriteLine($"| {kind} | {result.Concurrency} | {result.RequestsPerSecond:0} | {result.P50:0.0} | {result.P95:0.0} | {result.P99:0.0} | {result.Max:0.0} | {result.Errors} |");
    }
}
Console.WriteLine($"Peak RSS under load: {peakRss / 1048576} MB");

// 4. Async projection lag under write load: referrals sent 20 a second while 16 writers change availability.
LoadResult? lag = null;
if (Part("lag"))
{
    var lagWriters = new Writes(admin, await Writes.SomeProvidersAsync(http, 400), 16);
    var background = Load.ClosedAsync(16, TimeSpan.FromSeconds(seconds + 5), lagWriters.ChangeAvailabilityAsync);
    lag = await new ProjectionLag(http, database).MeasureAsync(seconds * 20, TimeSpan.FromMilliseconds(50), CancellationToken.None);
    var underLoad = await background;
    Console.WriteLine($"Projection lag ({lag.Requests} referrals, {lag.Errors} refused, with {underLoad.RequestsPerSecond:0} writes/s alongside): p50 {lag.P50:0.0} ms, p95 {lag.P95:0.0} ms, p99 {lag.P99:0.0} ms, max {lag.Max:0.0} ms");
}

// 5. Rebuild every projection from the event store, with the node stopped (Marten's `projections rebuild`).
await node.DisposeAsync();
object? rebuilt = null;
if (Part("rebuild"))
{
    long events;
    await using (var count = NpgsqlDataSource.Create(connection))
        events = (long)(await count.CreateCommand("SELECT count(*) FROM mt_events").ExecuteScalarAsync())!;
    var rebuildClock = Stopwatch.StartNew();
    await Node.RunCommandAsync(hostDll, connection, "projections", "rebuild");
    var rebuild = rebuildClock.Elapsed;
    Console.WriteLine($"Rebuilt every projection from {events:N0} events in {rebuild.TotalSeconds:0.0} s: {events / rebuild.TotalSeconds:N0} events/s (including the process start)");
    rebuilt = new { events, seconds = Math.Round(rebuild.TotalSeconds, 1), eventsPerSecond = Math.Round(events / rebuild.TotalSeconds) };
}

var report = new
{
    at = DateTimeOffset.UtcNow,
    machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
    providers,
    secondsPerMeasurement = seconds,
    seed = new { seconds = Math.Round(seedTime.TotalSeconds, 1), providersPerSecond = Math.Round(providers / seedTime.TotalSeconds) },
    readyMs = Math.Round(node.Ready.TotalMilliseconds),
    coldStartMs = Math.Round(node.ColdStart.TotalMilliseconds),
    peakRssMb = peakRss / 1048576,
    search = results,
    writes = writeResults,
    searchSqlByKind = kinds,
    projectionLag = lag,
    rebuild = rebuilt,
};
var output = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyyMMdd-HHmm}-{providers}.json");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written {Path.GetRelativePath(root, output)}");
return 0;

// --only search,writes,lag,rebuild runs just those parts (all by default).
bool Part(string name) => Array.IndexOf(args, "--only") is not (>= 0 and var i) || (i + 1 < args.Length && args[i + 1].Split(',').Contains(name));

int Option(string name, int fallback) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ReferralNetwork.sln"))) return dir.FullName;
    throw new InvalidOperationException("ReferralNetwork.sln not found above the benchmark.");
}
