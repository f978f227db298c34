using System.Text.Json;

namespace ReferralNetwork.Data;

/// <summary>The data files in this folder, embedded in the assembly as <c>ReferralNetwork.Data.&lt;file name&gt;</c>.</summary>
internal static class ReferenceData
{
    // Web defaults (camelCase) like the HTTP API; a null where the C# type says non-null fails the load
    // instead of surfacing later as a NullReferenceException.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public static Stream Open(string fileName) =>
        typeof(ReferenceData).Assembly.GetManifestResourceStream($"ReferralNetwork.Data.{fileName}")
        ?? throw new InvalidOperationException($"Embedded resource ReferralNetwork.Data.{fileName} is missing from {typeof(ReferenceData).Assembly.GetName().Name}.");

    public static T ReadJson<T>(string fileName)
    {
        using var stream = Open(fileName);
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidDataException($"{fileName} is empty.");
    }
}
