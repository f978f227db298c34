using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ReferralNetwork.Hosting;

/// <summary>
/// How many PostgreSQL connections one node may hold, and how long it waits for one. Marten's sessions, the async
/// daemon, Wolverine's outbox, durability agent and leader lock all draw from the one pool these limits shape, so
/// <see cref="MaxPoolSize"/> is the node's whole share of the server's <c>max_connections</c> (docs/operations.md).
/// </summary>
public sealed record ConnectionBudget(int MaxPoolSize, TimeSpan ConnectTimeout)
{
    /// <summary>
    /// PostgreSQL allows 100 by default (3 kept for superusers): 30 leaves room for a second node, psql and backups.
    /// Under load the pool's requests wait their turn (up to <see cref="ConnectTimeout"/>) instead of the server
    /// refusing everyone with "too many clients".
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>How long opening a connection, or waiting for a free one in the pool, may take before the request answers 503.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Database:MaxPoolSize</c> and <c>Database:ConnectTimeout</c> when set; else what the connection string says
    /// (<c>Maximum Pool Size</c>, <c>Timeout</c>); else the defaults.
    /// </summary>
    public static ConnectionBudget From(IConfiguration configuration, string connectionString)
    {
        var explicitly = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var named = new NpgsqlConnectionStringBuilder(connectionString);
        var section = configuration.GetSection("Database");
        var maxPoolSize = section.GetValue<int?>("MaxPoolSize")
            ?? (Names(explicitly, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize") ? named.MaxPoolSize : DefaultMaxPoolSize);
        var connectTimeout = section.GetValue<TimeSpan?>("ConnectTimeout")
            ?? (Names(explicitly, "Timeout") ? TimeSpan.FromSeconds(named.Timeout) : DefaultConnectTimeout);
        if (maxPoolSize < 2) throw new InvalidOperationException($"Database:MaxPoolSize must be at least 2 (the leader lock holds one), not {maxPoolSize}.");
        if (connectTimeout <= TimeSpan.Zero) throw new InvalidOperationException("Database:ConnectTimeout must be positive, e.g. 00:00:05.");
        return new ConnectionBudget(maxPoolSize, connectTimeout);
    }

    /// <summary>The connection string with these limits (Npgsql counts the timeout in whole seconds).</summary>
    public string Apply(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxPoolSize = MaxPoolSize,
        Timeout = (int)Math.Ceiling(ConnectTimeout.TotalSeconds),
    }.ConnectionString;

    private static bool Names(System.Data.Common.DbConnectionStringBuilder builder, params string[] keys) => keys.Any(builder.ContainsKey);
}
