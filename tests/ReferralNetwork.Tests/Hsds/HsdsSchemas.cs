using System.Text.Json;
using Json.Schema;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>
/// Open Referral's HSDS 3.0 JSON Schemas (schema/, copied with their licence: schema/README.md), loaded into one registry
/// so their relative $refs ("organization.json") resolve, with formats (uuid, email, uri, date-time) enforced.
/// </summary>
public static class HsdsSchemas
{
    private static readonly Uri Base = new("https://schemas.openreferral.test/hsds/3.0/");
    private static readonly Lazy<BuildOptions> Build = new(Load);

    private static BuildOptions Load()
    {
        // The HSDS API description names draft 2020-12 (jsonSchemaDialect), which allows HSDS's own keywords (name, core, ...).
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var folder = Path.Combine(AppContext.BaseDirectory, "Hsds", "schema");
        // Referenced schemas first: a schema's $refs are resolved when it is built.
        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f) switch { "service.json" or "organization.json" => 2, "service_at_location.json" or "location.json" => 1, _ => 0 })
            .ToList();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var schema = JsonSchema.FromText(File.ReadAllText(file), options, new Uri(Base, relative));
            options.SchemaRegistry.Register(new Uri(Base, relative), schema);
        }
        return options;
    }

    /// <summary>Every error of <paramref name="instance"/> against the named schema ("service.json", "compiled/service_list.json").</summary>
    public static IReadOnlyList<string> Errors(string schema, JsonElement instance)
    {
        var found = (JsonSchema)Build.Value.SchemaRegistry.Get(new Uri(Base, schema))!;
        var results = found.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")).ToList();
    }

    public static void AssertValid(string schema, JsonElement instance)
    {
        var errors = Errors(schema, instance);
        Assert.True(errors.Count == 0, $"Not valid against {schema}:\n{string.Join("\n", errors.Take(20))}\n{instance.ToString()[..Math.Min(2000, instance.ToString().Length)]}");
    }
}
