using System.Net;
using Npgsql;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Providers;

public sealed class ListingFreshnessTests(ApiFixture api)
{
    [Fact]
    public async Task onboarding_schedules_a_durable_freshness_check_sixty_days_out()
    {
        var before = DateTimeOffset.UtcNow;
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select execution_time from wolverine_incoming_envelopes where message_type = 'ReferralNetwork.Providers.CheckListingFreshness' and status = 'Scheduled' and position(convert_to(@id, 'UTF8') in body) > 0", connection);
        command.Parameters.AddWithValue("id", provider.Id.ToString());
        var at = (DateTime?)await command.ExecuteScalarAsync();

        Assert.NotNull(at);
        Assert.InRange(at!.Value.ToUniversalTime(), before.UtcDateTime.AddDays(60), DateTime.UtcNow.AddDays(60));
    }

    [Fact]
    public async Task an_unconfirmed_listing_goes_stale_and_a_confirmation_makes_it_fresh()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        await api.Host.InvokeMessageAndWaitAsync(new CheckListingFreshness(provider.Id, 1));

        var stale = await api.Listing(provider.Id);
        Assert.True(stale.Stale);
        var confirmed = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/confirm-availability", null, ProviderETag(stale.Version));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.False((await api.Listing(provider.Id)).Stale);
    }

    [Fact]
    public async Task a_check_scheduled_before_a_later_confirmation_does_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/confirm-availability", null, provider.ETag);

        await api.Host.InvokeMessageAndWaitAsync(new CheckListingFreshness(provider.Id, 1));
        Assert.False((await api.Listing(provider.Id)).Stale);

        await api.Host.InvokeMessageAndWaitAsync(new CheckListingFreshness(provider.Id, 2));
        var listing = await api.Listing(provider.Id);
        Assert.True(listing.Stale);
        Assert.Equal(6, listing.Version); // onboarding 4, confirmation, and the recorded reminder
    }

    private static string ProviderETag(long version) => $"\"{version}\"";
}
