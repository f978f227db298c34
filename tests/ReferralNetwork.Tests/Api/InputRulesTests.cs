using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// What the edge refuses before any endpoint runs (docs/architecture.md, "Errors"): characters no text field accepts,
/// the nil GUID as an id, dates beyond the query range and bodies that do not say their type. Each is a 4xx
/// ProblemDetails naming the field, and nothing is written.
/// </summary>
public sealed class InputRulesTests(ApiFixture api)
{
    public static TheoryData<string, string> TextFields => new()
    {
        { "onboarding", "profile.name" }, { "onboarding", "profile.bio" }, { "onboarding", "profile.locations[0].city" },
        { "profile", "bio" }, { "fee-terms", "insuranceNotes" }, { "verify", "note" }, { "deactivate", "reason" },
        { "referral", "note" }, { "referral", "contact.guardianContact" }, { "decline", "note" }, { "erase", "reason" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task a_nul_in_any_text_field_is_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var (method, path, caller, valid) = await Write(body);
        var before = await api.SettledCountAsync();

        var response = await Send(method, path, caller, Mutate(valid, field, "\"Sam\\u0000Rivera\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([AcceptedText.ControlRule], (await response.Problem()).Errors(field));
        Assert.Empty(StoreRows.Changes(before, await api.CountAsync()));
    }

    [Theory]
    [InlineData("\"a\\u0001b\"", AcceptedText.ControlRule)]
    [InlineData("\"a\\u001Bb\"", AcceptedText.ControlRule)]
    [InlineData("\"a\\u001fb\"", AcceptedText.ControlRule)]
    [InlineData("\"a\\ud800b\"", AcceptedText.UnicodeRule)]
    [InlineData("\"a\\udc00\"", AcceptedText.UnicodeRule)]
    [InlineData("\"\\ude00\\ud83d\"", AcceptedText.UnicodeRule)]
    public async Task control_characters_and_lone_surrogates_are_refused(string json, string rule)
    {
        var response = await Send(HttpMethod.Post, "/api/providers", Caller.Admin, Mutate(Onboarding(), "profile.bio", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([rule], (await response.Problem()).Errors("profile.bio"));
    }

    [Theory]
    [InlineData("\"Works\\twith\\r\\nfamilies\"")]
    [InlineData("\"Works with families \\ud83d\\ude00\"")]
    public async Task tab_newlines_and_paired_surrogates_are_text(string json)
    {
        var response = await Send(HttpMethod.Post, "/api/providers", Caller.Admin, Mutate(Onboarding(), "profile.bio", json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task bytes_that_are_not_utf8_are_refused_by_field()
    {
        // A surrogate encoded as if it were a character (CESU-8): ED A0 80 is no UTF-8 sequence.
        var parts = Mutate(Onboarding(), "profile.name", "\"Sam##\"").Split("##");
        byte[] bytes = [.. Encoding.UTF8.GetBytes(parts[0]), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(parts[1])];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/providers") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await api.Anonymous.SendAsync(request.As(Caller.Admin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([AcceptedText.UnicodeRule], (await response.Problem()).Errors("profile.name"));
    }

    [Theory]
    [InlineData("/api/referrals?advocateId=%00abc", "advocateId")]
    [InlineData("/api/referrals?state=VA&advocateId=a%01", "advocateId")]
    [InlineData("/api/referrals/export?advocateId=%00", "advocateId")]
    [InlineData("/api/audit?userId=%00abc", "userId")]
    [InlineData("/api/providers?specialty=emdr%00", "specialty")]
    [InlineData("/api/specialties?kind=%1b", "kind")]
    public async Task a_control_character_in_a_query_value_is_400_naming_the_parameter(string url, string parameter)
    {
        var before = await api.CountAsync();

        var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([AcceptedText.ControlRule], (await response.Problem()).Errors(parameter));
        Assert.Empty(StoreRows.Changes(before, await api.CountAsync()));
    }

    [Theory]
    [InlineData("/api/referrals?to=9999-12-31", "to")]
    [InlineData("/api/referrals?from=0001-01-01", "from")]
    [InlineData("/api/referrals/export?to=9999-12-31", "to")]
    [InlineData("/api/audit?to=9999-12-31T23:59:59Z", "to")]
    [InlineData("/api/audit?from=0001-01-01", "from")]
    public async Task dates_beyond_the_query_range_are_400_naming_the_range(string url, string parameter)
    {
        var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([QueryDates.Rule], (await response.Problem()).Errors(parameter));
    }

    [Fact]
    public async Task the_ends_of_the_query_range_are_accepted()
    {
        foreach (var url in new[] { "/api/referrals?from=1900-01-01&to=2999-12-31", "/api/audit?from=1900-01-01&to=2999-12-31T23:59:59Z", "/api/referrals/export?to=2999-12-31" })
            Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync(url)).StatusCode);
    }

    // As a caller whose role may use the route, so that the answer is about the id (a provider who is not a party to a referral gets 404 too).
    public static TheoryData<string, string, string> IdRoutes => new()
    {
        { "PUT", "/api/providers/{0}/availability", "admin" }, { "PUT", "/api/providers/{0}/specialties", "admin" }, { "PUT", "/api/providers/{0}/profile", "admin" },
        { "PUT", "/api/providers/{0}/fee-terms", "admin" }, { "POST", "/api/providers/{0}/confirm-availability", "admin" }, { "POST", "/api/providers/{0}/verify", "admin" },
        { "POST", "/api/providers/{0}/deactivate", "admin" }, { "POST", "/api/providers/{0}/reactivate", "admin" }, { "GET", "/api/providers/{0}", "admin" },
        { "GET", "/api/providers/{0}/history", "admin" }, { "GET", "/api/referrals/{0}", "admin" }, { "GET", "/api/referrals/{0}/history", "admin" },
        { "POST", "/api/referrals/{0}/view", "provider" }, { "POST", "/api/referrals/{0}/accept", "provider" }, { "POST", "/api/referrals/{0}/decline", "provider" },
        { "POST", "/api/referrals/{0}/erase", "admin" }, { "PUT", "/api/providers/{0}/availability", "provider" },
    };

    [Theory]
    [MemberData(nameof(IdRoutes))]
    public async Task the_nil_guid_as_an_id_is_404(string method, string route, string role)
    {
        var before = await api.CountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Guid.Empty));
        if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", "*");

        var response = await api.Anonymous.SendAsync(request.As(role == "admin" ? Caller.Admin : Caller.Provider(Guid.Empty)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.Problem();
        Assert.Empty(StoreRows.Changes(before, await api.CountAsync()));
    }

    [Fact]
    public async Task a_json_body_without_a_content_type_is_415_and_nothing_is_written()
    {
        var before = await api.CountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/providers") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Onboarding())) };
        Assert.Null(request.Content.Headers.ContentType);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.Problem();
        Assert.Empty(StoreRows.Changes(before, await api.CountAsync()));
    }

    [Fact]
    public async Task actions_that_take_no_body_still_need_no_content_type()
    {
        var (provider, referral) = await api.Referred();
        using var view = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{referral}/view");
        using var confirm = new HttpRequestMessage(HttpMethod.Post, $"/api/providers/{provider}/confirm-availability");
        confirm.Headers.TryAddWithoutValidation("If-Match", "*");

        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.SendAsync(view.As(Caller.Provider(provider)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.SendAsync(confirm.As(Caller.Provider(provider)))).StatusCode);
    }

    private static string Onboarding() => JsonSerializer.Serialize(ProviderScenarios.Onboarding(), ProviderScenarios.Json);

    /// <summary>A valid body for a write, and where and as whom to send it (onboarding a provider or referring as needed).</summary>
    private async Task<(HttpMethod Method, string Path, Caller Caller, string Body)> Write(string body)
    {
        string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), ProviderScenarios.Json);
        var sample = ProviderScenarios.Onboarding();
        if (body == "onboarding") return (HttpMethod.Post, "/api/providers", Caller.Admin, Json(sample));
        var provider = await api.Onboarded(sample, verify: body != "verify");
        switch (body)
        {
            case "profile": return (HttpMethod.Put, $"/api/providers/{provider.Id}/profile", Caller.Admin, Json(sample.Profile));
            case "fee-terms": return (HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms", Caller.Admin, Json(sample.FeeTerms));
            case "verify": return (HttpMethod.Post, $"/api/providers/{provider.Id}/verify", Caller.Admin, Json(new VerifyProvider("checked")));
            case "deactivate": return (HttpMethod.Post, $"/api/providers/{provider.Id}/deactivate", Caller.Admin, Json(new DeactivateProvider("retired")));
            case "referral": return (HttpMethod.Post, "/api/referrals", Caller.Advocate(), Json(ReferralScenarios.Request(provider.Id)));
        }
        var referred = await api.Refer(ReferralScenarios.Request(provider.Id));
        var referral = Guid.Parse(referred.Headers.Location!.ToString()[^36..]);
        return body == "decline"
            ? (HttpMethod.Post, $"/api/referrals/{referral}/decline", Caller.Provider(provider.Id), Json(new DeclineReferral(DeclineReason.Other, "no room")))
            : (HttpMethod.Post, $"/api/referrals/{referral}/erase", Caller.Admin, Json(new EraseReferral("Erasure request ER-1")));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, Caller caller, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await api.Anonymous.SendAsync(request.As(caller));
    }

    /// <summary>The body with the field at <paramref name="field"/> (e.g. profile.locations[0].city) set to raw JSON text.</summary>
    private static string Mutate(string body, string field, string rawJson)
    {
        const string Marker = "\"##replaced##\"";
        var root = JsonNode.Parse(body)!;
        var keys = field.Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        var parent = keys[..^1].Aggregate(root, (node, key) => node is JsonArray a ? a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)]! : node[key]!);
        if (parent is JsonArray array) array[int.Parse(keys[^1], System.Globalization.CultureInfo.InvariantCulture)] = "##replaced##";
        else parent[keys[^1]] = "##replaced##";
        return root.ToJsonString().Replace(Marker, rawJson, StringComparison.Ordinal);
    }
}
