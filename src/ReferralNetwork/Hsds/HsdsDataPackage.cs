using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferralNetwork.Hsds;

/// <summary>The export's datapackage.json (Frictionless Data Package): each CSV file, its columns and their types.</summary>
public static class HsdsDataPackage
{
    public static byte[] Json(DateTimeOffset created)
    {
        var package = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "referralnetwork-hsds",
            ["title"] = "ReferralNetwork provider directory (Open Referral HSDS 3.0)",
            ["description"] = "Verified, active providers of the network as HSDS 3.0 tabular data. Human Services Data Specification: an Open Referral resource (https://openreferral.org/).",
            ["created"] = created.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "3.0",
            ["resources"] = new JsonArray([.. HsdsTable.All.Select(Resource)]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(package, new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Resource(HsdsTable table) => new JsonObject
    {
        ["name"] = table.Name,
        ["path"] = table.Path,
        ["profile"] = "tabular-data-resource",
        ["format"] = "csv",
        ["mediatype"] = "text/csv",
        ["encoding"] = "utf-8",
        ["schema"] = new JsonObject
        {
            ["fields"] = new JsonArray([.. table.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["type"] = HsdsTable.TypeOf(c) })]),
            ["primaryKey"] = "id",
        },
    };
}
