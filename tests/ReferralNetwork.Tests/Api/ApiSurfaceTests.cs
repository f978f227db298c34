using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

public sealed class ApiSurfaceTests(ApiFixture api)
{
    [Fact]
    public async Task the_openapi_document_describes_every_route_with_its_error_responses()
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        string[] expected =
        [
            "/api/providers", "/api/providers/{providerId}", "/api/providers/{providerId}/specialties",
            "/api/providers/{providerId}/fee-terms", "/api/providers/{providerId}/availability", "/api/providers/{providerId}/profile",
            "/api/providers/{providerId}/confirm-availability", "/api/providers/{providerId}/verify",
            "/api/providers/{providerId}/deactivate", "/api/providers/{providerId}/reactivate",
            "/api/specialties", "/api/regions", "/api/languages", "/api/age-groups",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        var search = paths.GetProperty("/api/providers").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Superset(new HashSet<string?> { "state", "near", "radiusMiles", "telehealth", "specialty", "ageGroup", "language", "fee", "maxFee", "accepting", "page", "pageSize" }, parameters.ToHashSet());
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
        var put = paths.GetProperty("/api/providers/{providerId}/specialties").GetProperty("put").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "409", "412", "428" })
            Assert.True(put.TryGetProperty(status, out _), $"PUT specialties does not document {status}");
    }

    [Fact]
    public async Task the_interactive_reference_is_served()
    {
        var response = await api.Anonymous.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_endpoints_answer_healthy(string path)
    {
        var response = await api.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task reference_data_lists_the_taxonomy_and_regions()
    {
        var specialties = await api.Client.GetFromJsonAsync<JsonElement>("/api/specialties");
        var regions = await api.Client.GetFromJsonAsync<JsonElement>("/api/regions");

        Assert.Equal(28, specialties.GetProperty("items").GetArrayLength());
        Assert.Equal(51, regions.GetArrayLength());
    }
}
