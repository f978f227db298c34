using System.Text.Json;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// Reads the block-style YAML subset docker-compose.yml is written in (maps, lists of scalars, JSON-style inline lists)
/// into dictionaries and lists: enough to check the file without a YAML library or a Docker engine.
/// </summary>
public static class ComposeFile
{
    public static Dictionary<string, object> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        var index = 0;
        return (Dictionary<string, object>)Block(lines, ref index, 0);
    }

    private static object Block(List<string> lines, ref int index, int indent)
    {
        if (lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<string>();
            while (index < lines.Count && Indent(lines[index]) == indent && lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                list.Add(Scalar(lines[index++].TrimStart()[2..]));
            return list;
        }
        var map = new Dictionary<string, object>();
        while (index < lines.Count && Indent(lines[index]) == indent)
        {
            var line = lines[index++].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (key, value) = (line[..colon], line[(colon + 1)..].Trim());
            map[key] = value.Length > 0 ? value.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(value)! : Scalar(value)
                : index < lines.Count && Indent(lines[index]) > indent ? Block(lines, ref index, Indent(lines[index])) : "";
        }
        if (index < lines.Count && Indent(lines[index]) > indent) throw new FormatException($"Unexpected indentation: {lines[index]}");
        return map;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string Scalar(string value) => value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
