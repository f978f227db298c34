using ReferralNetwork.Hsds;

namespace ReferralNetwork.Tests.Hsds;

public static class HsdsRoutes
{
    /// <summary>An /hsds route with its {id} filled: the provider's own service, organization or place, or a taxonomy or term.</summary>
    public static string Fill(string path, Guid provider) => path.Split('/')[2] switch
    {
        "services" => path.Replace("{id}", HsdsIds.Service(provider).ToString(), StringComparison.Ordinal),
        "organizations" => path.Replace("{id}", HsdsIds.Organization(provider).ToString(), StringComparison.Ordinal),
        "service_at_locations" => path.Replace("{id}", HsdsIds.ServiceAtLocation(provider, 0).ToString(), StringComparison.Ordinal),
        "taxonomies" => path.Replace("{id}", HsdsTaxonomies.All[0].Id.ToString(), StringComparison.Ordinal),
        "taxonomy_terms" => path.Replace("{id}", HsdsTaxonomies.Terms[0].Id.ToString(), StringComparison.Ordinal),
        _ => path,
    };
}
