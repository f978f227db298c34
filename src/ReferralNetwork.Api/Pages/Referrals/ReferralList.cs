using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>The caller's own referrals (the API scopes them: sent by this advocate, or sent to this provider), by status.</summary>
public abstract class ReferralListPage(ApiClient api, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public ReferralPage? Referrals { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>Each listed referral's provider, so the list can name them (an advocate's list only: an inbox is one provider's).</summary>
    public IReadOnlyDictionary<Guid, ProviderListing> Providers { get; private set; } = new Dictionary<Guid, ProviderListing>();

    /// <summary>Whether each row names its provider.</summary>
    protected abstract bool NamesProviders { get; }

    public UsTimeZone Zone => LocalTimes.For(Request);
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = $"/api/referrals?pageSize=25&page={Math.Max(1, PageNumber)}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");
        var result = await api.GetAsync<ReferralPage>(query, ct);
        Problems = ProblemWords.Read(result, new Dictionary<string, string> { ["status"] = "status" });
        Referrals = result.Value;
        if (Referrals is null || !NamesProviders) return;
        // At most one call per provider on the page (25 rows), in parallel over loopback.
        var listings = await Task.WhenAll(Referrals.Items.Select(r => r.ProviderId).Distinct()
            .Select(id => api.GetAsync<ProviderListing>($"/api/providers/{id}", ct)));
        Providers = listings.Where(l => l.Value is not null).ToDictionary(l => l.Value!.Id, l => l.Value!);
    }

    public string Link(int page) => $"?page={page}" + (string.IsNullOrEmpty(Status) ? "" : $"&status={Uri.EscapeDataString(Status)}");
}
