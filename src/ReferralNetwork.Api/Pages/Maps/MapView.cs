using System.Globalization;
using System.Text;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Api.Pages.Maps;

/// <summary>
/// A part of the map and how it is drawn, for the search's results map and the dashboard's national map and insets:
/// an equirectangular projection scaled by the cosine of the middle latitude, so a mile east and a mile north are the
/// same length on screen. Over the few hundred miles a search covers (the radius is at most 300) that is as true as any
/// national projection, and needs no library; for a map of the country it is a shape people recognise, not a survey.
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

    /// <summary>SVG path data for the outline's rings in view (empty when none is), projected onto this view.</summary>
    public string PathData(StateOutline outline)
    {
        var d = new StringBuilder();
        foreach (var ring in outline.Rings.Where(r => Overlaps(r.West, r.South, r.East, r.North))) AppendRing(d, ring);
        return d.ToString();
    }

    private void AppendRing(StringBuilder d, OutlineRing ring)
    {
        var (lastX, lastY) = (double.NaN, double.NaN);
        for (var i = 0; i < ring.Longitudes.Length; i++)
        {
            var (x, y) = Project(ring.Latitudes[i], ring.Longitudes[i]);
            // Points closer than half a pixel add bytes, not shape.
            if (i > 0 && Math.Abs(x - lastX) < 0.5 && Math.Abs(y - lastY) < 0.5) continue;
            d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            (lastX, lastY) = (x, y);
        }
        d.Append('Z');
    }

    /// <summary>A grid of columns × rows points over the view, for <see cref="StateOutline.LabelPoint"/>.</summary>
    public IEnumerable<(double Lat, double Lon)> Grid(int columns, int rows) =>
        from i in Enumerable.Range(1, columns)
        from j in Enumerable.Range(1, rows)
        select (North - (North - South) * j / (rows + 1), West + (East - West) * i / (columns + 1));

    /// <summary>The view's width in miles at its middle latitude (for the scale note).</summary>
    public double WidthMiles => (East - West) * Math.Cos((North + South) / 2 * Math.PI / 180) * 69.05;
}
