using System.Xml.Linq;
using ReferralNetwork.Api.Pages.Admin;

namespace ReferralNetwork.Tests.Pages.Admin;

public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void bars_are_scaled_to_the_largest_row_and_stack_their_parts()
    {
        var svg = XElement.Parse(Charts.Bars("c", "Title", "Description", ["a", "b"], [new BarRow("VA", [10, 30]), new BarRow("DC", [20, 0])], n => $"{n} slots"));

        // Short labels sit beside the bars (2 × 8.6 + 10 wide); "40 slots" needs 8 × 8.6 + 10: 374 are left for the longest bar.
        var widths = svg.Elements(Svg + "rect").Where(r => (double)r.Attribute("height")! > 14).Select(r => (double)r.Attribute("width")!).ToList();
        Assert.Equal([93.5, 280.5, 187], widths);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Title", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "40 slots");
        Assert.Equal(2, svg.Elements(Svg + "text").Count(t => t.Value is "a" or "b"));
    }

    [Fact]
    public void labels_and_titles_are_encoded_so_markup_stays_text()
    {
        var markup = "<script>alert(1)</script>";

        var svg = XElement.Parse(Charts.Bars("x", markup, markup, ["s"], [new BarRow(markup, [1])], n => ""));

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal(markup, svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == markup);
    }

    [Fact]
    public void an_empty_chart_is_still_a_valid_image()
    {
        var svg = XElement.Parse(Charts.Bars("e", "Nothing yet", "No data", ["a"], [], n => ""));

        Assert.Empty(svg.Elements(Svg + "rect"));
    }

    [Fact]
    public void one_is_said_in_the_singular_after_a_bar()
    {
        var svg = XElement.Parse(Charts.Bars("g", "Gaps", "Gaps", ["states"], [new BarRow("EMDR", [1]), new BarRow("CPT", [2])], DashboardModel.States));

        Assert.Equal(["EMDR", "1 state", "CPT", "2 states"], svg.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal("1 referral", DashboardModel.Referrals(1));
        Assert.Equal("1 hour", DashboardModel.Hours(1));
        Assert.Equal("2.5 hours", DashboardModel.Hours(2.5));
    }

    [Fact]
    public void long_labels_wrap_above_their_bars_and_no_text_leaves_the_drawing()
    {
        var longest = "Commercial sexual exploitation and trafficking survivors, with their caregivers and siblings";
        var svg = XElement.Parse(Charts.Bars("l", "Gaps", "Gaps", ["states"], [new BarRow(longest, [51]), new BarRow("EMDR", [1])], DashboardModel.States));

        var width = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var texts = svg.Elements(Svg + "text").ToList();
        Assert.Equal(longest, string.Join(" ", texts.TakeWhile(t => t.Value != "51 states").Select(t => t.Value)));
        Assert.True(texts.Count(t => longest.Contains(t.Value, StringComparison.Ordinal)) > 1, "the long label takes more than one line");
        foreach (var text in texts)
        {
            var (x, length) = ((double)text.Attribute("x")!, text.Value.Length * Charts.CharWidth);
            var (from, to) = (string?)text.Attribute("text-anchor") == "end" ? (x - length, x) : (x, x + length);
            Assert.True(from >= 0 && to <= width, $"'{text.Value}' runs from {from} to {to} in a drawing {width} wide");
        }
    }

    [Fact]
    public void a_week_row_is_named_in_words_and_adds_up_its_states_step_by_step()
    {
        var weeks = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, int>>>
        {
            ["2026-11-30"] = new() { ["VA"] = new() { ["accepted"] = 2, ["requested"] = 1 }, ["MD"] = new() { ["accepted"] = 1, ["expired"] = 1 } },
        };
        var report = new ReferralNetwork.Network.NetworkReport(weeks, [], [], [], []);

        var row = Assert.Single(DashboardModel.WeeksOf(report));

        Assert.Equal("Week of 30 Nov 2026", row.Label);
        Assert.Equal([1, 3, 0, 0, 0, 0, 0, 1], row.Parts);
        Assert.Equal(DashboardModel.Steps.Length, DashboardModel.StepWords.Length);
    }
}
