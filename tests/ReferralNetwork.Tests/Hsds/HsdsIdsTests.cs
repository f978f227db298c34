using ReferralNetwork.Hsds;

namespace ReferralNetwork.Tests.Hsds;

public sealed class HsdsIdsTests
{
    [Fact]
    public void ids_are_stable_distinct_per_kind_well_formed_and_lead_back_to_their_provider()
    {
        var provider = Guid.CreateVersion7();

        Guid[] ids = [HsdsIds.Service(provider), HsdsIds.Organization(provider), HsdsIds.Location(provider, 0), HsdsIds.Location(provider, 1),
            HsdsIds.Location(provider, null), HsdsIds.ServiceAtLocation(provider, 0), HsdsIds.ServiceAtLocation(provider, null), HsdsIds.Address(provider, 0)];

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain(provider, ids);
        Assert.Equal(HsdsIds.Service(provider), HsdsIds.Service(provider));
        Assert.Equal(provider, HsdsIds.ProviderOf("service", HsdsIds.Service(provider)));
        Assert.Equal(provider, HsdsIds.ProviderOf(HsdsIds.ServiceAtLocationKind(null), HsdsIds.ServiceAtLocation(provider, null)));
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(provider.Variant & 0b1100, id.Variant & 0b1100));
        // Fixed across releases: a consumer that stored an id finds the same service again.
        Assert.Equal(new Guid("8fb030c0-92d0-7d52-99a2-21bb99eefbc0"), HsdsIds.Service(HsdsIds.ProviderOf("service", new Guid("8fb030c0-92d0-7d52-99a2-21bb99eefbc0"))));
    }
}
