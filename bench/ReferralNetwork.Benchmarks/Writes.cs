using System.Net.Http.Json;
using System.Text.Json;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// Profile changes over HTTP, the way a provider's editor sends them: PUT availability with If-Match, each worker on
/// its own providers (so no write waits on another), the next If-Match taken from the previous answer's ETag.
/// </summary>
public sealed class Writes(HttpClient admin, IReadOnlyList<Guid> providers, int concurrency)
{
    private readonly Dictionary<Guid, string> _etags = [];
    private readonly Dictionary<Guid, (bool ProBono, bool SlidingScale)> _offers = [];

    public static async Task<IReadOnlyList<Guid>> SomeProvidersAsync(HttpClient client, int count)
    {
        var ids = new List<Guid>();
        foreach (var state in new[] { "CA", "TX", "NY", "FL", "PA", "IL", "OH", "GA", "NC", "MI" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/providers?state={state}&pageSize=100&verified=any");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (ids.Count >= count) break;
        }
        return ids.Distinct().Take(count).ToList();
    }

    public async Task<bool> ChangeAvailabilityAsync(int worker, long i)
    {
        var id = providers[(int)((i * concurrency + worker) % providers.Count)];
        string? etag;
        (bool ProBono, bool SlidingScale) offers;
        lock (_etags)
        {
            _etags.TryGetValue(id, out etag);
            _offers.TryGetValue(id, out offers);
        }
        if (etag is null)
        {
            using var current = await admin.GetAsync($"/api/providers/{id}");
            etag = current.Headers.ETag?.Tag;
            // Open slots only for the fee terms the provider offers: the API refuses the contradiction.
            var terms = (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feeTerms");
            offers = (terms.GetProperty("proBono").GetProperty("offered").GetBoolean(), terms.GetProperty("slidingScale").GetProperty("offered").GetBoolean());
            lock (_etags) _offers[id] = offers;
        }
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/providers/{id}/availability")
        {
            Content = JsonContent.Create(new
            {
                status = "accepting",
                openProBonoSlots = offers.ProBono ? (int)(i % 5) + 1 : 0,
                openSlidingScaleSlots = offers.SlidingScale ? (int)(i % 3) + 1 : 0,
                typicalWaitWeeks = 2,
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await admin.SendAsync(request);
        lock (_etags)
        {
            if (response.Headers.ETag?.Tag is { } next) _etags[id] = next;
            else _etags.Remove(id);
        }
        return response.IsSuccessStatusCode;
    }
}
