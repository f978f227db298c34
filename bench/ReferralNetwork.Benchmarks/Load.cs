using System.Diagnostics;
using HdrHistogram;

namespace ReferralNetwork.Benchmarks;

/// <summary>Latency percentiles in milliseconds and the rate achieved.</summary>
public sealed record LoadResult(int Concurrency, double RequestsPerSecond, double P50, double P95, double P99, double Max, long Requests, long Errors);

/// <summary>
/// Two ways to drive an operation with N concurrent workers:
/// closed loop (each worker sends the next request when the last returns: the capacity), and open loop at a fixed
/// rate (each request has an intended start time, and its latency counts from then, as wrk2 does), so a stall
/// is charged to every request it delays rather than hidden (coordinated omission).
/// </summary>
public static class Load
{
    public static Task<LoadResult> ClosedAsync(int concurrency, TimeSpan duration, Func<int, long, Task<bool>> operation) =>
        RunAsync(concurrency, duration, operation, rate: null);

    public static Task<LoadResult> OpenAsync(int concurrency, double rate, TimeSpan duration, Func<int, long, Task<bool>> operation) =>
        RunAsync(concurrency, duration, operation, rate);

    private static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, Task<bool>> operation, double? rate)
    {
        var histograms = Enumerable.Range(0, concurrency).Select(_ => new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3)).ToArray();
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        var interval = rate is { } r ? TimeSpan.FromSeconds(concurrency / r) : TimeSpan.Zero;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            // Open loop: worker w sends its i-th request at (i + w/N) intervals after the start.
            var next = interval * ((double)worker / concurrency);
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                if (rate is not null)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                }
                var intended = rate is null ? clock.Elapsed : next;
                var ok = await operation(worker, i);
                histograms[worker].RecordValue(Math.Max(1, (clock.Elapsed - intended).Ticks / 10));
                if (!ok) Interlocked.Increment(ref errors);
                next += interval;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3);
        foreach (var h in histograms) all.Add(h);
        double Ms(double percentile) => all.GetValueAtPercentile(percentile) / 1000.0;
        return new LoadResult(concurrency, Math.Round(all.TotalCount / clock.Elapsed.TotalSeconds, 1),
            Ms(50), Ms(95), Ms(99), all.GetMaxValue() / 1000.0, all.TotalCount, errors);
    }
}
