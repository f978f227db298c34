using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Verification;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>
/// The verification queue: providers waiting for an administrator, oldest first, filtered by state and by how long they
/// have waited; verify, ask for more information or decline; and the licences that expire within 30 days.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class VerificationModel(ApiClient api, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? WaitingDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public VerificationQueue? Queue { get; private set; }
    public ExpiringLicences? Expiring { get; private set; }
    public string? Message { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The provider and form ("verify", "ask", "decline") just sent, to keep what was typed after a refusal.</summary>
    public (Guid Provider, string Form)? Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task OnPostVerifyAsync(Guid providerId, long version, string? note, CancellationToken ct) =>
        ActAsync(providerId, "verify", "verify", new VerifyProvider(note), version, new() { ["note"] = $"note-{providerId}" },
            name => $"{name} is verified: they now appear in search.", ct);

    public Task OnPostAskAsync(Guid providerId, long version, string? message, CancellationToken ct) =>
        ActAsync(providerId, "ask", "request-information", new RequestProviderInformation(message), version, new() { ["message"] = $"message-{providerId}" },
            name => $"We asked {name} for more information. They see your message on their profile page.", ct);

    public Task OnPostDeclineAsync(Guid providerId, long version, string? reason, string? declineNote, CancellationToken ct) =>
        ActAsync(providerId, "decline", "decline-application", new { reason = string.IsNullOrEmpty(reason) ? null : reason, note = declineNote }, version,
            new() { ["reason"] = $"reason-{providerId}", ["note"] = $"decline-note-{providerId}" },
            name => $"{name}'s application is declined. They see the reason on their profile page.", ct);

    private async Task ActAsync(Guid providerId, string form, string action, object body, long version, Dictionary<string, string> inputs, Func<string, string> done, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/providers/{providerId}/{action}", body, ETag.For(version), null, ct);
        Problems = ProblemWords.Read(result, inputs);
        Sent = (providerId, form);
        if (result.Ok)
        {
            var name = (await api.GetAsync<VerificationCase>($"/api/providers/{providerId}/review", ct)).Value?.Name;
            Message = done(string.IsNullOrWhiteSpace(name) ? "The provider" : name);
        }
        await LoadAsync(ct);
    }

    /// <summary>What was typed in a field of the form just refused, so a correction does not start from nothing.</summary>
    public string? Typed(Guid provider, string form, string field) =>
        Sent == (provider, form) && Problems.Any ? Request.Form[field].ToString() : null;

    public bool Open(Guid provider, string form) => Sent == (provider, form) && Problems.Any;

    /// <summary>The filters as a query string, for the pager and for every form's post-back.</summary>
    public string Filters(int page) => string.Join('&', new (string, string?)[]
        {
            ("state", State), ("waitingDays", WaitingDays), ("show", Show),
            ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
        }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2!.Trim())}"));

    private async Task LoadAsync(CancellationToken ct)
    {
        var queue = await api.GetAsync<VerificationQueue>($"/api/providers/unverified?{Filters(PageNumber)}", ct);
        Queue = queue.Value;
        if (!queue.Ok && !Problems.Any) Problems = ProblemWords.Read(queue, new Dictionary<string, string> { ["state"] = "state", ["waitingDays"] = "waitingDays", ["show"] = "show" });
        Expiring = (await api.GetAsync<ExpiringLicences>("/api/providers/expiring-licences?days=30", ct)).Value;
    }
}
