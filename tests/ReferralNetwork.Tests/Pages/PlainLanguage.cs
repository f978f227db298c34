namespace ReferralNetwork.Tests.Pages;

/// <summary>Developer phrasing that must never reach a person on the pages (docs/pages.md, "Words").</summary>
public static class PlainLanguage
{
    public static readonly string[] Forbidden =
    [
        "errors", "Errors", "See '", "must be", "is required", "problem+json", "traceId", "GET /api", "ISO 639", "GUID", "USD", "null",
        "maxFeeUsd", "minFeeUsd", "maxFee", "ageGroup", "feeNeed", "familyReference", "guardianContact", "radiusMiles", "sendWhileNotAccepting",
        "providerId", "expectedWeeks", "pro-bono", "no-capacity", "not-accepting", "advocate-relays-only", "tf-cbt", "true or false",
        "Please correct the highlighted fields",
    ];

    /// <summary>Status codes, which may appear in ordinary text elsewhere (a ZIP, a fee), so only checked in messages.</summary>
    public static readonly string[] StatusCodes = ["400", "404", "409", "412", "422", "HTTP"];

    /// <summary>Case matters: "TF-CBT" is how people write the treatment, "tf-cbt" is the API's code for it.</summary>
    public static IEnumerable<string> FoundIn(string text, bool message = true) =>
        Forbidden.Concat(message ? StatusCodes : []).Where(f => text.Contains(f, StringComparison.Ordinal));
}
