using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>One provider's whole listing, with contact details (advocates, admins, the provider themself).</summary>
[Authorize(Policy = Policies.ProviderProfile)]
public sealed class ProfileModel(ApiClient api) : PageModel
{
    public ProviderListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken ct)
    {
        var result = await api.GetAsync<ProviderListing>($"/api/providers/{providerId}", ct);
        if (!result.Ok) return StatusCode((int)result.Status);
        Listing = result.Value!;
        return Page();
    }
}
