using System.Collections.Frozen;
using ReferralNetwork.Data;

namespace ReferralNetwork.Taxonomy;

/// <summary>A language a provider offers sessions in.</summary>
/// <param name="Code">ISO 639-1 code, lower case ("es").</param>
/// <param name="Name">English name ("Spanish").</param>
public sealed record Language(string Code, string Name);

/// <summary>The ISO 639-1 languages in Data/languages.json (from the npm package iso-639-1; see Data/README.md).</summary>
public static class Languages
{
    public static IReadOnlyList<Language> All { get; } = ReferenceData.ReadJson<Language[]>("languages.json");

    private static readonly FrozenSet<string> Codes = All.Select(language => language.Code).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> is an ISO 639-1 code, exactly as written (codes are lower case).</summary>
    public static bool IsKnown(string code) => code is not null && Codes.Contains(code);
}
