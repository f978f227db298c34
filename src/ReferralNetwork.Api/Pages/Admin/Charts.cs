using System.Globalization;
using System.Net;
using System.Text;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>One row of a bar chart: its label and the sizes of its stacked parts (one per series).</summary>
public sealed record BarRow(string Label, IReadOnlyList<double> Parts);

/// <summary>
/// Horizontal (stacked) bar charts as SVG, drawn on the server: no script, no chart library. Every text is encoded;
/// the SVG is an image with a title and description, and each page also shows the numbers as a table.
/// </summary>
public static class Charts
{
    /// <summary>Colours with at least 4.5:1 contrast on white, told apart by the legend as well as by hue.</summary>
    public static readonly string[] Palette = ["#0b5cad", "#1a6b34", "#8a4b00", "#a4161a", "#5b3b8c", "#00707a", "#4a5560", "#7a5c00"];

    private const int PlotWidth = 520, RowHeight = 24, Top = 8, ValueWidth = 90, LegendColumns = 4, LegendWidth = 130;

    public static string Bars(string id, string title, string description, IReadOnlyList<string> series, IReadOnlyList<BarRow> rows, string unit)
    {
        // Wide enough for the longest label at about 7 pixels a character (13px system font).
        var labelWidth = Math.Clamp(rows.Select(r => r.Label.Length).DefaultIfEmpty(4).Max() * 7 + 16, 60, 420);
        var max = Math.Max(1e-9, rows.Select(r => r.Parts.Sum()).DefaultIfEmpty(0).Max());
        var legendY = Top + rows.Count * RowHeight + 16;
        var legendRows = series.Count > 1 ? (series.Count + LegendColumns - 1) / LegendColumns : 0;
        var height = legendY + legendRows * 20 + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + PlotWidth + ValueWidth} {height}\" width=\"{labelWidth + PlotWidth + ValueWidth}\" height=\"{height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1f24\">{E(rows[i].Label)}</text>");
            double x = labelWidth;
            for (var s = 0; s < rows[i].Parts.Count; s++)
            {
                var w = rows[i].Parts[s] / max * PlotWidth;
                if (w > 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 6}\" fill=\"{Palette[s % Palette.Length]}\"/>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 16}\" font-size=\"12\" fill=\"#1b1f24\">{E(Number(rows[i].Parts.Sum()) + unit)}</text>");
        }
        if (series.Count > 1)
            for (var s = 0; s < series.Count; s++)
            {
                var (x, y) = (labelWidth + s % LegendColumns * LegendWidth, legendY + s / LegendColumns * 20);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{x + 16}\" y=\"{y + 11}\" font-size=\"12\" fill=\"#1b1f24\">{E(series[s])}</text>");
            }
        return svg.Append("</svg>").ToString();
    }

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
