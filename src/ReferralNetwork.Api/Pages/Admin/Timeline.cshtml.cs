using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>A stream's timeline: every event, who did it (user and role), when, under which correlation id. Reading it is audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TimelineModel(ApiClient api) : PageModel
{
    public sealed record Entry(long Version, string Type, JsonElement Data, DateTimeOffset Timestamp, string? UserId, string? Role, string? CorrelationId);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public string Kind { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct)
    {
        if (kind is not ("provider" or "referral")) return NotFound();
        Kind = kind;
        var result = await api.GetAsync<List<Entry>>($"/api/{kind}s/{id}/history", ct);
        if (!result.Ok) return StatusCode((int)result.Status);
        Entries = result.Value!;
        return Page();
    }

    public static string Pretty(JsonElement data) => JsonSerializer.Serialize(data, new JsonSerializerOptions { WriteIndented = true });
}
