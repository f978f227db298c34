namespace ReferralNetwork.Api.Pages.Search;

/// <summary>
/// The part of the map a search shows and how it is drawn: an equirectangular projection scaled by the cosine of the
/// middle latitude, so a mile east and a mile north are the same length on screen. Over the few hundred miles a
/// search covers (the radius is at most 300) that is as true as any national projection, and needs no library.
/// </summary>
public sealed record MapView(double West, double South, double East, double North, double Width, double Height)
{
    /// <summary>
    /// The smallest view holding every point, with a margin, at least <paramref name="minSpanMiles"/> across, widened
    /// along one axis to the drawing's proportions so nothing is stretched.
    /// </summary>
    public static MapView Around(IReadOnlyCollection<(double Latitude, double Longitude)> points, double width = 480, double height = 360,
        double margin = 0.12, double minSpanMiles = 40)
    {
        if (points.Count == 0) throw new ArgumentException("A map needs at least one point.", nameof(points));
        double south = points.Min(p => p.Latitude), north = points.Max(p => p.Latitude);
        double west = points.Min(p => p.Longitude), east = points.Max(p => p.Longitude);
        var (midLat, midLon) = ((south + north) / 2, (west + east) / 2);
        var cos = Math.Cos(midLat * Math.PI / 180);
        // Spans in degrees of latitude (the same length everywhere): longitude spans shrink by the cosine.
        var minSpan = minSpanMiles / 69.05;
        var spanY = Math.Max((north - south) * (1 + 2 * margin), minSpan);
        var spanX = Math.Max((east - west) * cos * (1 + 2 * margin), minSpan);
        if (spanX / spanY < width / height) spanX = spanY * width / height;
        else spanY = spanX * height / width;
        var halfLon = spanX / cos / 2;
        return new(midLon - halfLon, midLat - spanY / 2, midLon + halfLon, midLat + spanY / 2, width, height);
    }

    /// <summary>Where a point falls in the drawing: x to the east, y down (north is up).</summary>
    public (double X, double Y) Project(double latitude, double longitude) =>
        ((longitude - West) / (East - West) * Width, (North - latitude) / (North - South) * Height);

    public bool Overlaps(double west, double south, double east, double north) =>
        west <= East && east >= West && south <= North && north >= South;

    /// <summary>The view's width in miles at its middle latitude (for the scale note).</summary>
    public double WidthMiles => (East - West) * Math.Cos((North + South) / 2 * Math.PI / 180) * 69.05;
}
