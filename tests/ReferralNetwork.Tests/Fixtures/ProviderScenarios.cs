using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReferralNetwork.Api;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>Builders and calls that drive the real API the way a client would.</summary>
public static class ProviderScenarios
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A valid onboarding in Alexandria, VA (ZIP 22314), licensed in VA and DC.</summary>
    public static OnboardProvider Onboarding(string name = "Jordan Rivera", string zip = "22314", string state = "VA") => new(
        Profile: new UpdateProfile(
        Name: name,
        Credentials: ["LCSW"],
        Npi: "1234567893",
        Licences: [new Licence("LCSW", state, "0904-012345", Today.AddYears(2)), new Licence("LICSW", "DC", "LC-5001", Today.AddYears(1))],
        Locations: [new PracticeAddress("Old Town office", "100 King St", "Alexandria", state, zip)],
        TelehealthStates: [state],
        Languages: ["en", "es"],
        AgeGroups: ["child", "adolescent"],
        Contact: new ProviderContact("jordan.rivera@example.org", "+1 555 0100"),
        Bio: "Works with families of missing children."),
        Specialties: ["tf-cbt", "cse-trafficking"],
        FeeTerms: new ChangeFeeTerms(new ProBonoTerms(true, 12), new SlidingScaleTerms(true, 20, 80, true), "Medicaid accepted"),
        Availability: new ChangeAvailability(AcceptingStatus.Accepting, 2, 3, 2));

    public sealed record Written(Guid Id, string ETag);

    /// <summary>Onboards through POST /api/providers and, unless told otherwise, verifies (search shows verified providers).</summary>
    public static async Task<Written> Onboarded(this ApiFixture api, OnboardProvider command, bool verify = true)
    {
        var response = await api.Client.PostAsJsonAsync("/api/providers", command, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<StreamCreatedBody>(Json);
        var written = new Written(created!.Id, response.Headers.ETag!.Tag);
        if (!verify) return written;
        var verified = await api.Send(HttpMethod.Post, $"/api/providers/{written.Id}/verify", new VerifyProvider("checked"), written.ETag);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return written with { ETag = verified.Headers.ETag!.Tag };
    }

    public static async Task<HttpResponseMessage> Send(this ApiFixture api, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await api.Client.SendAsync(request);
    }

    public static async Task<ProviderListing> Listing(this ApiFixture api, Guid id)
    {
        var listing = await api.Client.GetFromJsonAsync<ProviderListing>($"/api/providers/{id}", Json);
        return listing!;
    }

    public static async Task<ProviderSearchResults> Search(this ApiFixture api, string query)
    {
        var response = await api.Client.GetAsync($"/api/providers?{query}");
        Assert.True(response.IsSuccessStatusCode, $"GET /api/providers?{query} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ProviderSearchResults>(Json))!;
    }

    /// <summary>The RFC 9457 body of an error response, as JSON.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The rules a validation problem lists for one field.</summary>
    public static string[] Errors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var rules)
            ? rules.EnumerateArray().Select(r => r.GetString()!).ToArray()
            : [];

    private sealed record StreamCreatedBody(Guid Id, long Version, string Location);

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Configure(json);
        return json;
    }
}
