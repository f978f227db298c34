using System.Diagnostics;
using System.Net.Http.Headers;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// The built host as a process of its own (Production, pre-generated code, trusting the test token issuer), for what
/// only a process can show: a SIGKILL that leaves its node records and its projection shards behind.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, HttpClient client) => (_process, Client) = (process, client);

    /// <summary>A client of this process signed in as <see cref="Caller.Admin"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the host and returns once /health/ready answers 200 (the host has started, Wolverine included).</summary>
    public static async Task<ApiProcess> StartAsync(string connectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The host's own build output, as GeneratedCodeTests runs it.
        var binaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        start.ArgumentList.Add(Path.Combine(Repository.Root, "src", "ReferralNetwork.Api", "bin", binaries.Parent!.Name, binaries.Name, "ReferralNetwork.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__ReferralNetwork"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Notifications__Enabled"] = "false";
        foreach (var (key, value) in TestTokens.HostSettings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Caller.Admin.Token);
        var node = new ApiProcess(process, client);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            Assert.False(process.HasExited, $"The host exited with {(process.HasExited ? process.ExitCode : 0)} while starting.");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        await node.DisposeAsync();
        throw new TimeoutException("The host did not become ready within two minutes.");
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown, its node row and shard assignments stay.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
