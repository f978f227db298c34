using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Providers.Verification;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>One provider's whole listing, with contact details (advocates, admins, the provider themself).</summary>
[Authorize(Policy = Policies.ProviderProfile)]
public sealed class ProfileModel(ApiClient api) : PageModel
{
    public ProviderListing Listing { get; private set; } = null!;

    /// <summary>The fit check's answers (empty until the form is sent), its result, and what to fix in it.</summary>
    public FitAnswers Fit { get; private set; } = FitAnswers.Empty;
    public FitCheck? FitResult { get; private set; }
    public IReadOnlyDictionary<string, string[]> FitErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Set when the page shows the listing as it was at an instant (the admin's timeline links here): read-only.</summary>
    public DateTimeOffset? AsOf { get; private set; }
    public UsTimeZone Zone => LocalTimes.For(Request);

    public async Task<IActionResult> OnGetAsync(Guid providerId, string? asOf, CancellationToken ct)
    {
        var result = await api.GetAsync<ProviderListing>($"/api/providers/{providerId}" + AsOfQuery.For(asOf), ct);
        if (!result.Ok) return StatusCode((int)result.Status);
        Listing = result.Value!;
        if ((AsOf = AsOfQuery.Parse(asOf)) is not null) return Page();
        await LoadReviewAsync(providerId, ct);
        if (FitAnswers.From(Request.Query) is { } answers && (User.IsInRole(Roles.Advocate) || User.IsInRole(Roles.Admin)))
        {
            Fit = answers;
            var check = await api.SendAsync<FitCheck>(HttpMethod.Post, $"/api/providers/{providerId}/fit", answers.ToCommand(), null, null, ct);
            if (!check.Ok && check.Errors.Count == 0) return StatusCode((int)check.Status);
            (FitResult, FitErrors) = (check.Value, check.Errors);
        }
        return Page();
    }

    /// <summary>The network's review, for the provider themself: what was asked or why it was declined (Pages/Providers/_Review).</summary>
    public VerificationCase? Review { get; private set; }
    public FormProblems ReplyProblems { get; private set; } = FormProblems.None;
    public string? ReplyMessage { get; private set; }

    public async Task<IActionResult> OnPostReplyAsync(Guid providerId, long version, string? message, CancellationToken ct)
    {
        var reply = await api.SendAsync<WriteAccepted>(HttpMethod.Post, $"/api/providers/{providerId}/reply", new ReplyToReview(message), ETag.For(version), null, ct);
        ReplyProblems = ProblemWords.Read(reply, new Dictionary<string, string> { ["message"] = "reply-message" });
        if (reply.Ok) ReplyMessage = "Your answer is sent. The network's staff will look at your application again.";
        return await OnGetAsync(providerId, null, ct);
    }

    private async Task LoadReviewAsync(Guid providerId, CancellationToken ct)
    {
        if (Roles.ProviderIdOf(User) == providerId) Review = (await api.GetAsync<VerificationCase>($"/api/providers/{providerId}/review", ct)).Value;
    }
}
