using ReferralNetwork.Api.Pages.Maps;
using ReferralNetwork.Api.Pages.Search;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Tests.Pages.Search;

public sealed class MapViewTests
{
    private static readonly (double, double) Alexandria = (38.8183, -77.0820), Baltimore = (39.2847, -76.6205), Richmond = (37.5385, -77.4343);

    [Fact]
    public void the_view_holds_every_point_inside_its_margin_and_is_zoomed_to_them_not_the_country()
    {
        var view = MapView.Around([Alexandria, Baltimore, Richmond]);

        foreach (var (lat, lon) in new[] { Alexandria, Baltimore, Richmond })
        {
            var (x, y) = view.Project(lat, lon);
            Assert.InRange(x, view.Width * 0.05, view.Width * 0.95);
            Assert.InRange(y, view.Height * 0.05, view.Height * 0.95);
        }
        // Baltimore to Richmond is about 135 miles north to south: the view is a few hundred miles wide, not 2,800.
        Assert.InRange(view.WidthMiles, 150, 300);
    }

    [Fact]
    public void north_is_up_east_is_right_and_a_mile_is_as_long_east_as_north()
    {
        var view = MapView.Around([(40, -90), (41, -89)]);
        var (x0, y0) = view.Project(40, -90);
        var (x1, y1) = view.Project(41, -89);
        Assert.True(x1 > x0 && y1 < y0);

        // A degree of latitude is 69 miles; at 40.5° N a degree of longitude is cos(40.5°) × 69 miles.
        var perDegreeNorth = y0 - y1;
        var perDegreeEast = x1 - x0;
        Assert.Equal(Math.Cos(40.5 * Math.PI / 180), perDegreeEast / perDegreeNorth, 3);
        Assert.Equal(view.Width / view.Height, (view.East - view.West) * Math.Cos(40.5 * Math.PI / 180) / (view.North - view.South), 6);
    }

    [Fact]
    public void one_point_alone_is_centred_in_a_view_of_the_minimum_span()
    {
        var view = MapView.Around([Alexandria], minSpanMiles: 12);
        var (x, y) = view.Project(Alexandria.Item1, Alexandria.Item2);
        Assert.Equal(view.Width / 2, x, 6);
        Assert.Equal(view.Height / 2, y, 6);
        Assert.InRange(view.WidthMiles, 12, 12 * view.Width / view.Height + 0.01);
    }

    [Fact]
    public void a_map_needs_a_point() => Assert.Throws<ArgumentException>(() => MapView.Around([]));

    [Fact]
    public void the_state_outlines_are_the_50_states_dc_and_5_territories_and_virginia_surrounds_alexandria()
    {
        Assert.Equal(56, StateOutlines.All.Count);
        var virginia = StateOutlines.All.Single(s => s.Name == "Virginia");
        Assert.Equal("51", virginia.Fips);
        Assert.Contains(virginia.Rings, r => r.Contains(Alexandria.Item1, Alexandria.Item2));
        // Maryland's outline's box holds Alexandria, its outline does not.
        var maryland = StateOutlines.All.Single(s => s.Name == "Maryland");
        Assert.Contains(maryland.Rings, r => r.West < Alexandria.Item2 && Alexandria.Item2 < r.East && r.South < Alexandria.Item1 && Alexandria.Item1 < r.North);
        Assert.DoesNotContain(maryland.Rings, r => r.Contains(Alexandria.Item1, Alexandria.Item2));
        Assert.Contains(maryland.Rings, r => r.Contains(Baltimore.Item1, Baltimore.Item2));
        Assert.All(StateOutlines.All.SelectMany(s => s.Rings), r => Assert.True(r.Longitudes.Length >= 3 && r.Longitudes.Length == r.Latitudes.Length));
    }

    [Fact]
    public void the_svg_has_one_numbered_marker_per_provider_the_searched_zip_and_only_the_states_in_view()
    {
        ZipCentroids.Default.TryFind("22314", out var centre);
        MapMarker[] markers = [new(1, "A", 38.8183, -77.0820, 0), new(2, "B", 38.9, -77.0, 6.4)];

        var svg = ResultsMap.Svg(centre, markers, "Two <b>providers</b>");

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(svg, "class=\"marker\""));
        Assert.Contains("data-number=\"1\"", svg);
        Assert.Contains("data-number=\"2\"", svg);
        Assert.Contains("ZIP 22314", svg);
        Assert.Contains(">VA</text>", svg);
        Assert.Contains(">MD</text>", svg);
        Assert.Contains("role=\"img\"", svg);
        // A dozen miles around Alexandria: Virginia, Maryland and DC, not all 56 outlines.
        Assert.InRange(System.Text.RegularExpressions.Regex.Count(svg, "<path d=\"M"), 2, 6);
        Assert.Contains("<desc id=\"map-desc\">Two &lt;b&gt;providers&lt;/b&gt;</desc>", svg);
    }
}
