using System.Net;
using System.Net.Http.Json;
using JasperFx.Events.Daemon;
using Marten;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Verification;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers.Verification;

/// <summary>The queue's read model and filters: by state, by how long waiting, by where the review stands; expiring licences.</summary>
public sealed class VerificationQueueTests(ApiFixture api)
{
    private static OnboardProvider In(string name, string zip, string state) => ProviderScenarios.Onboarding(name, zip, state);

    [Fact]
    public async Task the_queue_filters_by_licence_or_practice_state_oldest_first_with_the_version_to_send_back()
    {
        await api.ResetAsync();
        var virginia = await api.Onboarded(In("Queue Virginia", "22314", "VA"), verify: false);
        var illinois = await api.Onboarded(In("Queue Illinois", "60614", "IL"), verify: false);
        await api.Onboarded(In("Queue Verified", "22314", "VA"));

        var all = await api.Queue();
        Assert.Equal([virginia.Id, illinois.Id], all.Items.Select(i => i.Provider.Id));
        Assert.Equal(2, all.Total);
        Assert.Equal(virginia.ETag, $"\"{all.Items[0].Version}\"");
        Assert.Equal([virginia.Id], (await api.Queue("state=VA")).Items.Select(i => i.Provider.Id));
        Assert.Equal([illinois.Id], (await api.Queue("state=il")).Items.Select(i => i.Provider.Id));
        Assert.Equal(2, (await api.Queue("state=DC")).Total); // both hold a DC licence
        Assert.Equal(0, (await api.Queue("state=TX")).Total);
    }

    [Fact]
    public async Task the_queue_filters_by_how_long_an_application_has_waited()
    {
        await api.ResetAsync();
        var early = await api.Onboarded(In("Waited Long", "22314", "VA"), verify: false);
        using (api.Clock.Advance(TimeSpan.FromDays(8)))
        {
            await api.Onboarded(In("Just Joined", "22314", "VA"), verify: false);
            Assert.Equal(2, (await api.Queue()).Total);
            Assert.Equal([early.Id], (await api.Queue("waitingDays=7")).Items.Select(i => i.Provider.Id));
            Assert.Equal(0, (await api.Queue("waitingDays=14")).Total);
        }
    }

    [Fact]
    public async Task the_queue_tells_waiting_for_the_provider_from_needs_a_decision_and_keeps_declined_apart()
    {
        await api.ResetAsync();
        var asked = await api.Onboarded(In("Asked Provider", "22314", "VA"), verify: false);
        var answered = await api.Onboarded(In("Answered Provider", "22314", "VA"), verify: false);
        var declined = await api.Onboarded(In("Declined Provider", "22314", "VA"), verify: false);
        var fresh = await api.Onboarded(In("Fresh Provider", "22314", "VA"), verify: false);
        (await api.Ask(asked.Id, asked.ETag)).EnsureSuccessStatusCode();
        (await api.Reply(answered.Id, (await api.Ask(answered.Id, answered.ETag)).Tag())).EnsureSuccessStatusCode();
        (await api.Decline(declined.Id, declined.ETag, new { reason = "identity-not-confirmed" })).EnsureSuccessStatusCode();

        Assert.Equal([asked.Id, answered.Id, fresh.Id], (await api.Queue()).Items.Select(i => i.Provider.Id));
        Assert.Equal([answered.Id, fresh.Id], (await api.Queue("show=needs-decision")).Items.Select(i => i.Provider.Id));
        Assert.Equal([asked.Id], (await api.Queue("show=waiting-for-provider")).Items.Select(i => i.Provider.Id));
        Assert.Equal([declined.Id], (await api.Queue("show=declined")).Items.Select(i => i.Provider.Id));
        Assert.Equal([ReviewStatus.InformationRequested, ReviewStatus.ProviderReplied, ReviewStatus.Waiting],
            (await api.Queue()).Items.Select(i => i.Provider.Review));
    }

    [Theory]
    [InlineData("state=ZZ", "state")]
    [InlineData("waitingDays=-1", "waitingDays")]
    [InlineData("waitingDays=99999", "waitingDays")]
    [InlineData("show=everyone", "show")]
    [InlineData("page=0", "page")]
    public async Task a_bad_filter_is_a_problem_naming_it(string query, string field)
    {
        var response = await api.Client.GetAsync($"/api/providers/unverified?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    [Fact]
    public async Task licences_that_expire_within_30_days_are_listed_for_verified_and_unverified_active_providers()
    {
        await api.ResetAsync();
        var today = ProviderScenarios.Today;
        OnboardProvider Expiring(string name, int days)
        {
            var c = In(name, "22314", "VA");
            return c with { Profile = c.Profile with { Licences = [c.Profile.Licences[0], new Licence("LICSW", "DC", "LC-" + days, today.AddDays(days))] } };
        }
        var soon = await api.Onboarded(Expiring("Expires Soon", 10));
        var unverified = await api.Onboarded(Expiring("Expires Unverified", 3), verify: false);
        await api.Onboarded(Expiring("Expires Later", 40));
        var gone = await api.Onboarded(Expiring("Expires Deactivated", 5));
        (await api.Send(HttpMethod.Post, $"/api/providers/{gone.Id}/deactivate", new DeactivateProvider("left"), gone.ETag)).EnsureSuccessStatusCode();

        var list = await api.Client.GetFromJsonAsync<ExpiringLicences>("/api/providers/expiring-licences", ProviderScenarios.Json);

        Assert.Equal([(unverified.Id, false, today.AddDays(3)), (soon.Id, true, today.AddDays(10))],
            list!.Items.Select(i => (i.ProviderId, i.Verified, i.Licence.ExpiresOn)));
        Assert.Equal((2, today.AddDays(30)), (list.Total, list.Until));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Client.GetAsync("/api/providers/expiring-licences?days=0")).StatusCode);
    }

    [Fact]
    public async Task rebuilding_the_verification_cases_gives_the_same_documents()
    {
        var ct = TestContext.Current.CancellationToken;
        var provider = await api.Onboarded(In("Rebuild Review", "22314", "VA"), verify: false);
        var asked = await api.Ask(provider.Id, provider.ETag);
        (await api.Reply(provider.Id, asked.Tag())).EnsureSuccessStatusCode();
        var before = await DocumentsAsync(ct);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<VerificationCaseProjection>(TimeSpan.FromMinutes(2), ct);

        Assert.Equal(before, await DocumentsAsync(ct));
        Assert.Contains(provider.Id.ToString(), before, StringComparison.Ordinal);
    }

    private async Task<string> DocumentsAsync(CancellationToken ct)
    {
        await using var session = api.Store.QuerySession();
        var cases = await session.Query<VerificationCase>().OrderBy(c => c.Id).ToListAsync(ct);
        // Written inline a timestamp keeps .NET's 100 ns ticks; rebuilt from timestamptz, microseconds: compare at that precision.
        return System.Text.RegularExpressions.Regex.Replace(System.Text.Json.JsonSerializer.Serialize(cases), @"\.(\d{1,7})(?=[+\-Z])",
            m => m.Groups[1].Value[..Math.Min(6, m.Groups[1].Length)].TrimEnd('0') is { Length: > 0 } digits ? "." + digits : "");
    }
}
