using System.Net;
using System.Text;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>Every bad input is a 4xx RFC 9457 answer naming the field and the rule, and writes nothing.</summary>
public sealed class BadInputTests(ApiFixture api)
{
    private async Task<HttpResponseMessage> PostRaw(string json, string path = "/api/providers") =>
        await api.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<long> ProviderCount()
    {
        var results = await api.Search("verified=any&pageSize=1");
        return results.Total;
    }

    [Fact]
    public async Task malformed_json_is_400_and_writes_nothing()
    {
        var before = await ProviderCount();

        var response = await PostRaw("{\"profile\": {\"name\": \"Sam\", ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Problem();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await ProviderCount());
    }

    [Fact]
    public async Task a_wrong_type_names_the_field()
    {
        var response = await PostRaw("""{"specialties": ["emdr"], "feeTerms": {"proBono": {"offered": "yes"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Problem();
        // Wolverine reads the body and names the JSON path of the first value it cannot read.
        Assert.Contains("$.feeTerms.proBono.offered", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task an_empty_body_lists_every_required_field()
    {
        var response = await PostRaw("{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Problem();
        foreach (var field in new[] { "profile", "specialties", "feeTerms", "availability" })
            Assert.NotEmpty(problem.Errors(field));
    }

    [Fact]
    public async Task an_empty_profile_lists_every_required_profile_field()
    {
        var response = await PostRaw("""{"profile": {}, "specialties": ["emdr"]}""");

        var problem = await response.Problem();
        foreach (var field in new[] { "profile.name", "profile.credentials", "profile.licences", "profile.languages", "profile.ageGroups", "profile.contact", "profile.locations" })
            Assert.NotEmpty(problem.Errors(field));
    }

    [Fact]
    public async Task an_unknown_specialty_says_where_the_valid_codes_are()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["tf-cbt", "hypnosis"]), provider.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rule = Assert.Single((await response.Problem()).Errors("specialties[1]"));
        Assert.Contains("GET /api/specialties", rule);
        Assert.Equal(4, (await api.Listing(provider.Id)).Version);
    }

    [Fact]
    public async Task an_unknown_practice_zip_is_named()
    {
        var sample = ProviderScenarios.Onboarding();
        var command = sample with { Profile = sample.Profile with { Locations = [new PracticeAddress(null, "1 Main St", "Nowhere", "VA", "00000")] } };

        var response = await api.Send(HttpMethod.Post, "/api/providers", command, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'00000' is not a known US ZIP code", (await response.Problem()).Errors("profile.locations[0].zip"));
    }

    [Fact]
    public async Task min_fee_above_max_fee_is_rejected_and_nothing_changes()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms",
            new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 100, 50, true), null), provider.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must not be more than maxFeeUsd", (await response.Problem()).Errors("slidingScale.minFeeUsd"));
        Assert.Equal(20m, (await api.Listing(provider.Id)).SlidingScaleMinFeeUsd);
    }

    [Theory]
    [InlineData("near=99999", "near", "not a known 5-digit US ZIP code")]
    [InlineData("near=abc", "near", "not a known 5-digit US ZIP code")]
    [InlineData("near=22314&radiusMiles=-5", "radiusMiles", "more than 0")]
    [InlineData("near=22314&radiusMiles=0", "radiusMiles", "more than 0")]
    [InlineData("near=22314&radiusMiles=5000", "radiusMiles", "at most 300")]
    [InlineData("radiusMiles=10", "radiusMiles", "needs 'near'")]
    [InlineData("pageSize=101", "pageSize", "between 1 and 100")]
    [InlineData("pageSize=0", "pageSize", "between 1 and 100")]
    [InlineData("page=0", "page", "between 1 and 1000")]
    [InlineData("specialty=hypnosis", "specialty", "GET /api/specialties")]
    [InlineData("state=XX", "state", "GET /api/regions")]
    [InlineData("language=klingon", "language", "ISO 639-1")]
    [InlineData("ageGroup=toddlers", "ageGroup", "GET /api/age-groups")]
    [InlineData("fee=cheap", "fee", "pro-bono or sliding-scale")]
    [InlineData("maxFee=-1", "maxFee", "between 0 and 10000")]
    [InlineData("fee=pro-bono&maxFee=20", "maxFee", "does not apply")]
    [InlineData("verified=perhaps", "verified", "true, false or any")]
    public async Task bad_search_parameters_are_named(string query, string field, string rule)
    {
        var response = await api.Client.GetAsync($"/api/providers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(rule, string.Join(" | ", (await response.Problem()).Errors(field)));
    }

    [Theory]
    [InlineData("near=22314&radiusMiles=ten", "radiusMiles")]
    [InlineData("page=two", "page")]
    [InlineData("accepting=maybe", "accepting")]
    [InlineData("telehealth=1", "telehealth")]
    public async Task unparseable_search_values_are_named(string query, string parameter)
    {
        var response = await api.Client.GetAsync($"/api/providers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Problem();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains("cannot be parsed", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("PUT", "/specialties")]
    [InlineData("PUT", "/fee-terms")]
    [InlineData("PUT", "/availability")]
    [InlineData("PUT", "/profile")]
    [InlineData("POST", "/verify")]
    [InlineData("POST", "/deactivate")]
    [InlineData("POST", "/reactivate")]
    public async Task a_json_null_body_is_400_not_500(string method, string action)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        using var request = new HttpRequestMessage(new HttpMethod(method), action.Length == 0 ? "/api/providers" : $"/api/providers/{provider.Id}{action}")
        {
            Content = new StringContent("null", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", provider.ETag);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors("body"));
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", HttpStatusCode.BadRequest)]
    public async Task the_wrong_media_type_or_a_json_array_is_a_problem_not_a_500(string contentType, HttpStatusCode expected)
    {
        var response = await api.Client.PostAsync("/api/providers", new StringContent("[]", Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        await response.Problem();
    }

    [Fact]
    public async Task an_unknown_enum_value_is_400()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/providers/{provider.Id}/availability")
        {
            Content = new StringContent("""{"status": "sleeping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", provider.ETag);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.status", (await response.Problem()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task hostile_search_values_get_a_page_or_a_problem_never_a_500()
    {
        string[] parameters = ["state", "near", "radiusMiles", "telehealth", "specialty", "ageGroup", "language", "fee", "maxFee", "accepting", "verified", "page", "pageSize"];
        string[] values = ["", "'; DROP TABLE mt_doc_providerlisting; --", "%00", "1e309", "-0", "NaN", "Infinity", "99999999999999999999", "２２３１４", "\u0000", new string('9', 2000), "va", "22314-1234"];
        var failures = new List<string>();

        foreach (var parameter in parameters)
            foreach (var value in values)
            {
                var response = await api.Client.GetAsync($"/api/providers?{parameter}={Uri.EscapeDataString(value)}&{parameter}={Uri.EscapeDataString(value)}");
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && !problem))
                    failures.Add($"{parameter}={value[..Math.Min(value.Length, 20)]} → {(int)response.StatusCode}");
            }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task an_oversized_body_is_413()
    {
        // Its own client: Kestrel closes the connection of a refused body, which must not be one the other tests reuse.
        using var client = api.NewClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/providers")
        {
            Content = new StringContent($"{{\"profile\": {{\"name\": \"{new string('x', 100_000)}\"}}}}", Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request.As(Caller.Admin));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.Problem();
    }

    [Fact]
    public async Task a_malformed_provider_id_is_not_a_500()
    {
        var get = await api.Client.GetAsync("/api/providers/not-a-guid");
        var put = await api.Send(HttpMethod.Put, "/api/providers/not-a-guid/specialties", new ChangeSpecialties(["emdr"]), "\"1\"");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task markup_in_text_fields_is_stored_as_text_and_returned_as_json_string()
    {
        var sample = ProviderScenarios.Onboarding();
        var command = sample with { Profile = sample.Profile with { Bio = "<script>alert('x')</script>" } };

        var provider = await api.Onboarded(command, verify: false);

        Assert.Equal("<script>alert('x')</script>", (await api.Listing(provider.Id)).Bio);
    }
}
