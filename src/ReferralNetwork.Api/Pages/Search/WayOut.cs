using System.Globalization;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>A search that finds nothing offers these: a changed search that does find providers, with how many.</summary>
public sealed record WayOut(string Text, string Link)
{
    // Radii tried, smallest first, up to the API's own limit (never a copy of it).
    private static readonly double[] Radii = [50, 100, 200, ProviderSearch.MaxRadiusMiles];

    /// <summary>
    /// Runs the alternatives through the same API (a page of one, for its total): a wider radius, telehealth into the
    /// family's state, and dropping the one filter whose absence finds the most. Only asked when a search found
    /// nothing: up to four radii, one telehealth search and one per chosen filter, well inside the search rate limit.
    /// </summary>
    public static async Task<IReadOnlyList<WayOut>> FindAsync(SearchQuery search, ZipCentroid? centre, ApiClient api, CancellationToken ct)
    {
        var ways = new List<WayOut>();
        if (search.Near is not null && centre is not null)
        {
            foreach (var radius in Radii.Where(r => r > (search.RadiusMiles ?? ProviderSearch.DefaultRadiusMiles)))
            {
                var wider = search with { RadiusMiles = radius };
                if (await CountAsync(wider, api, ct) is > 0 and var found)
                {
                    ways.Add(new($"{Providers(found)} within {radius.ToString("0", CultureInfo.InvariantCulture)} miles", LinkTo(wider)));
                    break;
                }
            }
        }
        var familyState = search.State ?? centre?.State;
        if (!search.Telehealth && familyState is not null)
        {
            var telehealth = search with { Telehealth = true };
            if (await CountAsync(telehealth, api, ct) is > 0 and var found)
                ways.Add(new($"{Providers(found)} by telehealth into {Regions.Find(familyState)?.Name ?? familyState}", LinkTo(telehealth)));
        }
        WayOut? best = null;
        long most = 0;
        foreach (var (without, label) in Filters(search))
        {
            if (await CountAsync(without, api, ct) is var found && found > most)
                (most, best) = (found, new($"{Providers(found)} if you drop {label}", LinkTo(without)));
        }
        if (best is not null) ways.Add(best);
        return ways;
    }

    /// <summary>The search without each filter in turn, with the filter's name as a person would say it.</summary>
    private static IEnumerable<(SearchQuery Without, string Label)> Filters(SearchQuery s)
    {
        foreach (var code in s.Specialty)
            yield return (s with { Specialty = [.. s.Specialty.Where(c => c != code)] }, Display.Specialty(code));
        if (s.AgeGroup is not null) yield return (s with { AgeGroup = null }, "the age group");
        if (s.Language is not null) yield return (s with { Language = null }, Display.Language(s.Language));
        if (s.Fee is not null || s.MaxFee is not null) yield return (s with { Fee = null, MaxFee = null }, "the fee limit");
        if (s.Accepting) yield return (s with { Accepting = false }, "\"taking referrals now\"");
    }

    private static async Task<long> CountAsync(SearchQuery search, ApiClient api, CancellationToken ct)
    {
        var result = await api.GetAsync<ProviderSearchResults>($"/api/providers?{search.ToApiQueryString(pageSize: 1)}", ct);
        return result.Ok ? result.Value!.Total : 0;
    }

    private static string LinkTo(SearchQuery search) => $"/search?{search.ToQueryString()}";

    private static string Providers(long count) => count == 1 ? "1 provider" : $"{count.ToString(CultureInfo.InvariantCulture)} providers";
}
