using Npgsql;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>Waits until the server accepts connections, then creates the application's database if it is missing.</summary>
internal static class DatabaseReadiness
{
    public static async Task EnsureDatabaseAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = await OpenWhenReadyAsync(maintenance.ConnectionString, timeout, ct);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = target.Database });
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            var name = $"\"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // A second instance starting at the same moment created it first.
        }
    }

    static async Task<NpgsqlConnection> OpenWhenReadyAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < deadline && IsStillStarting(e))
            {
                await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    // Refused connections and "the database system is starting up" pass; a wrong password does not.
    static bool IsStillStarting(NpgsqlException e) =>
        e is not PostgresException postgres || postgres.SqlState == PostgresErrorCodes.CannotConnectNow;
}
