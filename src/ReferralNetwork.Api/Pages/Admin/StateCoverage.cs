using ReferralNetwork.Geography;
using ReferralNetwork.Network;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>
/// One state's (or DC's) open capacity and gaps, as the map and its table show them: accepting providers and open
/// slots (<see cref="NetworkReport.CapacityByState"/>) and the specialties no accepting provider offers there
/// (<see cref="NetworkReport.CoverageGaps"/>).
/// </summary>
public sealed record StateCoverage(Region Region, int AcceptingProviders, int OpenProBonoSlots, int OpenSlidingScaleSlots, IReadOnlyList<string> MissingSpecialties)
{
    public static IReadOnlyList<StateCoverage> From(NetworkReport report)
    {
        var capacity = report.CapacityByState.ToDictionary(c => c.State, StringComparer.Ordinal);
        var missing = report.CoverageGaps.ToLookup(g => g.State, g => g.Specialty, StringComparer.Ordinal);
        return
        [
            .. Regions.All.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => capacity.GetValueOrDefault(r.Code) is { } c
                ? new StateCoverage(r, c.AcceptingProviders, c.OpenProBonoSlots, c.OpenSlidingScaleSlots, [.. missing[r.Code]])
                : new StateCoverage(r, 0, 0, 0, [.. missing[r.Code]])),
        ];
    }

    /// <summary>A gap on the map: no accepting provider, or none with an open pro bono slot for a family who cannot pay.</summary>
    public bool HasGap => AcceptingProviders == 0 || OpenProBonoSlots == 0;

    /// <summary>The gaps in words, or "None".</summary>
    public string Gaps()
    {
        if (AcceptingProviders == 0) return "No accepting provider";
        var parts = new List<string>();
        if (OpenProBonoSlots == 0) parts.Add("no open pro bono slot");
        if (MissingSpecialties.Count is > 0 and <= 3) parts.Add($"no provider for {Display.List(MissingSpecialties.Select(Display.Specialty))}");
        else if (MissingSpecialties.Count > 3) parts.Add($"no provider for {MissingSpecialties.Count} of {TraumaSpecialties.All.Count} specialties");
        if (parts.Count == 0) return "None";
        var words = string.Join("; ", parts);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>Everything the table row says, in one sentence: the state's name on the map.</summary>
    public string Summary() =>
        $"{Region.Name}: {Display.Count(AcceptingProviders, "accepting provider")}, {Display.Count(OpenProBonoSlots, "open pro bono slot")}, " +
        $"{Display.Count(OpenSlidingScaleSlots, "open sliding-scale slot")}. {(Gaps() is "None" ? "No gaps." : $"Gaps: {Gaps()}.")}";
}
