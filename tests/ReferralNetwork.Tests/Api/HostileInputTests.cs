using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Access;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// Every API route the app maps, found in its own endpoint data source (a new route is covered without editing this),
/// gets hostile values in each route parameter, each query parameter and each JSON body field its OpenAPI document
/// names: control characters, lone surrogates, extreme numbers, far dates, the nil GUID, 10,000 characters. No answer
/// is a 5xx, every refusal is RFC 9457, and a refused request leaves the store as it was.
/// </summary>
public sealed class HostileInputTests(ApiFixture api, ITestOutputHelper output)
{
    private const string NilGuid = "00000000-0000-0000-0000-000000000000";

    // Escaped for a URL. Kestrel refuses request lines over 8 KB itself, so the long value in a URL is 2,000 characters.
    private static readonly (string Label, string Escaped, bool Refused)[] UrlValues =
    [
        ("NUL", "%00abc", true), ("escape", "a%1B%5B31mb", true), ("lone surrogate as bytes", "%ED%A0%80", false), ("nil GUID", NilGuid, false),
        ("huge number", "99999999999999999999", false), ("below int", "-2147483649", false), ("1e309", "1e309", false),
        ("far future", "9999-12-31", false), ("far past", "0001-01-01", false), ("2,000 characters", new string('x', 2000), false),
        ("empty", "", false), ("quote", "%27%20or%201%3D1%20--", false),
    ];

    // Raw JSON text for a body field, whatever its type.
    private static readonly (string Label, string Json, bool Refused)[] BodyValues =
    [
        ("NUL", "\"\\u0000\"", true), ("NUL inside", "\"Sam\\u0000Rivera\"", true), ("escape", "\"\\u001b[31m\"", true), ("lone surrogate", "\"a\\ud800\"", true),
        ("nil GUID", $"\"{NilGuid}\"", false), ("far future", "\"9999-12-31\"", false), ("far past", "\"0001-01-01\"", false),
        ("1e308", "1e308", false), ("-1e308", "-1e308", false), ("huge integer", "99999999999999999999999", false),
        ("below long", "-9223372036854775809", false), ("10,000 characters", $"\"{new string('x', 10_000)}\"", false),
    ];

    private readonly Dictionary<Caller, string> _tokens = [];
    private readonly List<string> _failures = [];
    private readonly Dictionary<int, int> _statuses = [];
    private Guid _provider, _referralProvider, _referral;
    private Dictionary<string, long> _rows = [];

    [Fact]
    public async Task no_route_parameter_query_value_or_body_field_gets_a_5xx_and_refusals_write_nothing()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!;
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.True(routes.Count >= 30, $"only {routes.Count} API routes were found");
        await NewProvider();
        await NewReferral();
        _rows = await api.SettledCountAsync();
        var sent = 0;

        foreach (var (method, endpoint) in routes)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var operation = document["paths"]?[route]?[method.ToLowerInvariant()];
            var caller = CallerFor(endpoint);
            var body = operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Body(schema, document) : null;

            foreach (var parameter in endpoint.RoutePattern.Parameters)
                foreach (var (label, value, refused) in UrlValues)
                {
                    sent++;
                    await Check(method, Url(route, parameter.Name, value), caller, body?.ToJsonString(), $"{parameter.Name}={label}", refused || value == NilGuid);
                }

            foreach (var query in operation?["parameters"]?.AsArray().Where(p => p?["in"]?.GetValue<string>() == "query") ?? [])
                foreach (var (label, value, refused) in UrlValues)
                {
                    sent++;
                    await Check(method, $"{Url(route)}?{query!["name"]!.GetValue<string>()}={value}", caller, body?.ToJsonString(), $"?{query["name"]}={label}", refused);
                }

            foreach (var field in Leaves(body))
                foreach (var (label, json, refused) in BodyValues)
                {
                    sent++;
                    await Check(method, Url(route), caller, Mutated(body!, field, json), $"{string.Join('.', field)}={label}", refused);
                }
        }

        output.WriteLine($"{sent} hostile requests to {routes.Count} routes; answers: {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var failure in _failures) output.WriteLine(failure);
        Assert.True(sent > 1000, $"only {sent} hostile requests were sent");
        Assert.Empty(_failures);
    }

    private async Task Check(string method, string url, Caller caller, string? body, string what, bool mustBeRefused)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TryGetValue(caller, out var token) ? token : _tokens[caller] = caller.Token);
        using var response = await api.Anonymous.SendAsync(request);
        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var name = $"{method} {url[..Math.Min(url.Length, 90)]} {what} → {status}";
        try
        {
            await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            _failures.Add($"{name}: the response was cut");
        }
        // Kestrel itself refuses a NUL in the path (400, no body) before the app sees the request: nothing to answer there.
        var refusedByKestrel = status == 400 && url.Split('?')[0].Contains("%00", StringComparison.Ordinal) && response.Content.Headers.ContentLength == 0;
        if (status >= 500) _failures.Add(name);
        else if (status >= 400 && !refusedByKestrel && response.Content.Headers.ContentType?.MediaType != "application/problem+json") _failures.Add($"{name} without ProblemDetails");
        else if (status < 400 && mustBeRefused) _failures.Add($"{name}: accepted a value the edge refuses");

        if (status < 400 && method != "GET")
        {
            // Accepted (a hostile-looking value can be legitimate text): the written resource is spent, so take fresh ones.
            if (url.Contains(_provider.ToString(), StringComparison.Ordinal)) await NewProvider();
            if (url.Contains(_referral.ToString(), StringComparison.Ordinal)) await NewReferral();
            _rows = await api.SettledCountAsync();
            return;
        }
        var rows = await api.CountAsync();
        // A read that is answered may leave a record in the access audit; a refusal leaves nothing.
        if (status >= 400) foreach (var change in StoreRows.Changes(_rows, rows)) _failures.Add($"{name} but wrote {change}");
        _rows = rows;
    }

    private async Task NewProvider() => _provider = (await api.Onboarded(ProviderScenarios.Onboarding(), verify: false)).Id;

    private async Task NewReferral()
    {
        if (_referralProvider == Guid.Empty) _referralProvider = (await api.Onboarded(ProviderScenarios.Onboarding())).Id;
        var response = await api.Refer(ReferralScenarios.Request(_referralProvider));
        _referral = Guid.Parse(response.Headers.Location!.ToString()[^36..]);
    }

    /// <summary>A caller whose role the route's policy admits (the provider a referral was sent to, its advocate, else an admin).</summary>
    private Caller CallerFor(Endpoint endpoint) => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault() switch
    {
        Policies.ReferralRecipient or Policies.Provider => Caller.Provider(_referralProvider),
        Policies.ReferralSender or Policies.Advocate => Caller.Advocate(),
        _ => Caller.Admin,
    };

    /// <summary>The route with real ids, except <paramref name="hostile"/> set to the escaped value.</summary>
    private string Url(string route, string? hostile = null, string? value = null) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value == hostile ? value! : m.Groups[1].Value switch
        {
            "providerId" => _provider.ToString(),
            "referralId" => _referral.ToString(),
            _ => Guid.NewGuid().ToString(),
        });

    /// <summary>A valid body for the schema when the scenarios know one, over a body generated from the schema (so every field it declares is there).</summary>
    private JsonNode? Body(JsonNode schema, JsonNode document)
    {
        var name = schema["$ref"]?.GetValue<string>().Split('/')[^1];
        var sample = ProviderScenarios.Onboarding();
        object? valid = name switch
        {
            nameof(OnboardProvider) => sample,
            nameof(UpdateProfile) => sample.Profile,
            nameof(ChangeSpecialties) => new ChangeSpecialties(sample.Specialties),
            nameof(ChangeFeeTerms) => sample.FeeTerms,
            nameof(ChangeAvailability) => sample.Availability,
            nameof(VerifyProvider) => new VerifyProvider("checked"),
            nameof(DeactivateProvider) => new DeactivateProvider("retired"),
            nameof(ReactivateProvider) => new ReactivateProvider("back"),
            nameof(RequestReferral) => ReferralScenarios.Request(_referralProvider),
            nameof(DeclineReferral) => new DeclineReferral(DeclineReason.Other, "no room"),
            nameof(EraseReferral) => new EraseReferral("Erasure request ER-1"),
            _ => new[] { Referral.Waitlist, Referral.Schedule, Referral.Close, Referral.Withdraw }.Select(ReferralScenarios.BodyFor).FirstOrDefault(b => b?.GetType().Name == name),
        };
        var generated = Generate(schema, document, 0);
        return valid is null ? generated : Overlay(generated, JsonSerializer.SerializeToNode(valid, valid.GetType(), ProviderScenarios.Json));
    }

    private static JsonNode? Generate(JsonNode schema, JsonNode document, int depth)
    {
        if (depth > 8) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Generate(document["components"]!["schemas"]![reference.Split('/')[^1]]!, document, depth + 1);
        if (schema["oneOf"] is JsonArray choices)
            return choices.Select(c => Generate(c!, document, depth + 1)).FirstOrDefault(v => v is not null);
        if (schema["enum"] is JsonArray values) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue one => one.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Generate(p.Value!, document, depth + 1)))),
            "array" => new JsonArray(schema["items"] is { } items ? Generate(items, document, depth + 1) : null),
            "string" => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => ProviderScenarios.Today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "date-time" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                _ => "text",
            },
            "integer" or "number" => 1,
            "boolean" => true,
            _ => null,
        };
    }

    private static JsonNode? Overlay(JsonNode? under, JsonNode? over)
    {
        if (under is not JsonObject below || over is not JsonObject above) return over?.DeepClone();
        var merged = (JsonObject)below.DeepClone();
        foreach (var (key, value) in above) merged[key] = Overlay(below[key], value);
        return merged;
    }

    /// <summary>Paths to every value in the body: objects' properties and arrays' items, recursively.</summary>
    private static IEnumerable<string[]> Leaves(JsonNode? node, string[]? at = null)
    {
        at ??= [];
        var children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (i.ToString(CultureInfo.InvariantCulture), v)).ToList(),
            _ => [],
        };
        if (children.Count == 0 && at.Length > 0) yield return at;
        foreach (var (key, child) in children)
            foreach (var leaf in Leaves(child, [.. at, key])) yield return leaf;
    }

    private static string Mutated(JsonNode body, string[] path, string json)
    {
        const string Marker = "##hostile##";
        var copy = body.DeepClone();
        var parent = path[..^1].Aggregate(copy, (node, key) => node is JsonArray a ? a[int.Parse(key, CultureInfo.InvariantCulture)]! : node[key]!);
        if (parent is JsonArray array) array[int.Parse(path[^1], CultureInfo.InvariantCulture)] = Marker;
        else parent[path[^1]] = Marker;
        return copy.ToJsonString().Replace($"\"{Marker}\"", json, StringComparison.Ordinal);
    }
}
