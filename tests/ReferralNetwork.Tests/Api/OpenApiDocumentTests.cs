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

    // Keys sorted, so that the order in which endpoints are discovered cannot make the check flaky; "servers" is
    // wherever the document was fetched from, not part of the contract.
    private static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return Sorted(document)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
