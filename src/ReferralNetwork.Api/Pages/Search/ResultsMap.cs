using System.Globalization;
using System.Net;
using System.Text;
using ReferralNetwork.Api.Pages.Maps;
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
        foreach (var d in StateOutlines.All.Select(view.PathData).Where(d => d.Length > 0))
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\"/>");
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
        var grid = view.Grid(9, 7).ToList();
        foreach (var state in StateOutlines.All)
        {
            if (Regions.All.FirstOrDefault(r => r.Name == state.Name) is not { } region) continue;
            var inView = state with { Rings = [.. state.Rings.Where(r => view.Overlaps(r.West, r.South, r.East, r.North))] };
            if (inView.LabelPoint(grid) is not { } at) continue;
            var (x, y) = view.Project(at.Lat, at.Lon);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{y + 5:0.#}\" text-anchor=\"middle\" font-size=\"15\" fill=\"#4a5560\">{region.Code}</text>");
        }
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

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
