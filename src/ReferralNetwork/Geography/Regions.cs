using System.Collections.Frozen;
using ReferralNetwork.Data;

namespace ReferralNetwork.Geography;

/// <summary>A US state or the District of Columbia: where providers are licensed and families live.</summary>
/// <param name="Code">USPS code, upper case ("VA").</param>
/// <param name="Kind">"state" or "district".</param>
public sealed record Region(string Code, string Name, string Kind);

/// <summary>The 50 states and DC, from Data/regions.json.</summary>
public static class Regions
{
    public static IReadOnlyList<Region> All { get; } = ReferenceData.ReadJson<Region[]>("regions.json");

    private static readonly FrozenDictionary<string, Region> ByCode =
        All.ToFrozenDictionary(region => region.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="code"/> is a state or DC, ignoring case ("va" is known).</summary>
    public static bool IsKnown(string code) => code is not null && ByCode.ContainsKey(code);

    public static Region? Find(string code) => code is not null && ByCode.TryGetValue(code, out var region) ? region : null;
}
