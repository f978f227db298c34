using System.Globalization;
using System.Net;
using System.Text;
using ReferralNetwork.Api.Pages.Maps;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>One step of the map's shading: the fewest accepting providers it holds, its colour and its words.</summary>
public sealed record ShadeStep(int From, string Fill, string Words);

/// <summary>
/// The network's coverage on a map of the United States, drawn on the server as SVG from the Census state outlines:
/// each state shaded by its accepting providers, hatched where it has a gap (no accepting provider or no open pro bono
/// slot), so a gap shows without colour. Alaska and Hawaii are insets below, not to scale; DC, too small to see, has a
/// square of its own off the coast. Each state is an image named with its numbers; the table beside it has them all.
/// </summary>
public static class CoverageMap
{
    public static readonly IReadOnlyList<ShadeStep> Steps =
    [
        new(0, "#f4f6f8", "No accepting provider"), new(1, "#d3e4f3", "1 to 4 accepting providers"),
        new(5, "#92bbe0", "5 to 19"), new(20, "#4a86c2", "20 to 49"), new(50, "#0b4f8f", "50 or more"),
    ];

    public const double Width = 640, MainHeight = 380, Height = 520;

    // The lower 48 on the whole width; the insets in a strip below it, each in its own view (Alaska at a smaller scale).
    private static readonly MapView Lower48 = MapView.Around([(24.4, -124.8), (49.4, -66.9)], Width, MainHeight, margin: 0.02);
    private static readonly MapView AlaskaView = MapView.Around([(51.2, -188.0), (71.4, -129.9)], 200, 110, margin: 0.03);
    private static readonly MapView HawaiiView = MapView.Around([(18.9, -160.3), (22.3, -154.8)], 130, 80, margin: 0.05);
    private const double InsetTop = MainHeight + 6, InsetHeight = 112, HawaiiLeft = 214;

    private static readonly (double Lat, double Lon) DcSquare = (36.9, -72.6);

    public static ShadeStep StepFor(int acceptingProviders) => Steps.Last(s => acceptingProviders >= s.From);

    public static string Svg(IReadOnlyList<StateCoverage> states, string id = "coverage")
    {
        var byName = states.ToDictionary(s => s.Region.Name, StringComparer.Ordinal);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage-map\" role=\"group\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" viewBox=\"0 0 {Width} {Height}\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"{id}-title\">Map of accepting providers and gaps by state</title><desc id=\"{id}-desc\">{E(Describe(states))}</desc>");
        svg.Append("<defs><pattern id=\"gap-hatch\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" patternTransform=\"rotate(45)\">" +
                   "<rect width=\"7\" height=\"7\" fill=\"none\"/><line x1=\"1.5\" y1=\"0\" x2=\"1.5\" y2=\"7\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>" +
                   "<line x1=\"3.5\" y1=\"0\" x2=\"3.5\" y2=\"7\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/></pattern></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        foreach (var outline in StateOutlines.All)
        {
            if (!byName.TryGetValue(outline.Name, out var state)) continue;
            var (view, left, top, shifted) = Place(outline);
            var d = view.PathData(shifted);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"state\" role=\"img\" data-state=\"{state.Region.Code}\" data-gap=\"{(state.HasGap ? "yes" : "no")}\" data-providers=\"{state.AcceptingProviders}\"");
            if (left != 0 || top != 0) svg.Append(CultureInfo.InvariantCulture, $" transform=\"translate({left} {top})\"");
            svg.Append(CultureInfo.InvariantCulture, $"><title>{E(state.Summary())}</title>");
            Shape(svg, d, state);
            if (state.Region.Code == "DC") DcCallout(svg, view, shifted, state);
            else Label(svg, view, shifted, state.Region.Code);
            svg.Append("</g>");
        }
        Frame(svg, 0, "Alaska", AlaskaView);
        Frame(svg, HawaiiLeft, "Hawaii", HawaiiView);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The map's text alternative: what it shows and where the numbers are.</summary>
    public static string Describe(IReadOnlyList<StateCoverage> states)
    {
        var gaps = states.Where(s => s.HasGap).Select(s => s.Region.Name).ToList();
        var none = states.Count(s => s.AcceptingProviders == 0);
        return $"The 50 states and DC shaded by how many accepting providers serve them. {Display.Count(none, "state has", "states have")} no accepting provider; " +
               $"{Display.Count(gaps.Count, "state is", "states are")} hatched as a gap (no accepting provider or no open pro bono slot)" +
               (gaps.Count is > 0 and <= 10 ? $": {Display.List(gaps)}" : "") + ". The table beside the map has every state's numbers.";
    }

    private static (MapView View, double Left, double Top, StateOutline Shifted) Place(StateOutline outline) => outline.Name switch
    {
        "Alaska" => (AlaskaView, 0, InsetTop + 1, outline with { Rings = [.. outline.Rings.Select(r => r.West > 0 ? r.ShiftedWest() : r)] }),
        "Hawaii" => (HawaiiView, HawaiiLeft, InsetTop + 16, outline),
        _ => (Lower48, 0, 0, outline),
    };

    private static void Shape(StringBuilder svg, string d, StateCoverage state)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" fill=\"{StepFor(state.AcceptingProviders).Fill}\" stroke=\"#4a5560\" stroke-width=\"0.75\" stroke-linejoin=\"round\"/>");
        if (state.HasGap) svg.Append(CultureInfo.InvariantCulture, $"<path class=\"gap\" d=\"{d}\" fill=\"url(#gap-hatch)\" stroke=\"#1b1f24\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>");
    }

    // A state's code where it has room for it (the small ones are in the table and named on hover); dark text with a
    // white halo reads on every shade.
    private static void Label(StringBuilder svg, MapView view, StateOutline outline, string code)
    {
        var main = outline.Rings.MaxBy(r => (r.East - r.West) * (r.North - r.South))!;
        var (x0, y0) = view.Project(main.North, main.West);
        var (x1, y1) = view.Project(main.South, main.East);
        if (x1 - x0 < 26 || y1 - y0 < 18) return;
        var grid = from i in Enumerable.Range(1, 9)
                   from j in Enumerable.Range(1, 9)
                   select (main.North - (main.North - main.South) * j / 10, main.West + (main.East - main.West) * i / 10);
        if (outline.LabelPoint(grid) is not { } at) return;
        var (x, y) = view.Project(at.Lat, at.Lon);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1f24\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" aria-hidden=\"true\">{code}</text>");
    }

    // DC is a few pixels across: a square of its own out in the Atlantic, joined to it by a line, shaded and hatched alike.
    private static void DcCallout(StringBuilder svg, MapView view, StateOutline outline, StateCoverage state)
    {
        var ring = outline.Rings[0];
        var (dx, dy) = view.Project((ring.North + ring.South) / 2, (ring.East + ring.West) / 2);
        var (x, y) = view.Project(DcSquare.Lat, DcSquare.Lon);
        var square = string.Create(CultureInfo.InvariantCulture, $"M{x - 8:0.#},{y - 8:0.#}h16v16h-16Z");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{dx:0.#}\" y1=\"{dy:0.#}\" x2=\"{x - 8:0.#}\" y2=\"{y:0.#}\" stroke=\"#4a5560\" stroke-width=\"1\"/>");
        Shape(svg, square, state);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x + 12:0.#}\" y=\"{y + 4:0.#}\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1f24\" aria-hidden=\"true\">DC</text>");
    }

    // Each inset in a thin frame, named below it (inside, a name would cover islands).
    private static void Frame(StringBuilder svg, double left, string name, MapView view) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<g aria-hidden=\"true\"><rect x=\"{left + 0.5}\" y=\"{InsetTop + 0.5}\" width=\"{view.Width - 1}\" height=\"{InsetHeight - 1}\" fill=\"none\" stroke=\"#b8c2cc\"/>" +
            $"<text x=\"{left + 2}\" y=\"{InsetTop + InsetHeight + 16}\" font-size=\"12\" fill=\"#4a5560\">{name} (not to scale)</text></g>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
