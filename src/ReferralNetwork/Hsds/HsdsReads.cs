using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Http;
using Npgsql;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Hsds;

/// <summary>Runs a page query (<see cref="HsdsSql"/>) and answers in HSDS's JSON: snake_case names, unset fields left out.</summary>
public static class HsdsReads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // "Adult (25+)", not "Adult (25\u002B)": served as application/json only, never inside HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The count, then each row's listing and place (null: not a place, or telehealth).</summary>
    public static async Task<(long Total, List<(ProviderListing Listing, int? Place)> Rows)> PageAsync(
        NpgsqlDataSource database, IDocumentStore store, Action<NpgsqlCommand> fill, CancellationToken ct)
    {
        await using var command = database.CreateCommand();
        fill(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var serializer = store.Options.Serializer();
        var rows = new List<(ProviderListing, int?)>();
        while (await reader.ReadAsync(ct))
            rows.Add((serializer.FromJson<ProviderListing>(reader, 0), reader.IsDBNull(1) ? null : reader.GetInt32(1)));
        return (total, rows);
    }

    public static IResult Page<T>(IReadOnlyList<T> contents, long total, HsdsQuery q) =>
        Results.Json(HsdsPage<T>.Of(contents, total, q.Page, q.PerPage), Json);

    public static IResult One<T>(T value) => Results.Json(value, Json);

    public static string Table(IDocumentStore store) => ProviderSearchSchema.TableName(store);
}
