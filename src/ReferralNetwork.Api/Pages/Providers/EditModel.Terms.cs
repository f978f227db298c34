using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Providers;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>The sections with endpoints of their own: availability (and "nothing changed"), fee terms, specialties.</summary>
public sealed partial class EditModel
{
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
            new Dictionary<string, string> { ["specialties"] = "own-" + TraumaSpecialties.All[0].Code }, ct);
}
