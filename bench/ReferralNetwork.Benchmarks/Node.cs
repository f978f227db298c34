using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// One API node as a child process (the built Release host, Production environment), trusting a bench-only token
/// issuer. Measures its cold start (process start to the first 200 from /health/ready) and its resident memory.
/// </summary>
public sealed class Node : IAsyncDisposable
{
    private const string Issuer = "referralnetwork-bench", Audience = "referralnetwork-bench";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly Process _process;

    private Node(Process process, Uri address, TimeSpan ready, TimeSpan coldStart) => (_process, Address, Ready, ColdStart) = (process, address, ready, coldStart);

    public Uri Address { get; }

    /// <summary>Process start to the first 200 from /health/ready (the database reachable).</summary>
    public TimeSpan Ready { get; }

    /// <summary>Process start to the first answered search: the first request through a Wolverine endpoint, authenticated.</summary>
    public TimeSpan ColdStart { get; }

    /// <summary>Resident set size now, from /proc (Linux).</summary>
    public long RssBytes => File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024).FirstOrDefault();

    public static Task<Node> StartAsync(string connectionString, string hostDll, string environmentName = "Production") =>
        StartAsync(connectionString, hostDll, new Dictionary<string, string>(), environmentName);

    /// <summary>Starts a node with extra environment variables (configuration keys as <c>Section__Key</c>).</summary>
    public static async Task<Node> StartAsync(string connectionString, string hostDll, IReadOnlyDictionary<string, string> settings, string environmentName = "Production")
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        start.ArgumentList.Add(hostDll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ConnectionStrings__ReferralNetwork"] = connectionString;
        environment["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer;
        environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience;
        environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer;
        environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(Key);
        environment["RateLimits__SearchPerMinute"] = "100000000";
        environment["RateLimits__WritesPerMinute"] = "100000000";
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) environment[key] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  node {port}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) throw new InvalidOperationException($"The API node exited with {process.ExitCode} while starting.");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    var ready = clock.Elapsed;
                    using var search = new HttpRequestMessage(HttpMethod.Get, "/api/providers?state=VA");
                    search.Headers.Authorization = new("Bearer", Token("advocate"));
                    using var client = new HttpClient { BaseAddress = address };
                    (await client.SendAsync(search)).EnsureSuccessStatusCode();
                    return new Node(process, address, ready, clock.Elapsed);
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        throw new TimeoutException("The API node did not become ready within two minutes.");
    }

    /// <summary>Runs one of the host's commands (<c>seed</c>, <c>projections rebuild</c>) to completion, in Production.</summary>
    public static async Task RunCommandAsync(string hostDll, string connectionString, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        foreach (var argument in command.Prepend(hostDll)) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__ReferralNetwork"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Authentication__Schemes__Bearer__Authority"] = "https://unused.example";
        start.Environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = "unused";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}");
    }

    /// <summary>A bearer token this node accepts, for an advocate (search), an admin, or a provider (with its id).</summary>
    public static string Token(string role, string user = "bench-user", Guid? providerId = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", user)]),
        Claims = providerId is { } id
            ? new Dictionary<string, object> { ["role"] = role, ["provider_id"] = id.ToString() }
            : new Dictionary<string, object> { ["role"] = role },
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(6),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
    });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill();

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
