using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>
/// One referral as its two parties follow it: status, each step's time, the family's needs, and the actions the
/// caller may take now (the provider answers; the advocate may withdraw). Opening it as the provider records the view.
/// </summary>
[Authorize(Policy = Policies.ReferralParty)]
public sealed class DetailModel(ApiClient api) : PageModel
{
    public ReferralSummary Referral { get; private set; } = null!;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public bool IsRecipient => Roles.ProviderIdOf(User) == Referral.ProviderId;
    public bool IsSender => User.IsInRole(Roles.Advocate) && Roles.UserIdOf(User) == Referral.AdvocateId;

    public async Task<IActionResult> OnGetAsync(Guid referralId, bool sent, CancellationToken ct)
    {
        if (!await LoadAsync(referralId, ct)) return NotFound();
        if (IsRecipient && Referral.Status == ReferralStatus.Requested)
        {
            await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/referrals/{referralId}/view", null, null, null, ct);
            await LoadAsync(referralId, ct);
        }
        if (sent) Message = "Referral sent. The provider has been asked to answer by " + Display.Time(Referral.RespondBy) + ".";
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid referralId, CancellationToken ct) => ActAsync(referralId, "accept", null, "Accepted.", ct);

    public Task<IActionResult> OnPostWaitlistAsync(Guid referralId, int expectedWeeks, CancellationToken ct) =>
        ActAsync(referralId, "waitlist", new WaitlistReferral(expectedWeeks), "Waitlisted.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid referralId, string? reason, string? note, CancellationToken ct) =>
        ActAsync(referralId, "decline", new DeclineReferral(Codes.Parse<DeclineReason>(reason), note), "Declined.", ct);

    public Task<IActionResult> OnPostScheduleAsync(Guid referralId, DateOnly? date, CancellationToken ct) =>
        ActAsync(referralId, "schedule", new ScheduleFirstSession(date), "First session scheduled.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid referralId, string? outcome, string? note, CancellationToken ct) =>
        ActAsync(referralId, "close", new CloseReferral(Codes.Parse<CloseOutcome>(outcome), note), "Closed.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid referralId, string? reason, CancellationToken ct) =>
        ActAsync(referralId, "withdraw", new WithdrawReferral(reason), "Withdrawn.", ct);

    private async Task<IActionResult> ActAsync(Guid referralId, string action, object? body, string done, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/referrals/{referralId}/{action}", body ?? new { }, null, null, ct);
        if (!await LoadAsync(referralId, ct)) return NotFound();
        (Message, Failed, Errors) = result.Ok ? (done, false, result.Errors) : (result.Detail ?? result.Title, true, result.Errors);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid referralId, CancellationToken ct)
    {
        var result = await api.GetAsync<ReferralSummary>($"/api/referrals/{referralId}", ct);
        if (result.Ok) Referral = result.Value!;
        return result.Ok;
    }
}
