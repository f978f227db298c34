using System.Net;
using System.Net.Http.Json;
using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using ReferralNetwork.Tests.Providers;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>GET /api/referrals/{id}?asOf=…: the summary rebuilt from the referral's events up to an instant, read like any other.</summary>
public sealed class ReferralAsOfTests(ApiFixture api)
{
    [Fact]
    public async Task before_acceptance_the_referral_reads_as_requested_and_the_audit_row_keeps_asOf()
    {
        var (_, referral) = await api.Referred();
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        await using var session = api.Store.QuerySession();
        var requested = (await session.Events.FetchStreamAsync(referral))[0].Timestamp;
        var asOf = ProviderAsOfTests.Instant(requested);

        var response = await api.Client.GetAsync($"/api/referrals/{referral}?asOf={asOf}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = (await response.Content.ReadFromJsonAsync<ReferralSummary>(ProviderScenarios.Json))!;
        Assert.Equal(ReferralStatus.Requested, before.Status);
        Assert.Null(before.AcceptedAt);
        Assert.Equal(ReferralStatus.Accepted, (await api.Summary(referral)).Status);
        var reads = await session.Query<AccessRecord>().Where(r => r.SubjectId == referral && r.Action == AccessAudit.ReadReferral).ToListAsync();
        Assert.Contains(reads, r => r.Query == $"asOf={Uri.EscapeDataString(asOf)}");
    }

    [Fact]
    public async Task a_stranger_still_gets_404_and_before_the_request_is_a_404_that_says_so()
    {
        var (_, referral) = await api.Referred();
        await using var session = api.Store.QuerySession();
        var requested = (await session.Events.FetchStreamAsync(referral))[0].Timestamp;

        var stranger = await api.GetAs(Caller.Advocate("advocate-bea"), $"/api/referrals/{referral}?asOf={ProviderAsOfTests.Instant(requested)}");
        var tooEarly = await api.Client.GetAsync($"/api/referrals/{referral}?asOf={ProviderAsOfTests.Instant(requested.AddMinutes(-1))}");
        var badInstant = await api.Client.GetAsync($"/api/referrals/{referral}?asOf=last-tuesday");

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tooEarly.StatusCode);
        Assert.Contains("did not exist yet at that time", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badInstant.StatusCode);
        Assert.Contains("\"asOf\"", await badInstant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task erased_family_data_stays_erased_as_of_any_earlier_instant()
    {
        var (_, referral) = await api.Referred();
        await using var session = api.Store.QuerySession();
        var requested = (await session.Events.FetchStreamAsync(referral))[0].Timestamp;
        var erase = await api.Client.PostAsJsonAsync($"/api/referrals/{referral}/erase", new { reason = "Erasure request ER-2026-114" });
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

        var before = (await api.Client.GetFromJsonAsync<ReferralSummary>($"/api/referrals/{referral}?asOf={ProviderAsOfTests.Instant(requested)}", ProviderScenarios.Json))!;

        Assert.Equal(EraseReferralEndpoint.Erased, before.FamilyReference);
        Assert.Null(before.Note);
        Assert.DoesNotContain("FA-2026-0042", System.Text.Json.JsonSerializer.Serialize(before, ProviderScenarios.Json), StringComparison.Ordinal);
    }
}
