using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Tests.Taxonomy;

public class LanguagesTests
{
    [Fact]
    public void all_iso_639_1_languages_are_listed_once_by_code()
    {
        Assert.Equal(183, Languages.All.Count);
        Assert.Equal(183, Languages.All.Select(language => language.Code).Distinct().Count());
        Assert.All(Languages.All, language => Assert.Matches("^[a-z]{2}$", language.Code));
        Assert.Equal(Languages.All.Select(language => language.Code).Order(StringComparer.Ordinal), Languages.All.Select(language => language.Code));
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("es", "Spanish")]
    [InlineData("zh", "Chinese")]
    [InlineData("vi", "Vietnamese")]
    [InlineData("ht", "Haitian")]
    [InlineData("so", "Somali")]
    public void languages_have_english_names(string code, string name)
    {
        Assert.True(Languages.IsKnown(code));
        Assert.Equal(new Language(code, name), Assert.Single(Languages.All, language => language.Code == code));
    }

    [Theory]
    [InlineData("ES")]
    [InlineData("spa")]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData(null)]
    public void anything_but_a_lower_case_iso_639_1_code_is_unknown(string? code) => Assert.False(Languages.IsKnown(code!));
}
