using System.Globalization;
using ReferralNetwork.Providers;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>
/// What an advocate typed into "Check whether this provider fits the family", read from the query string (a GET
/// form: nothing is stored, the page can be bookmarked or reloaded, and the referral form takes the same names).
/// </summary>
public sealed record FitAnswers(
    IReadOnlyList<string> Situation, IReadOnlyList<string> Treatment, string? AgeGroup, string? Language,
    string? State, string? Zip, bool Telehealth, string? Fee, string? Budget)
{
    public static readonly FitAnswers Empty = new([], [], null, null, null, null, false, null, null);

    /// <summary>Languages families most often need in the US, offered before the full list.</summary>
    public static readonly string[] CommonLanguages = ["en", "es", "zh", "vi", "ar", "tl", "ko", "ru", "ht", "fr", "pt"];

    /// <summary>The answers, when the form was sent (<c>check</c> present); else null.</summary>
    public static FitAnswers? From(IQueryCollection query)
    {
        if (!query.ContainsKey("check")) return null;
        string? Text(string name) => query[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        return new FitAnswers([.. query["situation"].OfType<string>()], [.. query["treatment"].OfType<string>()], Text("ageGroup"), Text("language"),
            Text("state"), Text("zip"), query["telehealth"].Contains("true"), Text("fee"), Text("budget"));
    }

    /// <summary>The API's body; a budget that is not a number is sent as an impossible one, so the API names the field.</summary>
    public CheckFit ToCommand() => new(Situation, Treatment.Count == 0 ? null : Treatment, AgeGroup, Language, State, Zip, Telehealth,
        Codes.Parse<FeeChoice>(Fee), Budget is null ? null
            : decimal.TryParse(Budget.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) ? usd : -1);

    /// <summary>The referral form, started from these answers (the provider's answer decides the fee kind).</summary>
    public string ReferralLink(Guid providerId, FitReferral referral)
    {
        var query = new List<string> { $"providerId={providerId}" };
        query.AddRange(referral.Needs.Specialties.Select(s => $"specialty={Uri.EscapeDataString(s)}"));
        query.Add($"ageGroup={Uri.EscapeDataString(referral.Needs.AgeGroup)}");
        query.Add($"language={Uri.EscapeDataString(referral.Needs.Language)}");
        query.Add($"state={Uri.EscapeDataString(referral.Needs.State)}");
        query.Add($"fee={Display.Code(referral.FeeNeed.ToString())}");
        if (referral.Needs.Telehealth) query.Add("telehealth=true");
        return "/referrals/new?" + string.Join('&', query);
    }
}
