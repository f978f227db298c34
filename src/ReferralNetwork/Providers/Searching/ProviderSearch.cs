using System.Globalization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Providers.Searching;

public enum FeeNeed { Any, ProBono, SlidingScale }

public enum VerifiedFilter { VerifiedOnly, UnverifiedOnly, Any }

/// <summary>
/// Result order: by distance when near is given (else by name), or by the median time to a first answer; or those
/// taking referrals first, then by distance (else by name), which is what the advocate's search page asks for.
/// </summary>
public enum SearchOrder { Default, Name, RespondsFastest, TakingReferralsFirst }

/// <summary>A parsed, validated search: what a family needs and where they are.</summary>
public sealed record ProviderSearch(
    string? State, ZipCentroid? Near, double RadiusMiles, bool Telehealth, IReadOnlyList<string> Specialties,
    string? AgeGroup, string? Language, FeeNeed Fee, decimal? MaxFee, bool? Accepting, VerifiedFilter Verified,
    int Page, int PageSize, SearchOrder Order = SearchOrder.Default)
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 1000;
    public const double DefaultRadiusMiles = 25;
    public const double MaxRadiusMiles = 300;

    /// <summary>The family's state for telehealth: the one asked for, else the ZIP's.</summary>
    public string? TelehealthState => State ?? Near?.State;

    /// <summary>Parses the query string, naming every parameter that breaks a rule.</summary>
    public static (ProviderSearch? Search, ValidationProblems Problems) Parse(IQueryCollection query)
    {
        var p = new ValidationProblems();
        var state = Text(query, "state");
        if (state is not null && p.Require(Regions.IsKnown(state), "state", "must be a US state code; see GET /api/regions"))
            state = state.ToUpperInvariant();

        ZipCentroid? near = null;
        if (Text(query, "near") is { } zip)
            p.Require(ZipCentroids.Default.TryFind(zip, out near), "near", $"'{Clip(zip)}' is not a known 5-digit US ZIP code");
        var radius = Number<double>(query, "radiusMiles", p, NumberStyles.Float, double.TryParse) ?? DefaultRadiusMiles;
        p.Require(radius is > 0 and <= MaxRadiusMiles, "radiusMiles", $"must be more than 0 and at most {MaxRadiusMiles}");
        if (query.ContainsKey("radiusMiles")) p.Require(query.ContainsKey("near"), "radiusMiles", "needs 'near' (a ZIP code)");

        var specialties = query["specialty"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (var code in specialties.Where(c => !TraumaSpecialties.IsKnown(c)))
            p.Add("specialty", $"'{Clip(code)}' is not a trauma specialty code; the valid codes are at GET /api/specialties");
        var ageGroup = Text(query, "ageGroup")?.ToLowerInvariant();
        if (ageGroup is not null) p.Require(AgeGroups.IsKnown(ageGroup), "ageGroup", "must be an age group code; see GET /api/age-groups");
        var language = Text(query, "language")?.ToLowerInvariant();
        if (language is not null) p.Require(Languages.IsKnown(language), "language", "must be an ISO 639-1 code; see GET /api/languages");

        var fee = Text(query, "fee") switch
        {
            null => FeeNeed.Any,
            "pro-bono" => FeeNeed.ProBono,
            "sliding-scale" => FeeNeed.SlidingScale,
            var other => p.Reject("fee", $"'{Clip(other)}' must be pro-bono or sliding-scale", FeeNeed.Any),
        };
        var maxFee = Number<decimal>(query, "maxFee", p, NumberStyles.Number, decimal.TryParse);
        if (maxFee is not null) p.Require(maxFee is >= 0 and <= 10_000, "maxFee", "must be between 0 and 10000 (USD per session)");
        if (maxFee is not null) p.Require(fee != FeeNeed.ProBono, "maxFee", "does not apply to fee=pro-bono");

        var verified = Text(query, "verified") switch
        {
            null or "true" => VerifiedFilter.VerifiedOnly,
            "false" => VerifiedFilter.UnverifiedOnly,
            "any" => VerifiedFilter.Any,
            var other => p.Reject("verified", $"'{Clip(other)}' must be true, false or any", VerifiedFilter.Any),
        };
        var order = Text(query, "sort") switch
        {
            null => SearchOrder.Default,
            "name" => SearchOrder.Name,
            "responds-fastest" => SearchOrder.RespondsFastest,
            "taking-referrals-first" => SearchOrder.TakingReferralsFirst,
            var other => p.Reject("sort", $"'{Clip(other)}' must be name, responds-fastest or taking-referrals-first", SearchOrder.Default),
        };
        var page = Number<int>(query, "page", p, NumberStyles.Integer, int.TryParse) ?? 1;
        p.Require(page is >= 1 and <= MaxPage, "page", $"must be between 1 and {MaxPage}");
        var pageSize = Number<int>(query, "pageSize", p, NumberStyles.Integer, int.TryParse) ?? 20;
        p.Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");

        var search = new ProviderSearch(state, near, radius, Flag(query, "telehealth", p) ?? false, specialties, ageGroup, language,
            fee, maxFee, Flag(query, "accepting", p), verified, page, pageSize, order);
        return (p.IsEmpty ? search : null, p);
    }

    private delegate bool TryParse<T>(string? s, NumberStyles style, IFormatProvider provider, out T value);

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static T? Number<T>(IQueryCollection query, string name, ValidationProblems p, NumberStyles style, TryParse<T> parse) where T : struct
    {
        if (Text(query, name) is not { } text) return null;
        if (parse(text, style, CultureInfo.InvariantCulture, out var value)) return value;
        return p.Reject<T?>(name, $"'{Clip(text)}' is not a number", null);
    }

    private static bool? Flag(IQueryCollection query, string name, ValidationProblems p) => Text(query, name) switch
    {
        null => null,
        var t when bool.TryParse(t, out var b) => b,
        var t => p.Reject<bool?>(name, $"'{Clip(t)}' must be true or false", null),
    };

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
