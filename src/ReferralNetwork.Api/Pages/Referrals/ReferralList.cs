using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>The caller's own referrals (the API scopes them: sent by this advocate, or sent to this provider), by status.</summary>
public abstract class ReferralListPage(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public ReferralPage? Referrals { get; private set; }
    public string? Failure { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = $"/api/referrals?pageSize=25&page={Math.Max(1, PageNumber)}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");
        var result = await api.GetAsync<ReferralPage>(query, ct);
        if (result.Ok) Referrals = result.Value;
        else Failure = result.Errors.Count > 0 ? string.Join("; ", result.Errors.SelectMany(e => e.Value)) : result.Detail ?? result.Title;
    }

    public string Link(int page) => $"?page={page}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");
}
