using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>docs/openapi.json is the published contract: a change to the API must change it in the same commit.</summary>
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    public const string UpdateVariable = "REFERRALNETWORK_UPDATE_OPENAPI";

    [Fact]
    public async Task the_committed_openapi_document_matches_the_api()
    {
        var live = Normalize(await api.Client.GetStringAsync("/openapi/v1.json"));
        var file = Path.Combine(Repository.Root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(file, live);

        Assert.True(File.Exists(file), $"docs/openapi.json is missing: run `{UpdateVariable}=1 dotnet test --filter OpenApiDocumentTests`.");
        Assert.True(live == Normalize(await File.ReadAllTextAsync(file)),
            $"The API's OpenAPI document differs from docs/openapi.json: review the change and run `{UpdateVariable}=1 dotnet test --filter OpenApiDocumentTests`.");
    }

    [Fact]
    public async Task every_operation_has_a_readable_id_a_summary_and_its_refusals_and_every_tag_a_description()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Key != "parameters")
                .Select(o => (Name: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!.AsObject())))
            .ToList();
        Assert.NotEmpty(operations);

        var ids = operations.Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.All(operations, o => Assert.Matches("^[a-z][A-Za-z]+$", (string?)o.Operation["operationId"] ?? $"(none on {o.Name})"));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Name} has no summary"));
        // A summary or description that is the generated route name says nothing to a reader.
        Assert.All(operations, o => Assert.DoesNotMatch("^[A-Z]+_api", ((string?)o.Operation["summary"] ?? "") + ((string?)o.Operation["description"] ?? "")));
        foreach (var (name, operation) in operations)
        {
            var refusals = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')).ToList();
            Assert.True(refusals.Count > 0, $"{name} declares no 4xx response");
            // The FHIR views refuse with an OperationOutcome, FHIR's own error resource, as FHIR clients expect.
            var errorType = name.Contains(" /fhir/", StringComparison.Ordinal) ? "application/fhir+json" : "application/problem+json";
            Assert.All(refusals, r => Assert.True(r.Value!["content"]?[errorType] is not null,
                $"{name} {r.Key} is not described as {errorType}"));
        }

        var described = document["tags"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string?)t!["description"]);
        var used = operations.SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => (string)t!)).Distinct();
        Assert.All(used, tag => Assert.False(string.IsNullOrWhiteSpace(described.GetValueOrDefault(tag)), $"tag {tag} has no description"));
    }

    // Keys sorted, so that the order in which endpoints are discovered cannot make the check flaky. "servers" is
    // relative ("/"), the same wherever the document is fetched from.
    private static string Normalize(string json) =>
        Sorted(JsonNode.Parse(json))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
