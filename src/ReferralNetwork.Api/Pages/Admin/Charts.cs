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

    /// <summary>
    /// The drawing is narrow and its text large, so that scaled down to a 390 px phone the words stay about 11 px. Labels
    /// are measured generously, never cut: beside their bars when short, else on lines of their own above them
    /// (wrapped); the bars leave room for their value.
    /// </summary>
    public const int Width = 480;

    private const int FontSize = 15, LineHeight = 19, BarHeight = 16, RowGap = 10, Top = 6, Swatch = 14;

    /// <summary>A generous width per character at <see cref="FontSize"/> (capitals and digits included), so an estimate never cuts text.</summary>
    public const double CharWidth = 8.6;

    public static string Bars(string id, string title, string description, IReadOnlyList<string> series, IReadOnlyList<BarRow> rows, Func<double, string> words)
    {
        var values = rows.Select(r => words(r.Parts.Sum())).ToList();
        var valueWidth = values.Select(v => v.Length).DefaultIfEmpty(1).Max() * CharWidth + 10;
        // Short labels (states, weeks) sit beside their bars; longer ones (specialties) get a line of their own above.
        var labelWidth = rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max() * CharWidth + 10;
        var beside = labelWidth <= Width * 0.4;
        var left = beside ? labelWidth : 0;
        var plotWidth = Width - left - valueWidth;
        var max = Math.Max(1e-9, rows.Select(r => r.Parts.Sum()).DefaultIfEmpty(0).Max());
        var body = new StringBuilder();
        double y = Top;
        for (var i = 0; i < rows.Count; i++)
        {
            if (beside)
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 10:0.#}\" y=\"{y + BarHeight - 3:0.#}\" text-anchor=\"end\" font-size=\"{FontSize}\" fill=\"#1b1f24\">{E(rows[i].Label)}</text>");
            else
                foreach (var line in Wrap(rows[i].Label, Width))
                {
                    y += LineHeight;
                    body.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y - 5:0.#}\" font-size=\"{FontSize}\" fill=\"#1b1f24\">{E(line)}</text>");
                }
            var x = left;
            for (var s = 0; s < rows[i].Parts.Count; s++)
            {
                var w = rows[i].Parts[s] / max * plotWidth;
                if (w > 0) body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{BarHeight}\" fill=\"{Palette[s % Palette.Length]}\"/>");
                x += w;
            }
            body.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + BarHeight - 3:0.#}\" font-size=\"{FontSize}\" fill=\"#1b1f24\">{E(values[i])}</text>");
            y += BarHeight + (beside ? 6 : RowGap);
        }
        if (series.Count > 1) y = Legend(body, series, y + 6);
        var height = Math.Ceiling(y + 4);
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>")
            .Append(body).Append("</svg>").ToString();
    }

    /// <summary>The legend in as many columns as its longest entry allows; returns the y below it.</summary>
    private static double Legend(StringBuilder svg, IReadOnlyList<string> series, double top)
    {
        var columnWidth = series.Max(s => s.Length) * CharWidth + Swatch + 18;
        var columns = Math.Max(1, (int)(Width / columnWidth));
        for (var s = 0; s < series.Count; s++)
        {
            var (x, y) = (s % columns * columnWidth, top + s / columns * LineHeight);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Swatch}\" height=\"{Swatch}\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{x + Swatch + 6:0.#}\" y=\"{y + Swatch - 2:0.#}\" font-size=\"{FontSize}\" fill=\"#1b1f24\">{E(series[s])}</text>");
        }
        return top + (series.Count + columns - 1) / columns * LineHeight;
    }

    /// <summary>Splits a label at spaces into lines that fit <paramref name="width"/>; a single word too long for a line is kept whole.</summary>
    public static IReadOnlyList<string> Wrap(string text, double width)
    {
        var perLine = Math.Max(1, (int)(width / CharWidth));
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : $"{line} {word}";
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
