using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Npgsql;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>Retries, races and deadlines: the parts of a referral that time and concurrency can break.</summary>
public sealed class ReferralConcurrencyTests(ApiFixture api)
{
    private async Task<int> ReferralsFor(Guid provider)
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<ReferralSummary>().CountAsync(r => r.ProviderId == provider);
    }

    // Stored answers outlive ResetAsync (Wolverine's table, kept 24 hours): a key of its own for every test and run.
    private readonly string _key = $"retry-{Guid.NewGuid():N}";

    [Fact]
    public async Task a_retry_with_the_same_key_and_body_returns_the_first_result_and_creates_nothing_more()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var request = ReferralScenarios.Request(provider.Id);

        var first = await api.Refer(request, idempotencyKey: _key);
        var second = await api.Refer(request, idempotencyKey: _key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await ReferralsFor(provider.Id));
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        await api.Refer(ReferralScenarios.Request(provider.Id), idempotencyKey: _key);

        var other = await api.Refer(ReferralScenarios.Request(provider.Id, "FA-2026-0099"), idempotencyKey: _key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await ReferralsFor(provider.Id));
    }

    [Fact]
    public async Task concurrent_retries_with_the_same_key_create_one_referral_and_all_get_its_answer()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        var request = ReferralScenarios.Request(provider.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.Refer(request, idempotencyKey: _key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await ReferralsFor(provider.Id));
    }

    [Fact]
    public async Task without_a_key_two_posts_are_two_referrals()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());

        await api.Refer(ReferralScenarios.Request(provider.Id));
        await api.Refer(ReferralScenarios.Request(provider.Id));

        Assert.Equal(2, await ReferralsFor(provider.Id));
    }

    [Fact]
    public async Task two_accepts_racing_for_the_last_slot_one_wins_and_the_listing_stops_accepting()
    {
        var sample = ProviderScenarios.Onboarding();
        var (provider, first) = await api.Referred(sample with { Availability = new ChangeAvailability(AcceptingStatus.Accepting, 1, 0, null) });
        var second = Guid.Parse((await api.Refer(ReferralScenarios.Request(provider))).Headers.Location!.ToString()[^36..]);

        var answers = await Task.WhenAll(api.Act(first, "accept"), api.Act(second, "accept"));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("no open pro-bono slot", (await loser.Problem()).GetProperty("detail").GetString());
        var listing = await api.Listing(provider);
        Assert.Equal(0, listing.Availability.OpenProBonoSlots);
        Assert.False(listing.Accepting);
        Assert.DoesNotContain(provider, (await api.Search("accepting=true&state=VA&pageSize=100")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task the_response_deadline_is_a_durable_scheduled_message_at_respond_by()
    {
        var (_, referral) = await api.Referred();
        var respondBy = (await api.Summary(referral)).RespondBy;

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select execution_time from wolverine_incoming_envelopes where message_type = 'ReferralNetwork.Referrals.ExpireReferral' and status = 'Scheduled' and position(convert_to(@id, 'UTF8') in body) > 0", connection);
        command.Parameters.AddWithValue("id", referral.ToString());
        var scheduled = await command.ExecuteScalarAsync();

        Assert.NotNull(scheduled);
        Assert.InRange(((DateTime)scheduled!).ToUniversalTime(), respondBy.UtcDateTime.AddSeconds(-1), respondBy.UtcDateTime.AddSeconds(1));
    }

    [Fact]
    public async Task an_unanswered_referral_expires_at_its_deadline_and_not_before()
    {
        var (_, referral) = await api.Referred();

        await api.Host.InvokeMessageAndWaitAsync(new ExpireReferral(referral));
        Assert.Equal(ReferralStatus.Requested, (await api.Summary(referral)).Status);

        using (api.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1)))
            await api.Host.InvokeMessageAndWaitAsync(new ExpireReferral(referral));

        var expired = await api.Summary(referral);
        Assert.Equal(ReferralStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAt);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Act(referral, "accept")).StatusCode);
    }

    [Fact]
    public async Task an_answered_referral_does_not_expire()
    {
        var (_, referral) = await api.Referred();
        await api.Act(referral, "waitlist", ReferralScenarios.BodyFor("waitlist"));

        using (api.Clock.Advance(TimeSpan.FromDays(6)))
            await api.Host.InvokeMessageAndWaitAsync(new ExpireReferral(referral));

        Assert.Equal(ReferralStatus.Waitlisted, (await api.Summary(referral)).Status);
    }

    [Fact]
    public async Task histories_list_every_event_in_order_with_who_did_it()
    {
        var (provider, referral) = await api.Referred();
        await api.Act(referral, "accept", caller: Caller.Provider(provider, "dr-rivera"));

        var referralHistory = await api.Client.GetFromJsonAsync<JsonElement>($"/api/referrals/{referral}/history");
        var providerHistory = await api.Client.GetFromJsonAsync<JsonElement>($"/api/providers/{provider}/history");

        var entries = referralHistory.EnumerateArray().ToArray();
        Assert.Equal(["referral_requested", "referral_accepted"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1L, 2L], entries.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(ReferralScenarios.Advocate, entries[0].GetProperty("userId").GetString());
        Assert.Equal("advocate", entries[0].GetProperty("role").GetString());
        Assert.Equal("dr-rivera", entries[1].GetProperty("userId").GetString());
        Assert.Equal("FA-2026-0042", entries[0].GetProperty("data").GetProperty("familyReference").GetString());
        Assert.Equal("slot_reserved", providerHistory.EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/referrals/{Guid.NewGuid()}/history")).StatusCode);
    }
}
