using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Searching;

/// <summary>A provider as an administrator picks one: enough to tell two of the same name apart.</summary>
public sealed class ProviderName
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public IReadOnlyList<string> Credentials { get; set; } = [];
    public string[] PracticeStates { get; set; } = [];
    public bool Verified { get; set; }
    public bool Active { get; set; }
}

public sealed record ProvidersFound(IReadOnlyList<ProviderName> Items, bool More);

/// <summary>
/// Administrators find providers by name (any provider: unverified and deactivated too), through a trigram index on
/// the listing's lower-cased name, so any part of a name is found at 100,000 providers without reading them all.
/// </summary>
public static class FindProvidersEndpoint
{
    public static ProblemDetails Validate(HttpRequest request)
    {
        var (lookup, problems) = NameLookup.Parse(request.Query);
        if (lookup is not null) problems.Require(lookup.Ids.All(id => Guid.TryParse(id, out _)), "id", "must be a provider id (a GUID)");
        return problems.ToProblemDetails();
    }

    /// <summary>By name: providers whose name holds the text (any case), an exact name first, then by name. By id: those that exist.</summary>
    [WolverineGet("/api/providers/names", OperationId = "findProviders"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Find providers by name")]
    public static async Task<ProvidersFound> Get(HttpRequest request, IQuerySession session, CancellationToken ct, string? name = null)
    {
        var lookup = NameLookup.Parse(request.Query).Lookup!;
        var listings = session.Query<ProviderListing>();
        if (lookup.Name is null)
        {
            var ids = lookup.Ids.Select(Guid.Parse).ToList();
            return new ProvidersFound(await Shown(listings.Where(p => ids.Contains(p.Id))).ToListAsync(ct), false);
        }

        var text = lookup.Name.ToLowerInvariant();
        var found = (await Shown(listings.Where(p => p.SortName.Contains(text)).OrderBy(p => p.SortName).ThenBy(p => p.Id))
                .Take(NameLookup.Limit + 1).ToListAsync(ct))
            .OrderByDescending(p => NameLookup.SameName(p.Name, text)).ToList();
        return new ProvidersFound(found.Take(NameLookup.Limit).ToList(), found.Count > NameLookup.Limit);
    }

    private static IQueryable<ProviderName> Shown(IQueryable<ProviderListing> listings) => listings.Select(p => new ProviderName
    {
        Id = p.Id,
        Name = p.Name,
        Credentials = p.Credentials,
        PracticeStates = p.PracticeStates,
        Verified = p.Verified,
        Active = p.Active,
    });
}
