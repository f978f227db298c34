using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers;

/// <summary>
/// A rebuild (`projections rebuild`) with the provider projections' rebuild settings (large pages, one write per
/// provider per flush) must give back exactly the documents the inline projections wrote event by event.
/// </summary>
public sealed class ProjectionRebuildTests(ApiFixture api)
{
    [Fact]
    public async Task rebuilding_the_provider_projections_gives_the_same_documents()
    {
        var ct = TestContext.Current.CancellationToken;
        var changed = await api.Onboarded(ProviderScenarios.Onboarding(name: "Rebuild Check", zip: "22305"));
        var response = await api.Send(HttpMethod.Put, $"/api/providers/{changed.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Paused, 0, 1, 6), changed.ETag);
        response.EnsureSuccessStatusCode();
        var before = await DocumentsAsync(ct);
        Assert.Contains(changed.Id, before.Keys);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<Provider>(TimeSpan.FromMinutes(2), ct);
            await daemon.RebuildProjectionAsync<ProviderListingProjection>(TimeSpan.FromMinutes(2), ct);
        }

        var after = await DocumentsAsync(ct);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, json) in before) Assert.Equal(json, after[id]);
    }

    private async Task<Dictionary<Guid, string>> DocumentsAsync(CancellationToken ct)
    {
        await using var session = api.Store.QuerySession();
        var providers = await session.Query<Provider>().ToListAsync(ct);
        var listings = (await session.Query<ProviderListing>().ToListAsync(ct)).ToDictionary(l => l.Id);
        return providers.ToDictionary(p => p.Id, p => Microseconds(JsonSerializer.Serialize(p) + JsonSerializer.Serialize(listings.GetValueOrDefault(p.Id))));
    }

    // Written inline, a timestamp keeps .NET's 100 ns ticks; read back from PostgreSQL's timestamptz, microseconds.
    private static string Microseconds(string json) => System.Text.RegularExpressions.Regex.Replace(json, @"\.(\d{1,7})(?=[+\-Z])",
        m => m.Groups[1].Value[..Math.Min(6, m.Groups[1].Length)].TrimEnd('0') is { Length: > 0 } digits ? "." + digits : "");
}
