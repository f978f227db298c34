using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>
/// The send-referral form, pre-filled from the search that led here. Each rendering carries a fresh Idempotency-Key,
/// so a double click or a resubmitted form sends one referral, not two.
/// </summary>
[Authorize(Policy = Policies.Advocate)]
public sealed class NewModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProviderId { get; set; }
    [BindProperty(SupportsGet = true)] public string[] Specialty { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? AgeGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fee { get; set; }
    [BindProperty(SupportsGet = true)] public bool Telehealth { get; set; }
    [BindProperty] public string? FamilyReference { get; set; }
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? GuardianContact { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool SendWhileNotAccepting { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public ProviderListing? Provider { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;

    // The API's field for each input on this form (needs.specialties links to the first box it offers).
    private Dictionary<string, string> Inputs() => new()
    {
        ["familyReference"] = "familyReference",
        ["needs.ageGroup"] = "ageGroup",
        ["needs.language"] = "language",
        ["needs.state"] = "state",
        ["urgency"] = "urgency",
        ["feeNeed"] = "fee",
        ["contact"] = "channel",
        ["contact.guardianContact"] = "guardianContact",
        ["note"] = "note",
        ["needs.specialties"] = SpecialtyInputs().FirstOrDefault() ?? "telehealth",
        // The box to send anyway is there only while the provider is not taking referrals or one fee kind has no place
        // open (New.cshtml); otherwise it is a sentence.
        ["sendWhileNotAccepting"] = Provider!.Availability is { TakesReferrals: true, OpenProBonoSlots: > 0, OpenSlidingScaleSlots: > 0 } ? "" : "sendWhileNotAccepting",
    };

    /// <summary>The specialties the form offers: the provider's, and any the search asked for.</summary>
    public IEnumerable<string> SpecialtyCodes() =>
        ReferralNetwork.Taxonomy.TraumaSpecialties.All.Where(s => Provider!.Specialties.Contains(s.Code) || Specialty.Contains(s.Code)).Select(s => s.Code);

    private IEnumerable<string> SpecialtyInputs() => SpecialtyCodes().Select(c => "specialty-" + c);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadProviderAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadProviderAsync(ct)) return NotFound();
        var request = new RequestReferral(ProviderId, FamilyReference ?? "",
            new FamilyNeeds(Specialty, AgeGroup ?? "", Language ?? "", State ?? "", Telehealth),
            Codes.Parse<Urgency>(Urgency), Codes.Parse<FeeKind>(Fee), new ContactPreference(Codes.Parse<ContactChannel>(Channel) ?? ContactChannel.AdvocateRelaysOnly, GuardianContact),
            Note, SendWhileNotAccepting);
        var result = await api.SendAsync<ReferralCreated>(HttpMethod.Post, "/api/referrals", request, null, IdempotencyKey, ct);
        if (result.Ok) return Redirect($"/referrals/{result.Value!.Id}?sent=true");
        Problems = ProblemWords.Read(result, Inputs().Where(i => i.Value.Length > 0).ToDictionary());
        return Page();
    }

    private async Task<bool> LoadProviderAsync(CancellationToken ct)
    {
        var result = await api.GetAsync<ProviderListing>($"/api/providers/{ProviderId}", ct);
        Provider = result.Value;
        return result.Ok;
    }
}
