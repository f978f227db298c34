using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HdrHistogram;
using Npgsql;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// Time from a write's answer to its effect in the async read models: a referral is sent, and the lag is how long
/// until every async projection shard (ProviderResponseStats, NetworkStats) has processed its event.
/// </summary>
public sealed class ProjectionLag(HttpClient advocate, NpgsqlDataSource database)
{
    public async Task<LoadResult> MeasureAsync(int samples, TimeSpan every, CancellationToken ct)
    {
        var targets = await TargetsAsync(advocate);
        var histogram = new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3);
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples && !ct.IsCancellationRequested; i++)
        {
            var request = targets[i % targets.Count] with { FamilyReference = $"BENCH-{i + 1}" };
            using var sent = await advocate.PostAsJsonAsync("/api/referrals", request, ct);
            if (!sent.IsSuccessStatusCode) { errors++; continue; }
            var answered = Stopwatch.StartNew();
            var id = (await sent.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            var seq = await ScalarAsync("SELECT max(seq_id) FROM mt_events WHERE stream_id = @id", id);
            while (await ScalarAsync("SELECT coalesce(min(last_seq_id), 0) FROM mt_event_progression WHERE name <> 'HighWaterMark'", null) < seq)
                await Task.Delay(2, ct);
            histogram.RecordValue(Math.Max(1, answered.Elapsed.Ticks / 10));
            var wait = every * (i + 1) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        }
        double Ms(double p) => histogram.GetValueAtPercentile(p) / 1000.0;
        return new LoadResult(1, Math.Round(histogram.TotalCount / clock.Elapsed.TotalSeconds, 1), Ms(50), Ms(95), Ms(99), histogram.GetMaxValue() / 1000.0, histogram.TotalCount, errors);
    }

    /// <summary>Referral requests that verified, accepting providers can take: their own specialty, age group, language and state.</summary>
    internal static async Task<List<Request>> TargetsAsync(HttpClient advocate)
    {
        var page = await advocate.GetFromJsonAsync<JsonElement>("/api/providers?state=CA&accepting=true&fee=pro-bono&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(p => new Request(p.GetProperty("id").GetGuid(), "BENCH-0",
            new Needs([p.GetProperty("specialties")[0].GetString()!], p.GetProperty("ageGroups")[0].GetString()!, p.GetProperty("languages")[0].GetString()!,
                "CA", p.GetProperty("matchedBy").GetString() == "telehealth"),
            "routine", "pro-bono", new Contact("advocate-relays-only", null), null, true)).ToList();
    }

    private async Task<long> ScalarAsync(string sql, Guid? id)
    {
        await using var command = database.CreateCommand(sql);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed record Needs(string[] Specialties, string AgeGroup, string Language, string State, bool Telehealth);

    internal sealed record Contact(string Channel, string? GuardianContact);

    internal sealed record Request(Guid ProviderId, string FamilyReference, Needs Needs, string Urgency, string FeeNeed, Contact Contact, string? Note, bool SendWhileNotAccepting);
}
