using Marten;
using ReferralNetwork.Demo;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Http;

namespace ReferralNetwork.Tests.Demo;

public sealed class DemoNetworkTests(ApiFixture api)
{
    private static readonly OnboardProvider[] Network = DemoNetwork.Generate(DemoNetwork.DefaultSize, seed: 2026, ProviderScenarios.Today).ToArray();

    [Fact]
    public void the_demo_network_covers_every_state_and_dc_with_valid_onboardings()
    {
        Assert.Equal(2000, Network.Length);
        Assert.Equal(Regions.All.Select(r => r.Code).Order(), Network.SelectMany(p => p.Profile.Licences.Select(l => l.State)).Distinct().Order());
        Assert.All(Network, p => Assert.Same(WolverineContinue.NoProblems, OnboardProviderEndpoint.Validate(p, TimeProvider.System)));
    }

    [Fact]
    public void the_demo_network_is_clearly_synthetic_and_realistically_mixed()
    {
        Assert.All(Network, p =>
        {
            Assert.Equal(DemoNetwork.Marker, p.Profile.Bio);
            Assert.EndsWith("@demo.example.org", p.Profile.Contact.Email);
            Assert.All(p.Profile.Licences, l => Assert.StartsWith("DEMO-", l.Number));
        });
        Assert.InRange(Network.Count(p => p.FeeTerms.ProBono.Offered) / 2000.0, 0.3, 0.6);
        Assert.InRange(Network.Count(p => p.Availability.Status == AcceptingStatus.Accepting) / 2000.0, 0.55, 0.75);
        Assert.InRange(Network.Count(p => p.Profile.TelehealthStates.Count > 0) / 2000.0, 0.3, 0.7);
        Assert.InRange(Network.Count(p => p.Profile.Languages.Contains("es")) / 2000.0, 0.15, 0.35);
        Assert.True(Network.Select(p => p.Specialties.Count).Distinct().Count() > 2);
    }

    [Fact]
    public void the_same_seed_gives_the_same_network()
    {
        var again = DemoNetwork.Generate(50, seed: 2026, ProviderScenarios.Today).Select(p => (p.Profile.Name, p.Profile.Contact.Email, p.Profile.Locations.FirstOrDefault()?.Zip));

        Assert.Equal(Network.Take(50).Select(p => (p.Profile.Name, p.Profile.Contact.Email, p.Profile.Locations.FirstOrDefault()?.Zip)), again);
    }

    [Fact]
    public async Task seeding_fills_an_empty_database_once_and_marks_it_as_demo_data()
    {
        await api.ResetAsync();
        var seeder = new DemoNetworkSeeder(api.Store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DemoNetworkSeeder>.Instance, size: 120);

        await seeder.StartAsync(TestContext.Current.CancellationToken);
        await seeder.ExecuteTask!;
        await using var session = api.Store.QuerySession();
        Assert.Equal(120, await session.Query<ProviderListing>().CountAsync());
        var marker = await session.LoadAsync<DemoNetworkMarker>(DemoNetworkMarker.TheId);
        Assert.Equal(120, marker!.Providers);

        var second = new DemoNetworkSeeder(api.Store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DemoNetworkSeeder>.Instance, size: 120);
        await second.StartAsync(TestContext.Current.CancellationToken);
        await second.ExecuteTask!;
        Assert.Equal(120, await session.Query<ProviderListing>().CountAsync());
        var searchable = await api.Search("verified=true&pageSize=1");
        Assert.InRange(searchable.Total, 90, 110); // six in seven are verified
    }
}
