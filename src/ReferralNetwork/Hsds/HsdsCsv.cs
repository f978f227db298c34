using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferralNetwork.Hsds;

/// <summary>Writes HSDS objects as CSV rows (RFC 4180), taking each column from the object's HSDS JSON.</summary>
public static class HsdsCsv
{
    public static Task HeaderAsync(TextWriter writer, HsdsTable table) => writer.WriteAsync(string.Join(",", table.Columns) + "\r\n");

    public static Task RowAsync<T>(TextWriter writer, HsdsTable table, T value)
    {
        var json = JsonSerializer.SerializeToNode(value, HsdsReads.Json)!.AsObject();
        return writer.WriteAsync(string.Join(",", table.Columns.Select(c => Cell(json[c]))) + "\r\n");
    }

    /// <summary>
    /// A cell. Text that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a
    /// leading apostrophe, so opening the export never runs anything; numbers are written as numbers.
    /// </summary>
    public static string Cell(JsonNode? node)
    {
        if (node is null || node is JsonObject or JsonArray) return "";
        var value = node.GetValueKind() == JsonValueKind.String ? Neutralised(node.GetValue<string>()) : node.ToJsonString();
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Neutralised(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
