using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// Referral transitions over HTTP, each worker with its own provider: the advocate sends a referral, the provider
/// accepts it (taking a slot, with the provider's stream locked), schedules the first session and closes it (giving
/// the slot back). Every call is one write; the four repeat in that order.
/// </summary>
public sealed class ReferralJourneys : IDisposable
{
    private readonly HttpClient _advocate;
    private readonly IReadOnlyList<ReferralRequest> _targets;
    private readonly HttpClient[] _providers;
    private readonly Guid[] _current;
    private readonly string _firstSession = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public ReferralJourneys(HttpClient advocate, Uri address, IReadOnlyList<ReferralRequest> targets, int concurrency)
    {
        if (targets.Count < concurrency) throw new InvalidOperationException($"Need {concurrency} accepting providers, found {targets.Count}.");
        (_advocate, _targets, _current) = (advocate, targets, new Guid[concurrency]);
        _providers = Enumerable.Range(0, concurrency).Select(w =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                Node.Token("provider", $"bench-provider-{w}", targets[w].ProviderId));
            return client;
        }).ToArray();
    }

    public async Task<bool> StepAsync(int worker, long i)
    {
        var provider = _providers[worker];
        switch (i % 4)
        {
            case 0:
                using (var sent = await _advocate.PostAsJsonAsync("/api/referrals", _targets[worker] with { FamilyReference = $"BENCH-{worker}-{i}" }))
                {
                    if (!sent.IsSuccessStatusCode) return false;
                    _current[worker] = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    return true;
                }
            case 1: return await PostAsync(provider, "accept", new { });
            case 2: return await PostAsync(provider, "schedule", new { date = _firstSession });
            default: return await PostAsync(provider, "close", new { outcome = "completed" });
        }

        async Task<bool> PostAsync(HttpClient client, string transition, object body)
        {
            using var response = await client.PostAsJsonAsync($"/api/referrals/{_current[worker]}/{transition}", body);
            return response.IsSuccessStatusCode;
        }
    }

    public void Dispose()
    {
        foreach (var client in _providers) client.Dispose();
    }
}
