using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReferralNetwork.Api.Pages.Admin;
using ReferralNetwork.Geography;
using ReferralNetwork.Network;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Tests.Pages.Admin;

public sealed partial class CoverageMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Virginia: 3 accepting providers with open pro bono slots, every specialty but EMDR. Maryland: 1, no pro bono slot.
    // Every other state (and DC): nobody, so every specialty is missing.
    private static NetworkReport Report()
    {
        StateCapacity[] capacity = [new("VA", 3, 2, 5), new("MD", 1, 0, 4)];
        var gaps = from r in Regions.All
                   from s in TraumaSpecialties.All
                   where r.Code != "VA" || s.Code == "emdr"
                   select new CoverageGap(r.Code, s.Code);
        return new NetworkReport(new(), new(), [.. Regions.All.Select(r => capacity.FirstOrDefault(c => c.State == r.Code) ?? new StateCapacity(r.Code, 0, 0, 0))], [.. gaps], []);
    }

    private static XElement State(XElement svg, string code) => svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-state") == code);

    [Fact]
    public void each_state_is_shaded_by_its_accepting_providers_and_named_with_its_numbers()
    {
        var svg = XElement.Parse(CoverageMap.Svg(StateCoverage.From(Report())));

        Assert.Equal(51, svg.Descendants(Svg + "g").Count(g => g.Attribute("data-state") is not null));
        var virginia = State(svg, "VA");
        Assert.Equal("img", (string?)virginia.Attribute("role"));
        Assert.Equal("#d3e4f3", (string?)virginia.Element(Svg + "path")!.Attribute("fill"));
        Assert.Equal("Virginia: 3 accepting providers, 2 open pro bono slots, 5 open sliding-scale slots. Gaps: No provider for Eye Movement Desensitization and Reprocessing (EMDR).",
            virginia.Element(Svg + "title")!.Value);
        Assert.Equal("Maryland: 1 accepting provider, 0 open pro bono slots, 4 open sliding-scale slots. Gaps: No open pro bono slot; no provider for 28 of 28 specialties.",
            State(svg, "MD").Element(Svg + "title")!.Value);
        Assert.Equal("#f4f6f8", (string?)State(svg, "CA").Element(Svg + "path")!.Attribute("fill"));
    }

    [Fact]
    public void a_state_with_a_gap_is_hatched_and_outlined_so_the_gap_does_not_rest_on_colour()
    {
        var svg = XElement.Parse(CoverageMap.Svg(StateCoverage.From(Report())));

        Assert.DoesNotContain(State(svg, "VA").Elements(Svg + "path"), p => (string?)p.Attribute("class") == "gap");
        foreach (var code in new[] { "MD", "CA", "DC" })
        {
            var hatches = State(svg, code).Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "gap").ToList();
            Assert.NotEmpty(hatches); // DC's is on its outline and on its square off the coast
            Assert.All(hatches, h => Assert.Equal("url(#gap-hatch)", (string?)h.Attribute("fill")));
            Assert.Equal("yes", (string?)State(svg, code).Attribute("data-gap"));
        }
        Assert.NotNull(svg.Descendants(Svg + "pattern").SingleOrDefault(p => (string?)p.Attribute("id") == "gap-hatch"));
        Assert.Contains("49 states have no accepting provider", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void alaska_hawaii_and_dc_are_drawn_inside_the_map_alaska_whole_in_its_inset()
    {
        var svg = XElement.Parse(CoverageMap.Svg(StateCoverage.From(Report())));

        foreach (var g in svg.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null))
        {
            var offset = Regex.Match((string?)g.Attribute("transform") ?? "translate(0 0)", @"translate\(([\d.]+) ([\d.]+)\)");
            var (dx, dy) = (double.Parse(offset.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture));
            var points = Point().Matches((string)g.Element(Svg + "path")!.Attribute("d")!)
                .Select(m => (X: dx + double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: dy + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
            Assert.NotEmpty(points);
            Assert.All(points, p => Assert.True(p.X is >= 0 and <= CoverageMap.Width && p.Y is >= 0 and <= CoverageMap.Height, $"{g.Attribute("data-state")} at {p}"));
        }
        // The Aleutians west of 180° are drawn beside the rest of Alaska, not off the left of the map.
        var alaska = Point().Matches((string)State(svg, "AK").Element(Svg + "path")!.Attribute("d")!).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(alaska.Max() - alaska.Min(), 100, 200);
    }

    [Theory]
    [InlineData(0, "No accepting provider"), InlineData(1, "1 to 4 accepting providers"), InlineData(4, "1 to 4 accepting providers")]
    [InlineData(5, "5 to 19"), InlineData(19, "5 to 19"), InlineData(20, "20 to 49"), InlineData(50, "50 or more"), InlineData(900, "50 or more")]
    public void the_shading_steps_are_said_in_words(int providers, string words) => Assert.Equal(words, CoverageMap.StepFor(providers).Words);

    [Fact]
    public void the_gaps_are_said_in_words()
    {
        var virginia = new Region("VA", "Virginia", "state");
        Assert.Equal("None", new StateCoverage(virginia, 2, 1, 0, []).Gaps());
        Assert.Equal("No accepting provider", new StateCoverage(virginia, 0, 0, 0, ["emdr"]).Gaps());
        Assert.Equal("No open pro bono slot; no provider for Eye Movement Desensitization and Reprocessing (EMDR) and Cognitive Processing Therapy (CPT)",
            new StateCoverage(virginia, 1, 0, 2, ["emdr", "cpt"]).Gaps());
        Assert.Equal("No provider for 4 of 28 specialties", new StateCoverage(virginia, 1, 1, 2, ["emdr", "cpt", "tf-cbt", "pcit"]).Gaps());
        Assert.Equal("Virginia: 2 accepting providers, 1 open pro bono slot, 0 open sliding-scale slots. No gaps.", new StateCoverage(virginia, 2, 1, 0, []).Summary());
    }

    [GeneratedRegex(@"[ML]([\d.]+),([\d.]+)")]
    private static partial Regex Point();
}
