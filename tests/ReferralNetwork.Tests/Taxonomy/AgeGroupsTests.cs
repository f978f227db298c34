using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Tests.Taxonomy;

public class AgeGroupsTests
{
    [Fact]
    public void age_groups_run_from_early_childhood_to_adults_then_caregivers() =>
        Assert.Equal(
            ["early-childhood", "child", "adolescent", "young-adult", "adult", "caregivers"],
            AgeGroups.All.Select(group => group.Code));

    [Fact]
    public void each_age_group_says_its_ages() =>
        Assert.Equal(
            ["Early childhood (0-5)", "Child (6-12)", "Adolescent (13-17)", "Young adult (18-24)", "Adult (25+)", "Parents and caregivers"],
            AgeGroups.All.Select(group => group.Label));

    [Theory]
    [InlineData("child", true)]
    [InlineData("caregivers", true)]
    [InlineData("Child", false)]
    [InlineData("teen", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void only_the_listed_codes_are_known(string? code, bool known) => Assert.Equal(known, AgeGroups.IsKnown(code!));
}
