using System.Collections.Frozen;
using ReferralNetwork.Data;

namespace ReferralNetwork.Taxonomy;

/// <summary>A trauma treatment a provider practises, or a population or case type a provider serves.</summary>
/// <param name="Code">Stable lower-case kebab code ("tf-cbt"); never reused for another meaning.</param>
/// <param name="Kind">"treatment" or "population".</param>
/// <param name="Ages">The age range the treatment was developed for ("3-21"), where the taxonomy records one.</param>
/// <param name="Source">Where the description comes from.</param>
public sealed record TraumaSpecialty(string Code, string Kind, string Label, string Description, string? Ages, string Source);

/// <summary>The versioned specialty taxonomy in Data/taxonomy.json; docs/taxonomy.md explains the versioning.</summary>
public static class TraumaSpecialties
{
    private sealed record Taxonomy(string Version, TraumaSpecialty[] Specialties);

    private static readonly Taxonomy Current = ReferenceData.ReadJson<Taxonomy>("taxonomy.json");

    private static readonly FrozenSet<string> Codes = Current.Specialties.Select(s => s.Code).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The taxonomy's version, a date ("2026-11-22"); a new set of codes gets a new version.</summary>
    public static string Version => Current.Version;

    /// <summary>The treatments first, then the populations, in the taxonomy's order.</summary>
    public static IReadOnlyList<TraumaSpecialty> All => Current.Specialties;

    /// <summary>Whether <paramref name="code"/> is a current code, exactly as written (codes are lower case).</summary>
    public static bool IsKnown(string code) => code is not null && Codes.Contains(code);
}
