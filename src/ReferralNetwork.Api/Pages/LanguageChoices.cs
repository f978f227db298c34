using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages;

/// <summary>
/// The languages a form offers: the most needed first, the rest after them by name. Every ISO 639-1 code stays valid
/// in the API; the form only leaves out languages no family would need a therapist in (ancient, liturgical and
/// constructed ones), unless a link asks for one.
/// </summary>
public static class LanguageChoices
{
    // English, Spanish, then the languages most spoken at home in the US after them (Census ACS): Chinese, Tagalog,
    // Vietnamese, Arabic, French, Korean, Russian, Haitian Creole, Portuguese, Hindi.
    private static readonly string[] CommonCodes = ["en", "es", "zh", "tl", "vi", "ar", "fr", "ko", "ru", "ht", "pt", "hi"];

    // Avestan, Church Slavic, Latin, Pali, Sanskrit; Volapük, Interlingua, Interlingue, Ido.
    private static readonly HashSet<string> Hidden = ["ae", "cu", "la", "pi", "sa", "vo", "ia", "ie", "io"];

    public static IReadOnlyList<Language> Common { get; } = [.. CommonCodes.Select(code => Languages.All.First(l => l.Code == code))];

    /// <summary>The rest by name, without the hidden ones (but with <paramref name="selected"/>, whatever it is).</summary>
    public static IEnumerable<Language> Others(string? selected) =>
        Languages.All.Where(l => !CommonCodes.Contains(l.Code) && (!Hidden.Contains(l.Code) || l.Code == selected)).OrderBy(l => l.Name, StringComparer.Ordinal);
}
