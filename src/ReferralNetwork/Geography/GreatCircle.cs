namespace ReferralNetwork.Geography;

/// <summary>Distances on a spherical Earth, as used by the "near a ZIP within N miles" search.</summary>
public static class GreatCircle
{
    /// <summary>IUGG mean Earth radius (6,371,008.8 m) in statute miles.</summary>
    public const double EarthRadiusMiles = 3958.7613;

    // Pads the box so that floating-point rounding never drops a point lying exactly on the circle
    // (1e-9 degrees is about 0.1 mm).
    private const double Margin = 1e-9;

    /// <summary>Haversine distance in miles between two points given in decimal degrees.</summary>
    public static double DistanceMiles(double lat1, double lon1, double lat2, double lon2)
    {
        var sinHalfDLat = Math.Sin(ToRadians(lat2 - lat1) / 2);
        var sinHalfDLon = Math.Sin(ToRadians(lon2 - lon1) / 2);
        var h = sinHalfDLat * sinHalfDLat
            + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * sinHalfDLon * sinHalfDLon;
        return 2 * EarthRadiusMiles * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>
    /// A latitude/longitude box that contains every point within <paramref name="radiusMiles"/> of the
    /// centre, for a cheap indexed prefilter before the exact <see cref="DistanceMiles"/> check.
    /// When the circle reaches a pole, or would cross the antimeridian (±180°), the longitude range
    /// is widened to the full -180..180 so the box stays one conservative range.
    /// </summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(
        double lat, double lon, double radiusMiles)
    {
        if (double.IsNaN(lat) || double.IsNaN(lon) || double.IsNaN(radiusMiles))
            throw new ArgumentException("Coordinates and radius must be numbers.");
        ArgumentOutOfRangeException.ThrowIfLessThan(lat, -90.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lat, 90.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(lon, -180.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lon, 180.0);
        ArgumentOutOfRangeException.ThrowIfNegative(radiusMiles);

        var angle = radiusMiles / EarthRadiusMiles;
        var minLat = lat - ToDegrees(angle) - Margin;
        var maxLat = lat + ToDegrees(angle) + Margin;
        if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2)
            return (Math.Max(minLat, -90), Math.Min(maxLat, 90), -180, 180);

        // The meridians tangent to the circle (Matuschek): narrower than radius / cos(lat), still exact.
        var halfWidth = ToDegrees(Math.Asin(Math.Min(1, Math.Sin(angle) / Math.Cos(ToRadians(lat))))) + Margin;
        var (minLon, maxLon) = (lon - halfWidth, lon + halfWidth);
        return minLon < -180 || maxLon > 180
            ? (minLat, maxLat, -180, 180)
            : (minLat, maxLat, minLon, maxLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
