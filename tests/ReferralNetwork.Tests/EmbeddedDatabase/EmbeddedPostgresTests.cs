using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReferralNetwork.Api.EmbeddedDatabase;

namespace ReferralNetwork.Tests.EmbeddedDatabase;

public class EmbeddedPostgresTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_throwaway_cluster_starts_and_answers_a_query()
    {
        await using var postgres = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway(), NullLogger.Instance, Ct);

        Assert.True(postgres.StartedByUs);
        Assert.Equal("referralnetwork", await Scalar(postgres.ConnectionString, "SELECT current_database()"));
        Assert.Equal(42, await Scalar(postgres.ConnectionString, "SELECT 6 * 7"));
    }

    [Fact]
    public async Task it_listens_on_127_0_0_1_only()
    {
        await using var postgres = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway(), NullLogger.Instance, Ct);

        Assert.Equal("127.0.0.1", await Scalar(postgres.ConnectionString, "SHOW listen_addresses"));
        Assert.Equal("", await Scalar(postgres.ConnectionString, "SHOW unix_socket_directories"));
        foreach (var address in OtherAddressesOfThisMachine())
        {
            using var client = new TcpClient(address.AddressFamily);
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, postgres.Port, Ct).AsTask());
        }
    }

    [Fact]
    public async Task data_survives_a_restart()
    {
        var options = EmbeddedPostgresOptions.Throwaway() with { DeleteOnDispose = false };
        await using (var first = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct))
        {
            await Scalar(first.ConnectionString, "CREATE TABLE referrals (reason text); INSERT INTO referrals VALUES ('grief')");
        }

        await using var second = await EmbeddedPostgres.StartAsync(options with { DeleteOnDispose = true }, NullLogger.Instance, Ct);

        Assert.True(second.StartedByUs);
        Assert.Equal("grief", await Scalar(second.ConnectionString, "SELECT reason FROM referrals"));
    }

    [Fact]
    public async Task a_second_start_on_a_running_cluster_reuses_it_and_leaves_it_running()
    {
        var options = EmbeddedPostgresOptions.Throwaway();
        await using var first = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct);

        await using (var second = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct))
        {
            Assert.False(second.StartedByUs);
            Assert.Equal(first.Port, second.Port);
            Assert.Equal(1, await Scalar(second.ConnectionString, "SELECT 1"));
        }

        Assert.True(Directory.Exists(first.DataDirectory));
        Assert.Equal(1, await Scalar(first.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task disposing_a_throwaway_cluster_stops_it_and_removes_its_folder()
    {
        var postgres = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway(), NullLogger.Instance, Ct);

        await postgres.DisposeAsync();

        Assert.False(Directory.Exists(postgres.DataDirectory));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => Scalar(postgres.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task a_stale_postmaster_pid_left_by_a_crash_does_not_block_the_start()
    {
        var options = EmbeddedPostgresOptions.Throwaway() with { DeleteOnDispose = false };
        await (await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct)).DisposeAsync();
        // After a crash and reboot the recorded process id may belong to an unrelated live process, like this one.
        await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "pgdata", "postmaster.pid"),
            $"{Environment.ProcessId}\n{options.DataDirectory}\n0\n{options.Port}\n\n127.0.0.1\n0 0\nready\n", Ct);

        await using var postgres = await EmbeddedPostgres.StartAsync(options with { DeleteOnDispose = true }, NullLogger.Instance, Ct);

        Assert.True(postgres.StartedByUs);
        Assert.Equal(1, await Scalar(postgres.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task a_port_taken_by_another_program_is_named_with_the_setting_to_change()
    {
        var options = EmbeddedPostgresOptions.Throwaway();
        var squatter = new TcpListener(IPAddress.Loopback, options.Port);
        squatter.Start();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct));

            Assert.Contains($"port {options.Port}", error.Message, StringComparison.Ordinal);
            Assert.Contains("EmbeddedDatabase:Port", error.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(options.DataDirectory));
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task without_server_binaries_the_error_names_the_three_ways_out()
    {
        var empty = Directory.CreateTempSubdirectory("referralnetwork-no-pg-");
        var options = EmbeddedPostgresOptions.Throwaway() with { BinarySearchPaths = [empty.FullName] };
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options, NullLogger.Instance, Ct));

            Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__ReferralNetwork", error.Message, StringComparison.Ordinal);
            Assert.Contains("docker compose up", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public async Task the_log_says_where_the_data_lives_and_how_to_connect_but_never_the_password()
    {
        var log = new RecordingLogger();
        await using var postgres = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Throwaway(), log, Ct);

        var password = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Password!;
        Assert.Contains(log.Lines, line => line.Contains(postgres.DataDirectory, StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.Contains(
            $"PGPASSFILE={postgres.DataDirectory}/pgpass psql \"host=127.0.0.1 port={postgres.Port} dbname=referralnetwork user=referralnetwork\"",
            StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_configured_connection_string_starts_nothing()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:ReferralNetwork"] = "Host=db.example;Database=referralnetwork";

        var database = await builder.ResolveReferralNetworkDatabaseAsync();

        Assert.Equal(new DatabaseConnection("Host=db.example;Database=referralnetwork", IsEmbedded: false), database);
    }

    [Fact]
    public async Task the_app_stops_the_embedded_cluster_it_started_when_it_stops()
    {
        var options = EmbeddedPostgresOptions.Throwaway();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:ReferralNetwork"] = "";
        builder.Configuration["EmbeddedDatabase:DataDirectory"] = options.DataDirectory;
        builder.Configuration["EmbeddedDatabase:Port"] = options.Port.ToString(CultureInfo.InvariantCulture);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        try
        {
            var database = await builder.ResolveReferralNetworkDatabaseAsync();
            await using var app = builder.Build();
            await app.StartAsync(Ct);
            Assert.True(database.IsEmbedded);
            Assert.Equal(1, await Scalar(database.ConnectionString, "SELECT 1"));

            await app.StopAsync(Ct);

            Assert.False(File.Exists(Path.Combine(options.DataDirectory, "pgdata", "postmaster.pid")));
        }
        finally
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    static IEnumerable<IPAddress> OtherAddressesOfThisMachine() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses.Select(unicast => unicast.Address))
            .Where(address => !IPAddress.IsLoopback(address) && !address.IsIPv6LinkLocal)
            .Append(IPAddress.Parse("127.0.0.2"))
            .Concat(Socket.OSSupportsIPv6 ? [IPAddress.IPv6Loopback] : []);

    sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
