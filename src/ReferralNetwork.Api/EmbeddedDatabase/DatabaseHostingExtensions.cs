using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Api.EmbeddedDatabase;

public static class DatabaseHostingExtensions
{
    /// <summary>
    /// Uses <c>ConnectionStrings:ReferralNetwork</c> when set (nothing is started). Otherwise starts, or reuses, the
    /// embedded PostgreSQL configured by <c>EmbeddedDatabase:DataDirectory</c> and <c>EmbeddedDatabase:Port</c>, and stops
    /// it again when the app stops (Ctrl+C included) if this process started it.
    /// </summary>
    public static async Task<DatabaseConnection> ResolveReferralNetworkDatabaseAsync(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString("ReferralNetwork") is { Length: > 0 } configured)
        {
            return new DatabaseConnection(configured, IsEmbedded: false);
        }

        // The app's own logging exists only after Build(); until then log through an equivalent console logger.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole());
        EmbeddedPostgres postgres;
        try
        {
            postgres = await EmbeddedPostgres.StartAsync(
                ReadOptions(builder.Configuration.GetSection("EmbeddedDatabase")), loggerFactory.CreateLogger<EmbeddedPostgres>());
        }
        catch
        {
            loggerFactory.Dispose(); // flushes what was logged before the failure
            throw;
        }

        var lifetime = new EmbeddedPostgresLifetime(postgres, loggerFactory);
        builder.Services.AddHostedService(_ => lifetime);
        // For a process that ends without running the host: a JasperFx command, or a start-up that throws.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => lifetime.StoppedAsync(CancellationToken.None).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => lifetime.StoppedAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new DatabaseConnection(postgres.ConnectionString, IsEmbedded: true);
    }

    static EmbeddedPostgresOptions ReadOptions(IConfigurationSection section)
    {
        var options = EmbeddedPostgresOptions.Default();
        if (section["DataDirectory"] is { Length: > 0 } dataDirectory)
        {
            options = options with { DataDirectory = dataDirectory };
        }

        if (section["Port"] is { Length: > 0 } port)
        {
            options = options with
            {
                Port = int.TryParse(port, out var number) && number is > 0 and < 65536
                    ? number
                    : throw new InvalidOperationException($"EmbeddedDatabase:Port must be a TCP port number, not '{port}'."),
            };
        }

        return options;
    }
}
