using System.Xml.Linq;
using ReferralNetwork.Api.Pages.Admin;

namespace ReferralNetwork.Tests.Pages.Admin;

public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void bars_are_scaled_to_the_largest_row_and_stack_their_parts()
    {
        var svg = XElement.Parse(Charts.Bars("c", "Title", "Description", ["a", "b"], [new BarRow("VA", [10, 30]), new BarRow("DC", [20, 0])], " slots"));

        var widths = svg.Elements(Svg + "rect").Where(r => (double)r.Attribute("height")! > 12).Select(r => (double)r.Attribute("width")!).ToList();
        Assert.Equal([130, 390, 260], widths);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Title", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "40 slots");
        Assert.Equal(2, svg.Elements(Svg + "text").Count(t => t.Value is "a" or "b"));
    }

    [Fact]
    public void labels_and_titles_are_encoded_so_markup_stays_text()
    {
        var markup = "<script>alert(1)</script>";

        var svg = XElement.Parse(Charts.Bars("x", markup, markup, ["s"], [new BarRow(markup, [1])], ""));

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal(markup, svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == markup);
    }

    [Fact]
    public void an_empty_chart_is_still_a_valid_image()
    {
        var svg = XElement.Parse(Charts.Bars("e", "Nothing yet", "No data", ["a"], [], ""));

        Assert.Empty(svg.Elements(Svg + "rect"));
    }
}
