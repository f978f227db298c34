using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Api;

/// <summary>
/// A client's mistake and a lost race are answers, not faults of the service: no error line, and no log line at any
/// level holds what the request carried (a member name or value may be a child's name).
/// </summary>
public sealed class QuietLogTests(ApiFixture api)
{
    private const string Sentinel = "Zelda-Quokka-2015";

    [Fact]
    public async Task a_malformed_body_is_refused_without_an_error_line_or_its_content_in_the_log()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var referral = await Json(ReferralScenarios.Request(provider.Id));
        (HttpMethod, string, string, Caller)[] mistakes =
        [
            (HttpMethod.Post, "/api/referrals", $$"""{"providerId":"{{provider.Id}}","familyReference":"{{Sentinel}}""", Caller.Advocate()),
            (HttpMethod.Post, "/api/referrals", referral.Insert(1, $$"""  "{{Sentinel}}": "{{Sentinel}}", """), Caller.Advocate()),
            (HttpMethod.Post, "/api/referrals", referral.Replace($"\"providerId\":\"{provider.Id}\"", $"\"providerId\":\"{Sentinel}\"", StringComparison.Ordinal), Caller.Advocate()),
            (HttpMethod.Post, "/api/referrals", referral.Replace("\"familyReference\":\"FA-2026-0042\"", $"\"familyReference\":[\"{Sentinel}\"]", StringComparison.Ordinal), Caller.Advocate()),
            (HttpMethod.Post, "/api/referrals", $"[\"{Sentinel}\"]", Caller.Advocate()),
            (HttpMethod.Post, "/api/providers", "{\"profile\":{\"name\":{\"" + Sentinel + "\":1}}}", Caller.Admin),
            (HttpMethod.Put, $"/api/providers/{provider.Id}/profile", $$"""{"name":"{{Sentinel}}",}""", Caller.Admin),
        ];
        using var capture = api.Logs.Start();

        foreach (var (method, path, body, caller) in mistakes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (method == HttpMethod.Put) request.Headers.TryAddWithoutValidation("If-Match", provider.ETag);
            var response = await api.Anonymous.SendAsync(request.As(caller));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        AssertQuiet(api.Logs.Lines);
        // One line each, at Information.
        Assert.Equal(mistakes.Length, api.Logs.Lines.Count(l => l.Level == LogLevel.Information && l.Message.StartsWith("Refused a request body", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task a_lost_race_is_a_412_without_an_error_line_or_the_bodies_in_the_log()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var profile = ProviderScenarios.Onboarding().Profile;
        using var capture = api.Logs.Start();

        // Hold the stream's row so both writers get past their version check and meet in the database: one commits,
        // the other loses on the event version (the race the outside suite saw thousands of times).
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select 1 from mt_streams where id = $1 for update", holder, hold) { Parameters = { new() { Value = provider.Id } } })
            await lockRow.ExecuteNonQueryAsync();
        var writers = new[] { "one", "two" }.Select(n =>
            api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", profile with { Bio = $"{Sentinel} writer {n}" }, provider.ETag)).ToArray();
        await BlockedOnLocks(holder, 2);
        await hold.RollbackAsync();
        var answers = await Task.WhenAll(writers);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        AssertQuiet(api.Logs.Lines);
        // The loser met the winner in the database, and that is one Debug line.
        Assert.Single(api.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("lost a race", StringComparison.Ordinal));
    }

    private static void AssertQuiet(IReadOnlyCollection<CapturedLog> lines)
    {
        Assert.NotEmpty(lines); // the capture worked: the requests themselves log at Debug
        var leaks = lines.Where(l => l.Contains(Sentinel) || l.Level >= LogLevel.Error).ToList();
        Assert.True(leaks.Count == 0, $"Log lines with the request's content or at Error:\n{string.Join('\n', leaks)}");
    }

    /// <summary>Waits (for at most 15 s) until <paramref name="count"/> other sessions wait on a lock.</summary>
    private static async Task BlockedOnLocks(NpgsqlConnection connection, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()", connection);
        while ((long)(await waiting.ExecuteScalarAsync(deadline.Token))! < count)
            await Task.Delay(20, deadline.Token);
    }

    private static async Task<string> Json(object body) =>
        await System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: ProviderScenarios.Json).ReadAsStringAsync();
}
