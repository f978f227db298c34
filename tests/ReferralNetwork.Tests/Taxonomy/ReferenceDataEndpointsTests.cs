using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Taxonomy;
using Wolverine.Http;

namespace ReferralNetwork.Tests.Taxonomy;

public class ReferenceDataEndpointsTests
{
    [Fact]
    public void specialties_come_with_the_taxonomy_version()
    {
        var list = GetSpecialtiesEndpoint.Get(kind: null);

        Assert.Equal(TraumaSpecialties.Version, list.Version);
        Assert.Equal(TraumaSpecialties.All, list.Items);
    }

    [Theory]
    [InlineData("treatment", 20)]
    [InlineData("population", 8)]
    public void specialties_can_be_narrowed_to_one_kind(string kind, int count)
    {
        var list = GetSpecialtiesEndpoint.Get(kind);

        Assert.Equal(count, list.Items.Count);
        Assert.All(list.Items, s => Assert.Equal(kind, s.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("treatment")]
    [InlineData("population")]
    public void a_missing_or_known_kind_passes_validation(string? kind) =>
        Assert.Same(WolverineContinue.NoProblems, GetSpecialtiesEndpoint.Validate(kind));

    [Theory]
    [InlineData("method")]
    [InlineData("Treatment")]
    public void an_unknown_kind_is_a_validation_problem_naming_the_field(string kind)
    {
        var problem = Assert.IsType<ValidationProblemDetails>(GetSpecialtiesEndpoint.Validate(kind));

        Assert.Equal(400, problem.Status);
        Assert.Contains(kind, Assert.Single(problem.Errors["kind"]));
    }

    [Fact]
    public void the_other_lists_are_the_reference_data_itself()
    {
        Assert.Equal(51, GetRegionsEndpoint.Get().Count);
        Assert.Equal(183, GetLanguagesEndpoint.Get().Count);
        Assert.Equal(6, GetAgeGroupsEndpoint.Get().Count);
    }
}
