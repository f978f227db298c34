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
        lock (_etags) _etags.TryGetValue(id, out etag);
        if (etag is null)
        {
            using var current = await admin.GetAsync($"/api/providers/{id}");
            etag = current.Headers.ETag?.Tag;
        }
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/providers/{id}/availability")
        {
            Content = JsonContent.Create(new { status = "accepting", openProBonoSlots = (int)(i % 5) + 1, openSlidingScaleSlots = (int)(i % 3) + 1, typicalWaitWeeks = 2 }),
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
