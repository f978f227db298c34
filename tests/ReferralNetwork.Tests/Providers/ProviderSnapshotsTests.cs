using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>The write model is an inline snapshot; a database from before it gets its snapshots built at start-up.</summary>
public sealed class ProviderSnapshotsTests(ApiFixture api)
{
    [Fact]
    public async Task every_write_keeps_the_snapshot_at_the_stream_version()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(zip: "22305"));
        var changed = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Paused, 0, 1, 6), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await using var session = api.Store.QuerySession();
        var snapshot = await session.LoadAsync<Provider>(provider.Id, TestContext.Current.CancellationToken);
        var stream = await session.Events.FetchStreamStateAsync(provider.Id, TestContext.Current.CancellationToken);
        Assert.NotNull(snapshot);
        Assert.Equal(stream!.Version, snapshot.Version);
        Assert.Equal(AcceptingStatus.Paused, snapshot.Availability.Status);
    }

    [Fact]
    public async Task missing_snapshots_are_built_from_the_events_at_start_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(zip: "22305"));
        await using (var database = NpgsqlDataSource.Create(api.ConnectionString))
        await using (var delete = database.CreateCommand("DELETE FROM public.mt_doc_provider WHERE id = $1"))
        {
            delete.Parameters.AddWithValue(provider.Id);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync(ct));
        }
        // Without its snapshot, the provider's stream cannot be written to: the database of an older version.
        var refused = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Accepting, 1, 1, 2), provider.ETag);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var startUp = api.Services.GetServices<IHostedService>().OfType<ProviderSnapshots>().Single();
        await startUp.StartAsync(ct);

        await using (var session = api.Store.QuerySession())
            Assert.Equal(provider.Id, (await session.LoadAsync<Provider>(provider.Id, ct))?.Id);
        var changed = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Accepting, 1, 1, 2), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }
}
