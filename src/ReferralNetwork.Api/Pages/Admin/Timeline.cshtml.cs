using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>
/// A stream's timeline: every event, who did it (by name, and role), when, under which correlation id, and a link to
/// the record as it was right after it. Reading it is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TimelineModel(ApiClient api) : PageModel
{
    public sealed record Entry(long Version, string Type, JsonElement Data, DateTimeOffset Timestamp, string? UserId, string? Role, string? CorrelationId);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public string Kind { get; private set; } = "";
    public Guid Id { get; private set; }

    /// <summary>The provider the stream is about (a provider's own, or the one a referral was sent to), when it can be named.</summary>
    public string? ProviderName { get; private set; }
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    public UsTimeZone Zone => LocalTimes.For(Request);

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct)
    {
        if (kind is not ("provider" or "referral")) return NotFound();
        (Kind, Id) = (kind, id);
        var result = await api.GetAsync<List<Entry>>($"/api/{kind}s/{id}/history", ct);
        if (!result.Ok) return StatusCode((int)result.Status);
        Entries = result.Value!;

        var provider = kind == "provider" ? id : Entries.Select(e => e.Data.TryGetProperty("providerId", out var p) && p.TryGetGuid(out var g) ? g : (Guid?)null).FirstOrDefault(g => g is not null);
        var providers = provider is { } pid ? api.GetAsync<ProvidersFound>($"/api/providers/names?id={pid}", ct) : null;
        var users = Entries.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var people = users.Count > 0 ? api.GetAsync<PeopleFound>("/api/people?" + string.Join('&', users.Select(u => $"id={Uri.EscapeDataString(u)}")), ct) : null;
        ProviderName = providers is null ? null : (await providers).Value?.Items.FirstOrDefault()?.Name;
        People = people is null ? People : (await people).Value?.Items.ToDictionary(p => p.Id, p => p.Name) ?? People;
        return Page();
    }

    /// <summary>Where the record as it was right after this event is shown (every event saved in the same instant is in it too).</summary>
    public string AsItWas(Entry e) => $"/{Kind}s/{Id}?asOf={AsOfQuery.Of(e.Timestamp)}";

    /// <summary>The events saved in the same instant as this one (onboarding saves four at once): one view shows them all.</summary>
    public IReadOnlyList<Entry> SavedWith(Entry e) => [.. Entries.Where(o => o.Timestamp == e.Timestamp)];

    public static string Pretty(JsonElement data) => JsonSerializer.Serialize(data, new JsonSerializerOptions { WriteIndented = true });
}
