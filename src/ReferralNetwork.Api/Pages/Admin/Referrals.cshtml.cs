using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>The full referral history with every filter of GET /api/referrals, and the same filter as CSV.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ReferralsModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ProviderId { get; set; }
    [BindProperty(SupportsGet = true)] public string? AdvocateId { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public ReferralPage? Referrals { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await api.GetAsync<ReferralPage>($"/api/referrals?pageSize=50&{Filters(PageNumber)}", ct);
        Referrals = result.Value;
        Problems = ProblemWords.Read(result, new[] { "providerId", "advocateId", "state", "status", "from", "to" }.ToDictionary(f => f));
    }

    public string Filters(int page) => string.Join('&', new (string, string?)[]
        {
            ("providerId", ProviderId), ("advocateId", AdvocateId), ("state", State), ("status", Status), ("from", From), ("to", To),
            ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2!.Trim())}"));
}
