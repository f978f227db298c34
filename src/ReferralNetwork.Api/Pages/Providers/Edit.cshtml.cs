using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>
/// The provider keeps the whole listing current, one section at a time, each with its own Save. Each form carries the
/// version it was opened at (If-Match) and sends only its own section on top of the listing; if someone else saved the
/// same part in between (412), what was typed stays in the form beside what the listing says now, and nothing is lost.
/// </summary>
[Authorize(Policy = Policies.ProviderSelfOrAdmin)]
public sealed partial class EditModel(ApiClient api) : PageModel
{
    public ProviderListing Listing { get; private set; } = null!;
    public string ETag { get; private set; } = "";
    public FormProblems Problems { get; private set; } = FormProblems.None;
    public string? Message { get; private set; }
    public string? Section { get; private set; }

    /// <summary>After a lost race: the section's parts that differ now from what was typed (empty: another part changed).</summary>
    public IReadOnlyList<ChangedPart>? Changes { get; private set; }

    /// <summary>A refused or lost save, or "add another", shows what was typed in that section.</summary>
    public bool KeepTyped { get; private set; }

    /// <summary>"Add another" was pressed: one more empty row in that section.</summary>
    public bool AddRow { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken ct) => await LoadAsync(providerId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAboutAsync(Guid providerId, string etag, string? name, string? credentials, string? npi, CancellationToken ct) =>
        SaveProfileAsync(providerId, "about", etag, p => p with { Name = name ?? "", Credentials = ProfileForm.Split(credentials), Npi = ProfileForm.Blank(npi) }, ct);

    public async Task<IActionResult> OnPostLicencesAsync(Guid providerId, string etag, List<LicenceRow> licences, bool more, CancellationToken ct)
    {
        if (more) return await ShowAnotherRowAsync(providerId, "licences", etag, ct);
        var kept = ProfileForm.Kept(licences, r => r.Remove || r.Blank);
        return await SaveProfileAsync(providerId, "licences", etag, p => p with { Licences = kept.Select(r => ProfileForm.ToLicence(r.Row)).ToList() }, ct,
            licenceRows: kept.Select(r => r.On).ToList());
    }

    public async Task<IActionResult> OnPostLocationsAsync(Guid providerId, string etag, List<LocationRow> locations, bool more, CancellationToken ct)
    {
        if (more) return await ShowAnotherRowAsync(providerId, "locations", etag, ct);
        var kept = ProfileForm.Kept(locations, r => r.Remove || r.Blank);
        return await SaveProfileAsync(providerId, "locations", etag, p => p with { Locations = kept.Select(r => ProfileForm.ToAddress(r.Row)).ToList() }, ct,
            locationRows: kept.Select(r => r.On).ToList());
    }

    public Task<IActionResult> OnPostTelehealthAsync(Guid providerId, string etag, string[] telehealth, CancellationToken ct) =>
        SaveProfileAsync(providerId, "telehealth", etag, p => p with { TelehealthStates = telehealth }, ct);

    public Task<IActionResult> OnPostPeopleAsync(Guid providerId, string etag, string[] language, string[] ageGroup, CancellationToken ct) =>
        SaveProfileAsync(providerId, "people", etag, p => p with { Languages = language.Distinct().ToList(), AgeGroups = ageGroup }, ct);

    public Task<IActionResult> OnPostContactAsync(Guid providerId, string etag, string? email, string? phone, string? referralsEmail,
        bool emailPrivate, bool phonePrivate, CancellationToken ct) =>
        SaveProfileAsync(providerId, "contact", etag, p => p with
        {
            Contact = new ProviderContact(email ?? "", ProfileForm.Blank(phone), ProfileForm.Blank(referralsEmail), emailPrivate, phonePrivate),
        }, ct);

    public Task<IActionResult> OnPostBioAsync(Guid providerId, string etag, string? bio, CancellationToken ct) =>
        SaveProfileAsync(providerId, "bio", etag, p => p with { Bio = ProfileForm.Blank(bio) }, ct);

    /// <summary>The listing as it stands with this section's values: the parts the form did not show go back unchanged.</summary>
    private async Task<IActionResult> SaveProfileAsync(Guid providerId, string section, string etag, Func<UpdateProfile, UpdateProfile> edit,
        CancellationToken ct, IReadOnlyList<int>? licenceRows = null, IReadOnlyList<int>? locationRows = null)
    {
        if (!await LoadAsync(providerId, ct)) return NotFound();
        var inputs = ProfileForm.Inputs(licenceRows ?? Enumerable.Range(0, Listing.Licences.Count).ToList(),
            locationRows ?? Enumerable.Range(0, Listing.Locations.Count).ToList());
        return await SaveAsync(providerId, section, HttpMethod.Put, $"/api/providers/{providerId}/profile", edit(ProfileForm.From(Listing)), etag, inputs, ct);
    }

    private async Task<IActionResult> ShowAnotherRowAsync(Guid providerId, string section, string etag, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, ct)) return NotFound();
        (Section, KeepTyped, AddRow, PostedETag) = (section, true, true, etag);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(Guid providerId, string section, HttpMethod method, string path, object? body, string etag,
        IReadOnlyDictionary<string, string> inputs, CancellationToken ct)
    {
        var result = await api.SendAsync<WriteAccepted>(method, path, body, etag, null, ct);
        if (!await LoadAsync(providerId, ct)) return NotFound();
        (Section, PostedETag) = (section, etag);
        Problems = ProblemWords.Read(result, inputs, wholeForm: ChangedId(section));
        Message = result.Ok ? "Saved." : null;
        KeepTyped = !result.Ok;
        if (result.Status == System.Net.HttpStatusCode.PreconditionFailed) Changes = EditChanges.Between(body, Listing);
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
