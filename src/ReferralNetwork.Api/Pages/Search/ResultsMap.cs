using System.Globalization;
using System.Net;
using System.Text;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>
/// The results near a ZIP as an SVG drawn on the server: state outlines (Census, via us-atlas), the searched ZIP and a
/// numbered marker per provider, zoomed to them. No script and no tile server; the list beside it is the data table.
/// </summary>
public static class ResultsMap
{
    private const double Radius = 12;

    public static string Svg(ZipCentroid centre, IReadOnlyList<MapMarker> markers, string summary)
    {
        var view = MapView.Around([(centre.Latitude, centre.Longitude), .. markers.Select(m => (m.Latitude, m.Longitude))]);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"results-map\" role=\"img\" aria-labelledby=\"map-title map-desc\" viewBox=\"0 0 {view.Width} {view.Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"map-title\">Map of the providers near {E(centre.Zip)}</title><desc id=\"map-desc\">{E(summary)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{view.Width}\" height=\"{view.Height}\" fill=\"#eef3f8\"/>");
        svg.Append("<g fill=\"#ffffff\" stroke=\"#6b7785\" stroke-width=\"1\" stroke-linejoin=\"round\">");
        foreach (var state in StateOutlines.All)
        {
            var d = new StringBuilder();
            foreach (var ring in state.Rings.Where(r => view.Overlaps(r.West, r.South, r.East, r.North))) Path(d, ring, view);
            if (d.Length > 0) svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\"/>");
        }
        svg.Append("</g>");
        Labels(svg, view);
        var (cx, cy) = view.Project(centre.Latitude, centre.Longitude);
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"searched\"><path d=\"M{cx:0.#},{cy - 9:0.#}l9,9l-9,9l-9,-9z\" fill=\"#1b1f24\"/><text x=\"{cx + 12:0.#}\" y=\"{cy - 8:0.#}\" font-size=\"14\" font-weight=\"700\" fill=\"#1b1f24\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">ZIP {E(centre.Zip)}</text></g>");
        var placed = new List<(double X, double Y)>();
        // Draw the last first, so marker 1 is on top where markers overlap.
        foreach (var (marker, (x, y)) in markers.Select(m => (m, Place(view.Project(m.Latitude, m.Longitude), placed))).Reverse())
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"marker\" data-number=\"{marker.Number}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{Radius}\" fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"2\"/>" +
                $"<text x=\"{x:0.#}\" y=\"{y + 5:0.#}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#ffffff\">{marker.Number}</text></g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    // Each state in view is named (its USPS code) at the point of a coarse grid over the map that lies inside it and
    // nearest the middle of its grid points: always inside the state and on the map, unlike the middle of its outline.
    private static void Labels(StringBuilder svg, MapView view)
    {
        const int Columns = 9, Rows = 7;
        var grid = from i in Enumerable.Range(1, Columns)
                   from j in Enumerable.Range(1, Rows)
                   select (Lat: view.North - (view.North - view.South) * j / (Rows + 1), Lon: view.West + (view.East - view.West) * i / (Columns + 1));
        foreach (var state in StateOutlines.All)
        {
            if (Regions.All.FirstOrDefault(r => r.Name == state.Name) is not { } region) continue;
            var rings = state.Rings.Where(r => view.Overlaps(r.West, r.South, r.East, r.North)).ToList();
            var inside = grid.Where(p => rings.Any(r => Contains(r, p.Lat, p.Lon))).ToList();
            if (inside.Count == 0) continue;
            var (midLat, midLon) = (inside.Average(p => p.Lat), inside.Average(p => p.Lon));
            var at = inside.MinBy(p => Math.Pow(p.Lat - midLat, 2) + Math.Pow(p.Lon - midLon, 2));
            var (x, y) = view.Project(at.Lat, at.Lon);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{y + 5:0.#}\" text-anchor=\"middle\" font-size=\"15\" fill=\"#4a5560\">{region.Code}</text>");
        }
    }

    /// <summary>Whether a point is inside a ring (even-odd ray casting).</summary>
    public static bool Contains(OutlineRing ring, double lat, double lon)
    {
        if (lon < ring.West || lon > ring.East || lat < ring.South || lat > ring.North) return false;
        var inside = false;
        for (int i = 0, j = ring.Longitudes.Length - 1; i < ring.Longitudes.Length; j = i++)
        {
            if ((ring.Latitudes[i] > lat) != (ring.Latitudes[j] > lat) &&
                lon < (ring.Longitudes[j] - ring.Longitudes[i]) * (lat - ring.Latitudes[i]) / (ring.Latitudes[j] - ring.Latitudes[i]) + ring.Longitudes[i])
                inside = !inside;
        }
        return inside;
    }

    // Providers at the same address would hide each other: move a marker round a small spiral until it is clear.
    private static (double X, double Y) Place((double X, double Y) at, List<(double X, double Y)> placed)
    {
        var (x, y) = at;
        for (var step = 1; step <= 24 && placed.Any(p => Math.Pow(p.X - x, 2) + Math.Pow(p.Y - y, 2) < Math.Pow(Radius * 1.8, 2)); step++)
        {
            var angle = step * 2.4;
            (x, y) = (at.X + Math.Cos(angle) * Radius * 1.4 * Math.Sqrt(step), at.Y + Math.Sin(angle) * Radius * 1.4 * Math.Sqrt(step));
        }
        placed.Add((x, y));
        return (x, y);
    }

    private static void Path(StringBuilder d, OutlineRing ring, MapView view)
    {
        var (lastX, lastY) = (double.NaN, double.NaN);
        for (var i = 0; i < ring.Longitudes.Length; i++)
        {
            var (x, y) = view.Project(ring.Latitudes[i], ring.Longitudes[i]);
            // Points closer than half a pixel add bytes, not shape.
            if (i > 0 && Math.Abs(x - lastX) < 0.5 && Math.Abs(y - lastY) < 0.5) continue;
            d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            (lastX, lastY) = (x, y);
        }
        d.Append('Z');
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
