using ReferralNetwork.Geography;

namespace ReferralNetwork.Providers.Searching;

/// <summary>
/// One-degree latitude/longitude cells: a listing stores the cells of its practice locations, and a radius
/// search looks only at listings in the cells its bounding box touches (a GIN index on an int[] column),
/// before computing exact great-circle distances.
/// </summary>
public static class GridCell
{
    public static int Of(double latitude, double longitude) =>
        ((int)Math.Floor(latitude) + 90) * 360 + (int)Math.Floor(longitude) + 180;

    public static int[] Covering(double latitude, double longitude, double radiusMiles)
    {
        var (minLat, maxLat, minLon, maxLon) = GreatCircle.BoundingBox(latitude, longitude, radiusMiles);
        var cells = new List<int>();
        for (var lat = (int)Math.Floor(minLat); lat <= (int)Math.Floor(maxLat); lat++)
            for (var lon = (int)Math.Floor(minLon); lon <= (int)Math.Floor(maxLon); lon++)
                cells.Add(Of(lat, lon));
        return cells.ToArray();
    }
}
