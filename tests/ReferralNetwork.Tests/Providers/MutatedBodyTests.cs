using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>
/// No request a client can send produces a 500: every field of every write body, replaced in turn by null,
/// wrong types, empty and huge values, gets either success or an RFC 9457 4xx.
/// </summary>
public sealed class MutatedBodyTests(ApiFixture api)
{
    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(""), JsonValue.Create(" "), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(true),
        JsonValue.Create(new string('x', 3000)), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(7)),
        JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("2026-02-30"), JsonValue.Create("9999999999999999999999"),
    ];

    public static TheoryData<string> Bodies => ["onboarding", "specialties", "fee-terms", "availability", "profile"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task every_field_mutated_gets_a_problem_or_success_never_a_500(string body)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        var sample = ProviderScenarios.Onboarding();
        object valid = body switch
        {
            "onboarding" => sample,
            "specialties" => new ChangeSpecialties(sample.Specialties),
            "fee-terms" => sample.FeeTerms,
            "availability" => sample.Availability,
            _ => sample.Profile,
        };
        var (method, path) = body == "onboarding" ? (HttpMethod.Post, "/api/providers") : (HttpMethod.Put, $"/api/providers/{provider.Id}/{body}");
        var root = JsonSerializer.SerializeToNode(valid, valid.GetType(), ProviderScenarios.Json)!;
        var failures = new List<string>();
        var sent = 0;

        foreach (var pointer in Leaves(root))
            foreach (var replacement in Replacements)
            {
                var mutated = root.DeepClone();
                Replace(mutated, pointer, replacement?.DeepClone());
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(mutated.ToJsonString(), Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("If-Match", "*");
                var response = await api.Client.SendAsync(request);
                sent++;
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && !problem))
                    failures.Add($"{string.Join('/', pointer)} = {replacement?.ToJsonString() ?? "null"} → {(int)response.StatusCode}");
            }

        Assert.True(sent > 20, $"only {sent} mutations were sent");
        Assert.Empty(failures);
    }

    /// <summary>Paths to every value in the document: objects' properties and arrays' items, recursively.</summary>
    private static IEnumerable<string[]> Leaves(JsonNode node, string[]? at = null)
    {
        at ??= [];
        if (at.Length > 0) yield return at;
        var children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToList(),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            if (child is null) yield return [.. at, key];
            else foreach (var leaf in Leaves(child, [.. at, key])) yield return leaf;
        }
    }

    private static void Replace(JsonNode root, string[] path, JsonNode? value)
    {
        var parent = path[..^1].Aggregate(root, (node, key) => node is JsonArray a ? a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)]! : node[key]!);
        if (parent is JsonArray array) array[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        else parent[path[^1]] = value;
    }
}
