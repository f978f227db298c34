using System.Globalization;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>
/// One search as GET /api/providers takes it (the same names, so a search is a link): the page's form fills it, the
/// ways out of an empty result are copies with one thing changed.
/// </summary>
public sealed record SearchQuery(
    string? Near, double? RadiusMiles, string? State, bool Telehealth, IReadOnlyList<string> Specialty, string? AgeGroup,
    string? Language, string? Fee, decimal? MaxFee, bool Accepting, string? Sort)
{
    /// <summary>The API's order for the page's default: providers taking referrals first.</summary>
    public const string DefaultSort = "taking-referrals-first";

    /// <summary>The page's name for the API's own default order (by distance near a ZIP, else by name).</summary>
    public const string NearestSort = "nearest";

    public string ToQueryString(int page = 1)
    {
        var parts = new List<(string, string?)>
        {
            // The API refuses a radius without a ZIP: the form always has a radius box, so drop it when there is no ZIP.
            ("near", Near), ("radiusMiles", Near is null ? null : RadiusMiles?.ToString(CultureInfo.InvariantCulture)), ("state", State),
            ("telehealth", Telehealth ? "true" : null), ("ageGroup", AgeGroup), ("language", Language), ("fee", Fee),
            ("maxFee", MaxFee?.ToString(CultureInfo.InvariantCulture)), ("accepting", Accepting ? "true" : null),
            ("sort", Sort), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
        };
        parts.AddRange(Specialty.Select(s => ("specialty", (string?)s)));
        return string.Join('&', parts.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
    }

    /// <summary>What the API is asked: the page's sort names mapped to the API's.</summary>
    public string ToApiQueryString(int page = 1, int? pageSize = null)
    {
        var api = this with { Sort = Sort switch { null => DefaultSort, NearestSort => null, var other => other } };
        var query = api.ToQueryString(page);
        return pageSize is { } size ? $"{query}&pageSize={size.ToString(CultureInfo.InvariantCulture)}" : query;
    }
}
