using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>
/// One referral as its two parties follow it: status, each step's time, the family's needs, and the actions the
/// caller may take now (the provider answers; the advocate may withdraw). Opening it as the provider records the view.
/// </summary>
[Authorize(Policy = Policies.ReferralParty)]
public sealed class DetailModel(ApiClient api, TimeProvider clock) : PageModel
{
    public ReferralSummary Referral { get; private set; } = null!;
    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>The provider as listed now: the name and how to reach them (null if the listing cannot be read).</summary>
    public ProviderListing? Provider { get; private set; }
    public UsTimeZone Zone => LocalTimes.For(Request, Referral.FamilyState);
    public DateTimeOffset Now => clock.GetUtcNow();
    public string? Message { get; private set; }

    /// <summary>The emails about this referral (Notifications), newest last.</summary>
    public IReadOnlyList<ReferralNetwork.Notifications.NotificationRecord> Emails { get; private set; } = [];
    public bool IsRecipient => Roles.ProviderIdOf(User) == Referral.ProviderId;
    public bool IsSender => User.IsInRole(Roles.Advocate) && Roles.UserIdOf(User) == Referral.AdvocateId;

    /// <summary>Set when the page shows the referral as it was at an instant (the admin's timeline links here): read-only.</summary>
    public DateTimeOffset? AsOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid referralId, bool sent, string? asOf, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(asOf))
            return (AsOf = AsOfQuery.Parse(asOf)) is not null && await LoadAsync(referralId, ct, AsOfQuery.For(asOf)) ? Page() : NotFound();
        if (!await LoadAsync(referralId, ct)) return NotFound();
        if (IsRecipient && Referral.Status == ReferralStatus.Requested)
        {
            await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/referrals/{referralId}/view", null, null, null, ct);
            await LoadAsync(referralId, ct);
        }
        if (sent) Message = "Referral sent. The provider has been asked to answer by " + LocalTimes.Exact(Referral.RespondBy, Zone) + ".";
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid referralId, CancellationToken ct) => ActAsync(referralId, "accept", null, "Accepted.", [], ct);

    public Task<IActionResult> OnPostWaitlistAsync(Guid referralId, int expectedWeeks, CancellationToken ct) =>
        ActAsync(referralId, "waitlist", new WaitlistReferral(expectedWeeks), "Waitlisted.", [("expectedWeeks", "expectedWeeks")], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid referralId, string? reason, string? note, CancellationToken ct) =>
        ActAsync(referralId, "decline", new DeclineReferral(Codes.Parse<DeclineReason>(reason), note), "Declined.",
            [("reason", "decline-reason"), ("note", "decline-note")], ct);

    public Task<IActionResult> OnPostScheduleAsync(Guid referralId, DateOnly? date, CancellationToken ct) =>
        ActAsync(referralId, "schedule", new ScheduleFirstSession(date), "First session scheduled.", [("date", "date")], ct);

    public Task<IActionResult> OnPostCloseAsync(Guid referralId, string? outcome, string? note, CancellationToken ct) =>
        ActAsync(referralId, "close", new CloseReferral(Codes.Parse<CloseOutcome>(outcome), note), "Closed.", [("outcome", "outcome"), ("note", "close-note")], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid referralId, string? reason, CancellationToken ct) =>
        ActAsync(referralId, "withdraw", new WithdrawReferral(reason), "Withdrawn.", [("reason", "withdraw-reason")], ct);

    /// <param name="inputs">The API field each input of this action's form stands for (each form names its own inputs).</param>
    private async Task<IActionResult> ActAsync(Guid referralId, string action, object? body, string done, (string Field, string Input)[] inputs, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/referrals/{referralId}/{action}", body ?? new { }, null, null, ct);
        if (!await LoadAsync(referralId, ct)) return NotFound();
        Problems = ProblemWords.Read(result, inputs.ToDictionary(i => i.Field, i => i.Input));
        Message = result.Ok ? done : null;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid referralId, CancellationToken ct, string asOf = "")
    {
        var result = await api.GetAsync<ReferralSummary>($"/api/referrals/{referralId}{asOf}", ct);
        if (!result.Ok) return false;
        Referral = result.Value!;
        Provider ??= (await api.GetAsync<ProviderListing>($"/api/providers/{Referral.ProviderId}", ct)).Value;
        Emails = (await api.GetAsync<List<ReferralNetwork.Notifications.NotificationRecord>>($"/api/referrals/{referralId}/notifications", ct)).Value ?? [];
        return true;
    }
}
