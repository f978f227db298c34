using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Tests.Taxonomy;

public class TraumaSpecialtiesTests
{
    // The codes DESIGN.md lists. Codes are never reused, so changing this list means a new taxonomy version.
    private static readonly string[] Treatments =
    [
        "tf-cbt", "cpp", "pcit", "af-cbt", "arc", "abc", "cftsi", "cpc-cbt", "itct", "smart",
        "rrft", "sparcs", "target", "tgcta", "emdr", "cpt", "pe", "seeking-safety", "spr", "pfa",
    ];

    private static readonly string[] Populations =
    [
        "csam-survivors", "cse-trafficking", "missing-ongoing", "reunification",
        "siblings", "caregivers", "traumatic-grief", "dv-exposed",
    ];

    [Fact]
    public void the_taxonomy_has_the_twenty_treatments_then_the_eight_populations_of_the_design() =>
        Assert.Equal(
            [.. Treatments.Select(code => (code, "treatment")), .. Populations.Select(code => (code, "population"))],
            TraumaSpecialties.All.Select(s => (s.Code, s.Kind)));

    [Fact]
    public void codes_are_unique_lower_case_kebab()
    {
        Assert.Equal(28, TraumaSpecialties.All.Select(s => s.Code).Distinct().Count());
        Assert.All(TraumaSpecialties.All, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Code));
    }

    [Fact]
    public void every_source_is_an_https_url() =>
        Assert.All(TraumaSpecialties.All, s =>
            Assert.True(Uri.TryCreate(s.Source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.'), s.Code));

    [Fact]
    public void every_specialty_has_a_label_and_a_sentence_or_two_of_description() =>
        Assert.All(TraumaSpecialties.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Label), s.Code);
            Assert.EndsWith(".", s.Description);
            Assert.InRange(s.Description.Length, 40, 400);
        });

    [Fact]
    public void ages_are_given_only_where_the_design_gives_them() =>
        Assert.Equal(
            [("tf-cbt", "3-21"), ("cpp", "0-6")],
            TraumaSpecialties.All.Where(s => s.Ages is not null).Select(s => (s.Code, s.Ages!)));

    [Fact]
    public void the_version_is_a_date() =>
        Assert.True(DateOnly.TryParseExact(TraumaSpecialties.Version, "yyyy-MM-dd", out _), TraumaSpecialties.Version);

    [Theory]
    [InlineData("tf-cbt")]
    [InlineData("seeking-safety")]
    [InlineData("csam-survivors")]
    public void a_current_code_is_known(string code) => Assert.True(TraumaSpecialties.IsKnown(code));

    [Theory]
    [InlineData("TF-CBT")]
    [InlineData("play-therapy")]
    [InlineData("")]
    [InlineData(null)]
    public void anything_else_is_unknown(string? code) => Assert.False(TraumaSpecialties.IsKnown(code!));
}
