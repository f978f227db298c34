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
    public FormProblems Problems { get; private set; } = FormProblems.None;
    public string? Message { get; private set; }
    public string? Section { get; private set; }

    /// <summary>A refused save shows what was typed; a lost race (412) shows the newer values instead.</summary>
    public bool KeepTyped { get; private set; }

    private static readonly Dictionary<string, string> AvailabilityInputs = new()
    {
        ["status"] = "status",
        ["openProBonoSlots"] = "proBonoSlots",
        ["openSlidingScaleSlots"] = "slidingScaleSlots",
        ["typicalWaitWeeks"] = "waitWeeks",
    };

    private static readonly Dictionary<string, string> FeeInputs = new()
    {
        ["proBono"] = "proBono",
        ["proBono.sessionsPerFamily"] = "sessions",
        ["slidingScale"] = "slidingScale",
        ["slidingScale.minFeeUsd"] = "minFee",
        ["slidingScale.maxFeeUsd"] = "maxFee",
        ["insuranceNotes"] = "insuranceNotes",
    };

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken ct) => await LoadAsync(providerId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAvailabilityAsync(Guid providerId, string etag, string? status, int proBonoSlots, int slidingScaleSlots, int? waitWeeks, CancellationToken ct) =>
        SaveAsync(providerId, "availability", HttpMethod.Put, $"/api/providers/{providerId}/availability",
            new ChangeAvailability(Codes.Parse<AcceptingStatus>(status), proBonoSlots, slidingScaleSlots, waitWeeks), etag, AvailabilityInputs, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid providerId, string etag, CancellationToken ct) =>
        SaveAsync(providerId, "availability", HttpMethod.Post, $"/api/providers/{providerId}/confirm-availability", null, etag, AvailabilityInputs, ct);

    public Task<IActionResult> OnPostFeeTermsAsync(Guid providerId, string etag, bool proBono, int? sessions, bool slidingScale, decimal? minFee,
        decimal? maxFee, bool incomeBased, string? insuranceNotes, CancellationToken ct) =>
        SaveAsync(providerId, "fee-terms", HttpMethod.Put, $"/api/providers/{providerId}/fee-terms",
            new ChangeFeeTerms(new ProBonoTerms(proBono, sessions), new SlidingScaleTerms(slidingScale, minFee, maxFee, incomeBased), insuranceNotes), etag, FeeInputs, ct);

    public Task<IActionResult> OnPostSpecialtiesAsync(Guid providerId, string etag, string[] specialty, CancellationToken ct) =>
        SaveAsync(providerId, "specialties", HttpMethod.Put, $"/api/providers/{providerId}/specialties", new ChangeSpecialties(specialty), etag,
            new Dictionary<string, string> { ["specialties"] = "own-" + ReferralNetwork.Taxonomy.TraumaSpecialties.All[0].Code }, ct);

    public async Task<IActionResult> OnPostLocationsAsync(Guid providerId, string etag, List<PracticeAddress> locations, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, ct)) return NotFound();
        var p = Listing;
        // Rows left empty are dropped, so the API's locations[j] is the j-th kept row: map it back to the row on the form.
        var rows = locations.Select((l, row) => (l, row)).Where(r => !string.IsNullOrWhiteSpace(r.l.Street) || !string.IsNullOrWhiteSpace(r.l.Zip)).ToList();
        var inputs = new Dictionary<string, string> { ["locations"] = "loc-0-street" };
        foreach (var (j, row) in rows.Select((r, j) => (j, r.row)))
            foreach (var part in new[] { "name", "street", "city", "state", "zip" }) inputs[$"locations[{j}].{part}"] = $"loc-{row}-{part}";
        var profile = new UpdateProfile(p.Name, p.Credentials, p.Npi, p.Licences, rows.Select(r => r.l).ToList(), p.TelehealthStates, p.Languages, p.AgeGroups, p.Contact, p.Bio);
        return await SaveAsync(providerId, "locations", HttpMethod.Put, $"/api/providers/{providerId}/profile", profile, etag, inputs, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid providerId, string section, HttpMethod method, string path, object? body, string etag,
        IReadOnlyDictionary<string, string> inputs, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(method, path, body, etag, null, ct);
        if (!await LoadAsync(providerId, ct)) return NotFound();
        Section = section;
        Problems = ProblemWords.Read(result, inputs);
        Message = result.Ok ? "Saved." : null;
        KeepTyped = !result.Ok && result.Status != System.Net.HttpStatusCode.PreconditionFailed;
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
