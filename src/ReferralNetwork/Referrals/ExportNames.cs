using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Referrals;

/// <summary>
/// The names the CSV export writes beside the ids: each batch of rows asks only for the providers and people it has
/// not met yet, so a long export makes one small query per new batch, not one per row.
/// </summary>
internal sealed class ExportNames(IQuerySession session)
{
    public const int BatchSize = 500;

    private readonly Dictionary<Guid, string> _providers = [];
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);

    public async Task LearnAsync(IReadOnlyCollection<ReferralSummary> rows, CancellationToken ct)
    {
        var providers = rows.Select(r => r.ProviderId).Distinct().Where(id => !_providers.ContainsKey(id)).ToList();
        if (providers.Count > 0)
        {
            var named = await session.Query<ProviderListing>().Where(p => providers.Contains(p.Id))
                .Select(p => new ProviderName { Id = p.Id, Name = p.Name }).ToListAsync(ct);
            foreach (var id in providers) _providers[id] = named.FirstOrDefault(p => p.Id == id)?.Name ?? "";
        }
        var people = rows.Select(r => r.AdvocateId).Distinct().Where(id => !_people.ContainsKey(id)).ToList();
        if (people.Count > 0)
        {
            var named = await session.NamedAsync(people, ct);
            // Someone who never signed in here has no name on record: the cell stays empty rather than repeat the id.
            foreach (var id in people) _people[id] = named.TryGetValue(id, out var p) ? p.Name : "";
        }
    }

    public string Provider(Guid id) => _providers.GetValueOrDefault(id, "");

    public string Person(string id) => _people.GetValueOrDefault(id, "");
}
