using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// The README's order on a fresh machine: start the app, then make a token with `dotnet user-jwts`. The key it writes
/// to the user-secrets file must count without a restart.
/// </summary>
public sealed class UserJwtsTests
{
    // What appsettings.Development.json trusts, and what `dotnet user-jwts create` puts in a token.
    private const string Issuer = "dotnet-user-jwts", Audience = "http://localhost:5000";

    [Fact]
    public async Task a_user_jwts_key_written_after_the_app_started_is_trusted_without_a_restart()
    {
        // User secrets live under APPDATA when it is set (else HOME): here a folder that does not exist yet.
        var appData = Path.Combine(Path.GetTempPath(), $"referralnetwork-appdata-{Guid.NewGuid():N}");
        var previous = Environment.GetEnvironmentVariable("APPDATA");
        Environment.SetEnvironmentVariable("APPDATA", appData);
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        HttpClient client;
        try
        {
            client = host.CreateClient(); // builds the host, which reads where user secrets are
        }
        finally
        {
            Environment.SetEnvironmentVariable("APPDATA", previous);
        }
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var token = TestTokens.Mint(Caller.Advocate("ana"), key: key, issuer: Issuer, audience: Audience);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(client, token));

            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var keyLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var watch = ChangeToken.OnChange(configuration.GetReloadToken, () =>
            {
                if (configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] is not null) keyLoaded.TrySetResult();
            });
            // What `dotnet user-jwts create` does: create the folder if need be, write the key into secrets.json.
            var secrets = Path.Combine(appData, "Microsoft", "UserSecrets", "referralnetwork-api");
            Directory.CreateDirectory(secrets);
            await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["Authentication:Schemes:Bearer:SigningKeys"] = new[] { new { Id = "3f2a7c1d", Issuer, Value = Convert.ToBase64String(key), Length = 32 } },
            }));
            await keyLoaded.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, await StatusOf(client, token));
        }
        finally
        {
            client.Dispose();
            if (Directory.Exists(appData)) Directory.Delete(appData, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/specialties");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
