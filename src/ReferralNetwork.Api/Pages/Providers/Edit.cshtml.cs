using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>
/// The provider keeps the listing current: availability, fee terms, specialties, practice locations. Each form
/// carries the version it was opened at (If-Match); if someone else saved in between, the API's 412 becomes a
/// kind "this profile changed since you opened it" with the newer values shown, and nothing is overwritten.
/// </summary>
[Authorize(Policy = Policies.ProviderSelfOrAdmin)]
public sealed class EditModel(ApiClient api) : PageModel
{
    public ProviderListing Listing { get; private set; } = null!;
    public string ETag { get; private set; } = "";
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public string MessageKind { get; private set; } = "success";
    public string? Section { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken ct) => await LoadAsync(providerId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAvailabilityAsync(Guid providerId, string etag, string? status, int proBonoSlots, int slidingScaleSlots, int? waitWeeks, CancellationToken ct) =>
        SaveAsync(providerId, "availability", HttpMethod.Put, $"/api/providers/{providerId}/availability",
            new ChangeAvailability(Codes.Parse<AcceptingStatus>(status), proBonoSlots, slidingScaleSlots, waitWeeks), etag, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid providerId, string etag, CancellationToken ct) =>
        SaveAsync(providerId, "availability", HttpMethod.Post, $"/api/providers/{providerId}/confirm-availability", null, etag, ct);

    public Task<IActionResult> OnPostFeeTermsAsync(Guid providerId, string etag, bool proBono, int? sessions, bool slidingScale, decimal? minFee,
        decimal? maxFee, bool incomeBased, string? insuranceNotes, CancellationToken ct) =>
        SaveAsync(providerId, "fee-terms", HttpMethod.Put, $"/api/providers/{providerId}/fee-terms",
            new ChangeFeeTerms(new ProBonoTerms(proBono, sessions), new SlidingScaleTerms(slidingScale, minFee, maxFee, incomeBased), insuranceNotes), etag, ct);

    public Task<IActionResult> OnPostSpecialtiesAsync(Guid providerId, string etag, string[] specialty, CancellationToken ct) =>
        SaveAsync(providerId, "specialties", HttpMethod.Put, $"/api/providers/{providerId}/specialties", new ChangeSpecialties(specialty), etag, ct);

    public async Task<IActionResult> OnPostLocationsAsync(Guid providerId, string etag, List<PracticeAddress> locations, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, ct)) return NotFound();
        var p = Listing;
        var kept = locations.Where(l => !string.IsNullOrWhiteSpace(l.Street) || !string.IsNullOrWhiteSpace(l.Zip)).ToList();
        var profile = new UpdateProfile(p.Name, p.Credentials, p.Npi, p.Licences, kept, p.TelehealthStates, p.Languages, p.AgeGroups, p.Contact, p.Bio);
        return await SaveAsync(providerId, "locations", HttpMethod.Put, $"/api/providers/{providerId}/profile", profile, etag, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid providerId, string section, HttpMethod method, string path, object? body, string etag, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(method, path, body, etag, null, ct);
        if (!await LoadAsync(providerId, ct)) return NotFound();
        Section = section;
        (Message, MessageKind, Errors) = result.Status switch
        {
            _ when result.Ok => ("Saved.", "success", result.Errors),
            System.Net.HttpStatusCode.PreconditionFailed => ("This profile changed since you opened it, so your change was not saved. " +
                "The newer values are shown below: check them and make your change again.", "warning", result.Errors),
            _ => (result.Errors.Count > 0 ? "Please correct the highlighted fields." : result.Detail ?? result.Title, "error", result.Errors),
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid providerId, CancellationToken ct)
    {
        var result = await api.GetAsync<ProviderListing>($"/api/providers/{providerId}", ct);
        if (!result.Ok) return false;
        (Listing, ETag) = (result.Value!, result.ETag ?? "");
        return true;
    }
}
