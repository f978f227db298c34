using System.Text.Json;
using ReferralNetwork.Hsds;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>The directory as HSDS tabular data: a zip of datapackage.json and CSV files, safe to open in a spreadsheet.</summary>
public sealed class HsdsExportTests(ApiFixture api)
{
    [Fact]
    public async Task the_export_holds_a_datapackage_and_each_table_with_hsds_columns()
    {
        var listings = await api.SeedDemoAsync();

        var files = await api.ExportAsync();

        var package = JsonDocument.Parse(files["datapackage.json"]).RootElement;
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(HsdsTable.All.Select(t => t.Path).Order(), resources.Select(r => r.GetProperty("path").GetString()).Order());
        foreach (var resource in resources)
        {
            var path = resource.GetProperty("path").GetString()!;
            var header = files[path].Split("\r\n")[0].Split(',');
            // HSDS's own columns for the table, in its order: the object's one-to-one fields in its schema.
            var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hsds", "schema", resource.GetProperty("name").GetString() + ".json"))).RootElement;
            Assert.Equal(schema.GetProperty("path").GetString(), path);
            var columns = schema.GetProperty("properties").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("type", out var type) && type.GetString() is not ("array" or "object") && !p.Value.TryGetProperty("$ref", out _))
                .Select(p => p.Name);
            Assert.Equal(columns, header);
            Assert.Equal(header, resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        }
        var listed = listings.Count(l => l.Verified);
        Assert.Equal(listed, Rows(files["services.csv"]).Count);
        Assert.Equal(listed, Rows(files["organizations.csv"]).Count);
        Assert.Equal(HsdsTaxonomies.Terms.Count, Rows(files["taxonomy_terms.csv"]).Count);
        Assert.Equal(listings.Where(l => l.Verified).Sum(l => l.Locations.Count + (l.TelehealthStates.Count > 0 ? 1 : 0)), Rows(files["service_at_location.csv"]).Count);
    }

    [Fact]
    public async Task a_value_that_looks_like_a_formula_is_neutralised()
    {
        await api.ResetAsync();
        var command = ProviderScenarios.Onboarding("Jordan Rivera");
        await api.Onboarded(command with { Profile = command.Profile with { Bio = "=HYPERLINK(\"https://evil.example\",\"Click\")" } });

        var files = await api.ExportAsync();

        var services = files["services.csv"];
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"", services);
        Assert.DoesNotContain(",=HYPERLINK", services);
        Assert.DoesNotContain(",\"=HYPERLINK", services);
        // Coordinates west of Greenwich stay numbers.
        Assert.Contains(",-77.", files["locations.csv"]);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Plain, with comma", "\"Plain, with comma\"")]
    [InlineData("Dr. A", "Dr. A")]
    public void cells_are_quoted_and_neutralised(string text, string cell) =>
        Assert.Equal(cell, HsdsCsv.Cell(System.Text.Json.Nodes.JsonValue.Create(text)));

    // Rows after the header; the export never writes a line break inside a cell for these tables' values.
    private static List<string> Rows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
}
