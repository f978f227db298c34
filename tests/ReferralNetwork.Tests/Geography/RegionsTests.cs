using ReferralNetwork.Geography;

namespace ReferralNetwork.Tests.Geography;

public class RegionsTests
{
    [Fact]
    public void there_are_fifty_states_and_one_district()
    {
        Assert.Equal(51, Regions.All.Count);
        Assert.Equal(50, Regions.All.Count(region => region.Kind == "state"));
        Assert.Equal(new Region("DC", "District of Columbia", "district"), Assert.Single(Regions.All, region => region.Kind == "district"));
    }

    [Fact]
    public void codes_are_unique_two_letter_upper_case()
    {
        Assert.Equal(51, Regions.All.Select(region => region.Code).Distinct().Count());
        Assert.All(Regions.All, region => Assert.Matches("^[A-Z]{2}$", region.Code));
        Assert.All(Regions.All, region => Assert.False(string.IsNullOrWhiteSpace(region.Name)));
    }

    [Theory]
    [InlineData("VA")]
    [InlineData("va")]
    [InlineData("Dc")]
    public void a_code_is_known_in_any_case(string code) => Assert.True(Regions.IsKnown(code));

    [Theory]
    [InlineData("PR")] // a territory: ZIPs exist, but it is not one of the 51 regions
    [InlineData("XX")]
    [InlineData("Virginia")]
    [InlineData("")]
    [InlineData(null)]
    public void other_codes_are_unknown(string? code)
    {
        Assert.False(Regions.IsKnown(code!));
        Assert.Null(Regions.Find(code!));
    }

    [Fact]
    public void find_returns_the_region_whatever_the_case() =>
        Assert.Equal(new Region("VA", "Virginia", "state"), Regions.Find("va"));
}
