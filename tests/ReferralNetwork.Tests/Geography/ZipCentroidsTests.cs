using System.IO.Compression;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Tests.Geography;

public class ZipCentroidsTests
{
    private const string Header = "zip,state,city,latitude,longitude\n";
    private static readonly ZipCentroids Zips = ZipCentroids.Default;

    [Fact]
    public void the_embedded_data_holds_every_zip_in_the_states_dc_and_puerto_rico() =>
        Assert.Equal(41_864, Zips.Count);

    [Fact]
    public void the_data_is_loaded_once() => Assert.Same(ZipCentroids.Default, ZipCentroids.Default);

    [Theory]
    [InlineData("22314", "VA", "Alexandria", 38.806, -77.0529)]
    [InlineData("20001", "DC", "Washington", 38.9122, -77.0177)]
    [InlineData("00601", "PR", "Adjuntas", 18.16, -66.72)]
    [InlineData("99546", "AK", "Adak", 51.874, -176.634)]
    [InlineData("10200", "NY", "New York", 40.77, -73.95)] // the source's 73.95 E is a sign error, corrected by the converter
    public void finds_a_zip_with_its_state_city_and_centroid(string zip, string state, string city, double lat, double lon)
    {
        Assert.True(Zips.TryFind(zip, out var centroid));
        Assert.Equal(new ZipCentroid(zip, state, city, lat, lon), centroid);
    }

    [Theory]
    [InlineData(" 22314 ")]
    [InlineData("22314-1234")]
    public void a_padded_zip_or_a_zip_plus_four_finds_the_five_digit_zip(string input)
    {
        Assert.True(Zips.TryFind(input, out var centroid));
        Assert.Equal("22314", centroid.Zip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2231")]
    [InlineData("223145")]
    [InlineData("2231A")]
    [InlineData("22314-12")]
    [InlineData("00000")]
    [InlineData("09001")] // an APO/FPO (military) ZIP: not a place a family can be referred from
    [InlineData("96898")] // Wake Island, filed under HI in the source but not part of Hawaii
    [InlineData(null)]
    public void an_unknown_or_malformed_zip_is_not_found(string? input) => Assert.False(Zips.TryFind(input!, out _));

    [Fact]
    public void every_zip_lies_in_a_known_region_or_puerto_rico_within_us_bounds()
    {
        Assert.All(Zips.All, centroid =>
        {
            Assert.True(Regions.IsKnown(centroid.State) || centroid.State == "PR", centroid.ToString());
            Assert.InRange(centroid.Latitude, 17.5, 71.5);
            Assert.InRange(centroid.Longitude, -180, -64);
        });
        Assert.Equal(52, Zips.All.Select(centroid => centroid.State).Distinct().Count());
    }

    [Fact]
    public void all_lists_every_zip_once_in_order_and_each_is_found_again()
    {
        var all = Zips.All.ToList();

        Assert.Equal(Zips.Count, all.Count);
        Assert.Equal(all.Select(c => c.Zip).Order(StringComparer.Ordinal).Distinct(), all.Select(c => c.Zip));
        Assert.All(all, centroid => Assert.True(Zips.TryFind(centroid.Zip, out var found) && found == centroid, centroid.Zip));
    }

    [Theory]
    [InlineData("zip,lat,lon\n22314,38.806,-77.0529\n")]
    [InlineData(Header + "22314,VA,Alexandria,38.806\n")]
    [InlineData(Header + "22314,VA,Alexandria,north,-77.0529\n")]
    [InlineData(Header + "22314,VA,Alexandria,98.806,-77.0529\n")]
    [InlineData(Header + "2231,VA,Alexandria,38.806,-77.0529\n")]
    [InlineData(Header + "22314,VA,Alexandria,38.806,-77.0529\n20001,DC,Washington,38.9122,-77.0177\n")]
    public void loading_rejects_a_wrong_header_or_malformed_or_unsorted_rows(string csv) =>
        Assert.Throws<InvalidDataException>(() => ZipCentroids.Load(Gzip(csv)));

    [Fact]
    public void loading_shares_state_and_city_names_between_rows()
    {
        var zips = ZipCentroids.Load(Gzip(Header + "00501,NY,Holtsville,40.8154,-73.0451\n00544,NY,Holtsville,40.8154,-73.0451\n"));

        Assert.Equal(2, zips.Count);
        Assert.Same(zips.All.First().City, zips.All.Last().City);
    }

    private static MemoryStream Gzip(string csv)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(csv));
        stream.Position = 0;
        return stream;
    }
}
