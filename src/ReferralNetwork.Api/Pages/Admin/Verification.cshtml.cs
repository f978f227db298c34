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
    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>The provider whose Verify form was sent, to show what was typed in its note after a refusal.</summary>
    public Guid? Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(Guid providerId, long version, string? note, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/providers/{providerId}/verify", new VerifyProvider(note), $"\"{version}\"", null, ct);
        Problems = ProblemWords.Read(result, new Dictionary<string, string> { ["note"] = $"note-{providerId}" });
        (Message, Sent) = (result.Ok ? "Verified: the provider now appears in search." : null, providerId);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Queue = (await api.GetAsync<UnverifiedProviders>($"/api/providers/unverified?page={Math.Max(1, PageNumber)}", ct)).Value;
}
