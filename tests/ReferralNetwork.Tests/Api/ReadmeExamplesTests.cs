using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// The README's answers must be answers the API gives: every property shown in a response after a curl command must
/// exist, at that place, in the API's own description of that answer (the OpenAPI document the running app serves,
/// which OpenApiDocumentTests keeps equal to docs/openapi.json).
/// </summary>
public sealed partial class ReadmeExamplesTests(ApiFixture api)
{
    [Fact]
    public async Task every_property_in_the_readmes_example_answers_is_in_the_api_answer()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var examples = Examples(await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "README.md"), TestContext.Current.CancellationToken)).ToList();
        var problems = new List<string>();
        var checkedBodies = 0;
        foreach (var example in examples.Where(e => e.Status is >= 200 and < 300 && e.Body is not null))
        {
            var schema = AnswerSchema(document, example);
            if (schema is null)
            {
                problems.Add($"README.md:{example.Line}: {example.Method} {example.Path} {example.Status} is not an answer the API describes");
                continue;
            }
            Compare(document, example.Body, schema, $"README.md:{example.Line} {example.Method} {example.Path}: ", problems);
            checkedBodies++;
        }

        Assert.True(checkedBodies >= 5, $"only {checkedBodies} example answers were found in README.md");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private sealed record Example(int Line, string Method, string Path, int Status, JsonNode? Body);

    /// <summary>Each fenced block that directly follows a ```sh block with a curl command: its status line (200 when none) and JSON body.</summary>
    private static IEnumerable<Example> Examples(string[] lines)
    {
        string? curl = null;
        var curlEnd = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success) continue;
            // An answer is the block right after its command; a block further down (the layout tree) is not one.
            if (i - curlEnd > 2) curl = null;
            var start = i + 1;
            while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal)) { }
            var text = string.Join("\n", lines[start..i]);
            var language = fence.Groups[1].Value;
            if (language == "sh")
            {
                curl = text.Contains("curl ", StringComparison.Ordinal) ? text : null;
                curlEnd = i;
                continue;
            }
            if (curl is null || language is not ("" or "json")) continue;
            var status = StatusLine().Match(text);
            var headersEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
            var body = !status.Success ? text : headersEnd < 0 ? "" : text[headersEnd..];
            var url = Url().Match(curl);
            var method = Method().Match(curl) is { Success: true } m ? m.Groups[1].Value : curl.Contains(" -d ", StringComparison.Ordinal) ? "POST" : "GET";
            yield return new Example(start, method, url.Groups[1].Value, status.Success ? int.Parse(status.Groups[1].Value) : 200, Lenient(body));
            curl = null;
        }
    }

    // Answers in the README are trimmed with "…" in place of members and values; drop those, then read the rest.
    private static JsonNode? Lenient(string body)
    {
        var text = Trimmed().Replace(body, m => m.Value.StartsWith('"') ? m.Value : "");
        text = Regex.Replace(text, @",\s*(?=[,\]}])|(?<=[\[{])\s*,", "");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
    }

    private static JsonNode? AnswerSchema(JsonNode document, Example example)
    {
        var paths = document["paths"]!.AsObject();
        var template = paths.Select(p => p.Key).OrderBy(p => p.Count(c => c == '{'))
            .FirstOrDefault(p => Regex.IsMatch(example.Path, "^" + Regex.Replace(Regex.Escape(p), @"\\\{[^}]+}", "[^/]+") + "$"));
        return template is null ? null
            : paths[template]![example.Method.ToLowerInvariant()]?["responses"]?[example.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"];
    }

    private static void Compare(JsonNode document, JsonNode? shown, JsonNode schema, string at, List<string> problems)
    {
        var s = Resolve(document, schema);
        switch (shown)
        {
            // An object schema that declares no properties (an event's data) takes any.
            case JsonObject when s["properties"] is null && s["additionalProperties"] is null:
                break;
            case JsonObject o:
                var properties = s["properties"]?.AsObject();
                foreach (var (name, value) in o)
                {
                    var property = properties?[name] ?? s["additionalProperties"];
                    if (property is null) problems.Add($"{at}{name} is not in the answer");
                    else Compare(document, value, property, $"{at}{name}.", problems);
                }
                break;
            case JsonArray a when s["items"] is { } items:
                foreach (var item in a) Compare(document, item, items, at, problems);
                break;
        }
    }

    // Follows $ref, and the anyOf/oneOf a nullable reference is written as.
    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        while (true)
        {
            if (schema["$ref"] is { } reference)
                schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!;
            else if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray choices && choices.FirstOrDefault(c => c?["$ref"] is not null || c?["properties"] is not null || c?["items"] is not null) is { } choice)
                schema = choice;
            else return schema;
        }
    }

    [GeneratedRegex(@"^```(\w*)\s*$")] private static partial Regex Fence();
    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})")] private static partial Regex StatusLine();
    [GeneratedRegex(@"https?://localhost:5000(/[^\s'""?]*)")] private static partial Regex Url();
    [GeneratedRegex(@"-X\s+(GET|POST|PUT|DELETE|PATCH)")] private static partial Regex Method();
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|…")] private static partial Regex Trimmed();
}
