using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReferralNetwork.Http;

/// <summary>
/// The one rule for the characters of any text a client sends (JSON strings, query values): no C0 control characters
/// other than tab, line feed and carriage return, and well-formed Unicode (no unpaired surrogate, no invalid UTF-8).
/// Names, notes and ids have no use for the rest, and PostgreSQL refuses NUL in text and jsonb (a 500, before this).
/// </summary>
public static class AcceptedText
{
    public const string ControlRule = "must not contain control characters (U+0000 to U+001F other than tab, line feed and carriage return)";
    public const string UnicodeRule = "must be well-formed Unicode text (no unpaired surrogate U+D800 to U+DFFF, no invalid UTF-8)";

    /// <summary>The rule <paramref name="text"/> breaks, or null when every character is accepted.</summary>
    public static string? Check(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not '\t' and not '\n' and not '\r') return ControlRule;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return UnicodeRule;
        }
        return null;
    }

    /// <summary>
    /// Checks every string (and member name) of a JSON document and adds each refused one under its field path
    /// (<c>profile.locations[0].city</c>, as the validators name fields). A document that is not JSON is left alone:
    /// the body reader answers it with its own 400.
    /// </summary>
    public static void CheckJson(ReadOnlySpan<byte> json, ValidationProblems problems)
    {
        var reader = new Utf8JsonReader(json);
        var path = new List<(bool Array, int Index, string Name)>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
                    && path.Count > 0 && path[^1].Array)
                    path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add((reader.TokenType == JsonTokenType.StartArray, -1, ""));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var (name, nameRule) = Read(ref reader);
                        if (nameRule is not null) problems.Add(Path(path, upToParent: true), $"has a member name that {nameRule}");
                        path[^1] = path[^1] with { Name = nameRule is null ? name! : "?" };
                        break;
                    case JsonTokenType.String:
                        if (Read(ref reader).Rule is { } rule) problems.Add(Path(path), rule);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (or cut short): the body reader refuses it with its own 400.
        }
    }

    private static (string? Value, string? Rule) Read(ref Utf8JsonReader reader)
    {
        try
        {
            var value = reader.GetString()!;
            return (value, Check(value));
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) or bytes that are not UTF-8: the reader cannot make a string of it.
            return (null, UnicodeRule);
        }
    }

    private static string Path(List<(bool Array, int Index, string Name)> path, bool upToParent = false)
    {
        var text = new StringBuilder();
        foreach (var (array, index, name) in path.Take(upToParent ? path.Count - 1 : path.Count))
        {
            if (array) text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else text.Append(text.Length > 0 ? "." : "").Append(name);
        }
        return text.Length > 0 ? text.ToString() : "body";
    }
}
