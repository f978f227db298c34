using ReferralNetwork.Geography;

namespace ReferralNetwork.Tests.Geography;

public class GreatCircleTests
{
    [Fact]
    public void alexandria_22314_to_washington_20001_is_about_seven_and_a_half_miles()
    {
        Assert.True(ZipCentroids.Default.TryFind("22314", out var alexandria));
        Assert.True(ZipCentroids.Default.TryFind("20001", out var washington));

        // By hand: Δlat 0.1062° and Δlon 0.0352° at a mean latitude of 38.8591°, with 69.0934 miles per degree
        // (π × 3958.7613 / 180), give 7.3377 miles north and 1.8938 miles east: √(7.3377² + 1.8938²) = 7.5782.
        // At this scale the flat and spherical answers agree to 1e-6 miles.
        var miles = GreatCircle.DistanceMiles(alexandria.Latitude, alexandria.Longitude, washington.Latitude, washington.Longitude);

        Assert.Equal(7.5782, miles, precision: 4);
    }

    [Fact]
    public void a_quarter_and_a_half_of_the_equator_are_a_quarter_and_a_half_of_the_circumference()
    {
        Assert.Equal(Math.PI / 2 * 3958.7613, GreatCircle.DistanceMiles(0, 0, 0, 90), precision: 6);
        Assert.Equal(Math.PI * 3958.7613, GreatCircle.DistanceMiles(0, 0, 0, 180), precision: 6);
        Assert.Equal(Math.PI / 2 * 3958.7613, GreatCircle.DistanceMiles(0, 0, 90, 0), precision: 6);
    }

    [Fact]
    public void distance_is_zero_to_itself_and_the_same_both_ways()
    {
        Assert.Equal(0, GreatCircle.DistanceMiles(38.806, -77.0529, 38.806, -77.0529));
        Assert.Equal(GreatCircle.DistanceMiles(61.2, -149.9, 21.3, -157.9), GreatCircle.DistanceMiles(21.3, -157.9, 61.2, -149.9), precision: 9);
    }

    [Fact]
    public void distance_across_the_antimeridian_takes_the_short_way() =>
        Assert.Equal(2 * Math.PI * 3958.7613 / 360, GreatCircle.DistanceMiles(0, 179.5, 0, -179.5), precision: 6);

    [Theory]
    [InlineData(38.806, -77.0529, 25)]   // Alexandria, VA
    [InlineData(61.2181, -149.9003, 100)] // Anchorage, AK
    [InlineData(21.3069, -157.8583, 5)]  // Honolulu, HI
    [InlineData(18.16, -66.72, 60)]      // Adjuntas, PR
    [InlineData(48.9, -95.1, 500)]
    [InlineData(-33.9, 151.2, 1)]
    public void the_bounding_box_contains_every_point_at_the_radius(double lat, double lon, double radiusMiles)
    {
        var box = GreatCircle.BoundingBox(lat, lon, radiusMiles);

        for (var bearing = 0; bearing < 360; bearing += 5)
        {
            var (pointLat, pointLon) = Destination(lat, lon, bearing, radiusMiles);
            Assert.Equal(radiusMiles, GreatCircle.DistanceMiles(lat, lon, pointLat, pointLon), precision: 6);
            Assert.InRange(pointLat, box.MinLat, box.MaxLat);
            Assert.InRange(pointLon, box.MinLon, box.MaxLon);
        }
    }

    [Fact]
    public void the_bounding_box_is_no_taller_than_the_circle()
    {
        var (minLat, maxLat, minLon, maxLon) = GreatCircle.BoundingBox(38.806, -77.0529, 25);

        Assert.Equal(25 / 69.0934, maxLat - 38.806, precision: 4);
        Assert.Equal(25 / 69.0934, 38.806 - minLat, precision: 4);
        Assert.True(maxLon - minLon < 1, "a 25-mile circle is far narrower than a degree of longitude either side");
    }

    [Theory]
    [InlineData(51.874, -176.634, 300)] // Adak, AK: the circle crosses ±180°
    [InlineData(89.9, 10, 50)]          // the circle contains the North Pole
    public void a_circle_across_the_antimeridian_or_around_a_pole_gets_every_longitude(double lat, double lon, double radiusMiles)
    {
        var box = GreatCircle.BoundingBox(lat, lon, radiusMiles);

        Assert.Equal((-180.0, 180.0), (box.MinLon, box.MaxLon));
        Assert.True(box.MinLat < lat && lat < box.MaxLat && box.MaxLat <= 90, box.ToString());
    }

    [Theory]
    [InlineData(91, 0, 10)]
    [InlineData(0, -181, 10)]
    [InlineData(0, 0, -1)]
    [InlineData(double.NaN, 0, 10)]
    public void the_bounding_box_rejects_impossible_input(double lat, double lon, double radiusMiles) =>
        Assert.ThrowsAny<ArgumentException>(() => GreatCircle.BoundingBox(lat, lon, radiusMiles));

    // The point reached by travelling a distance along an initial bearing (the direct geodesic problem on a sphere).
    private static (double Lat, double Lon) Destination(double lat, double lon, double bearingDegrees, double miles)
    {
        double Rad(double degrees) => degrees * Math.PI / 180;
        var (φ1, λ1, θ, δ) = (Rad(lat), Rad(lon), Rad(bearingDegrees), miles / 3958.7613);
        var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(δ) + Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ));
        var λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - Math.Sin(φ1) * Math.Sin(φ2));
        return (φ2 * 180 / Math.PI, (λ2 * 180 / Math.PI + 540) % 360 - 180);
    }
}
