using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>The verification queue: providers waiting for an administrator to check their licences, oldest first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class VerificationModel(ApiClient api) : PageModel
{
    public int PageNumber => Paging.Requested(Request);

    public UnverifiedProviders? Queue { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(Guid providerId, long version, string? note, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/providers/{providerId}/verify", new VerifyProvider(note), $"\"{version}\"", null, ct);
        (Message, Failed, Errors) = result.Ok
            ? ("Verified: the provider now appears in search.", false, result.Errors)
            : (result.Status == System.Net.HttpStatusCode.PreconditionFailed
                ? "This provider's profile changed since you opened the queue: check the licences shown now and verify again."
                : result.Errors.Count > 0 ? string.Join("; ", result.Errors.SelectMany(e => e.Value)) : result.Detail ?? result.Title, true, result.Errors);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Queue = (await api.GetAsync<UnverifiedProviders>($"/api/providers/unverified?page={Math.Max(1, PageNumber)}", ct)).Value;
}
