using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace ReferralNetwork.Access;

/// <summary>
/// The key ring that encrypts the session cookie and the pages' antiforgery tokens, kept in PostgreSQL, so that every
/// node can read what any other node wrote (docs/operations.md). A table of its own beside Marten's (created with the
/// rest of the schema), not a document: Data Protection reads and writes it synchronously, rarely (at start, on its
/// daily refresh, when a key is due every 90 days), and resetting the app's data must not take the keys with it.
/// </summary>
public sealed class DataProtectionKeyRing(NpgsqlDataSource database, string table) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.CreateCommand($"SELECT xml FROM {table} ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = database.CreateCommand($"INSERT INTO {table} (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}

public static class SharedDataProtection
{
    private const string TableName = "data_protection_keys";

    /// <summary>One application name and one key ring in the database for every node of the app.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ReferralNetwork");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource, IDocumentStore>((options, database, store) =>
            options.XmlRepository = new DataProtectionKeyRing(database, $"{store.Options.DatabaseSchemaName}.{TableName}"));
        return services;
    }

    public static StoreOptions AddDataProtectionKeys(this StoreOptions options)
    {
        var table = new Table($"{options.DatabaseSchemaName}.{TableName}");
        table.AddColumn<string>("friendly_name").AsPrimaryKey();
        table.AddColumn<string>("xml").NotNull();
        table.AddColumn("created_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
