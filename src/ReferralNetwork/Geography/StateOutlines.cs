using ReferralNetwork.Data;

namespace ReferralNetwork.Geography;

/// <summary>One closed ring of a state's outline in decimal degrees, with its bounding box (to skip rings off a map).</summary>
public sealed record OutlineRing(double[] Longitudes, double[] Latitudes, double West, double South, double East, double North)
{
    /// <summary>Whether a point is inside the ring (even-odd ray casting).</summary>
    public bool Contains(double lat, double lon)
    {
        if (lon < West || lon > East || lat < South || lat > North) return false;
        var inside = false;
        for (int i = 0, j = Longitudes.Length - 1; i < Longitudes.Length; j = i++)
        {
            if ((Latitudes[i] > lat) != (Latitudes[j] > lat) &&
                lon < (Longitudes[j] - Longitudes[i]) * (lat - Latitudes[i]) / (Latitudes[j] - Latitudes[i]) + Longitudes[i])
                inside = !inside;
        }
        return inside;
    }

    /// <summary>The ring moved a whole turn west: the Aleutians west of 180° drawn beside the rest of Alaska.</summary>
    public OutlineRing ShiftedWest() => new([.. Longitudes.Select(l => l - 360)], Latitudes, West - 360, South, East - 360, North);
}

/// <summary>A state's (or territory's) outline: its name and rings (islands and all).</summary>
public sealed record StateOutline(string Fips, string Name, IReadOnlyList<OutlineRing> Rings)
{
    /// <summary>
    /// Where to write a label: of the points of <paramref name="grid"/> inside the outline, the one nearest their middle
    /// (always inside the state, unlike the middle of its outline); null when none is inside.
    /// </summary>
    public (double Lat, double Lon)? LabelPoint(IEnumerable<(double Lat, double Lon)> grid)
    {
        var inside = grid.Where(p => Rings.Any(r => r.Contains(p.Lat, p.Lon))).ToList();
        if (inside.Count == 0) return null;
        var (midLat, midLon) = (inside.Average(p => p.Lat), inside.Average(p => p.Lon));
        return inside.MinBy(p => Math.Pow(p.Lat - midLat, 2) + Math.Pow(p.Lon - midLon, 2));
    }
}

/// <summary>
/// US state outlines from Data/state-outlines.json: the Census cartographic boundaries (public domain) as packaged by
/// us-atlas 3.0.1 (ISC), converted once by eng/data/convert-us-atlas.mjs; see Data/README.md.
/// </summary>
public static class StateOutlines
{
    private sealed record File(string Source, Entry[] States);

    private sealed record Entry(string Fips, string Name, int[][] Rings);

    private static readonly Lazy<IReadOnlyList<StateOutline>> Loaded = new(Load);

    public static IReadOnlyList<StateOutline> All => Loaded.Value;

    private static IReadOnlyList<StateOutline> Load() =>
        [.. ReferenceData.ReadJson<File>("state-outlines.json").States.Select(e => new StateOutline(e.Fips, e.Name, [.. e.Rings.Select(Ring)]))];

    // Stored as [lon, lat, lon, lat, ...] in hundredths of a degree.
    private static OutlineRing Ring(int[] flat)
    {
        var lon = new double[flat.Length / 2];
        var lat = new double[flat.Length / 2];
        for (var i = 0; i < lon.Length; i++) (lon[i], lat[i]) = (flat[2 * i] / 100.0, flat[2 * i + 1] / 100.0);
        return new(lon, lat, lon.Min(), lat.Min(), lon.Max(), lat.Max());
    }
}
