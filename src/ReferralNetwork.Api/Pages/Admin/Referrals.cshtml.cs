using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>
/// The full referral history with every filter of GET /api/referrals, and the same filter as CSV. Providers and
/// advocates are picked by name (<see cref="NamePick"/>); links carry the ids they resolved to.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ReferralsModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? Advocate { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderId { get; set; }
    [BindProperty(SupportsGet = true)] public string? AdvocateId { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public NamePick ProviderPick { get; private set; } = NamePick.None;
    public NamePick AdvocatePick { get; private set; } = NamePick.None;
    public ReferralPage? Referrals { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>The names of the providers and advocates on this page of results, by id.</summary>
    public IReadOnlyDictionary<Guid, string> ProviderNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> AdvocateNames { get; private set; } = new Dictionary<string, string>();

    public NamePickField ProviderField => new("provider", "Provider", "Part of the provider’s name", ProviderPick, ProviderNames.Values, Problems, this);
    public NamePickField AdvocateField => new("advocate", "Advocate", "Part of the advocate’s name, or their user id", AdvocatePick, AdvocateNames.Values, Problems, this);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var providerPick = NamePick.ProviderAsync(api, Provider, ProviderId, ct);
        var advocatePick = NamePick.AdvocateAsync(api, Advocate, AdvocateId, ct);
        (ProviderPick, AdvocatePick) = (await providerPick, await advocatePick);
        var picked = new[] { (ProviderPick, "provider"), (AdvocatePick, "advocate") }
            .Where(p => p.Item1.Message is not null).Select(p => new FormProblem(p.Item1.Message!, p.Item2)).ToList();
        if (!ProviderPick.Settled || !AdvocatePick.Settled)
        {
            Problems = new FormProblems(picked);
            return;
        }

        var result = await api.GetAsync<ReferralPage>($"/api/referrals?pageSize=50&{Filters(PageNumber)}", ct);
        Referrals = result.Value;
        Problems = ProblemWords.Read(result, new Dictionary<string, string>
        {
            ["providerId"] = "provider",
            ["advocateId"] = "advocate",
            ["state"] = "state",
            ["status"] = "status",
            ["from"] = "from",
            ["to"] = "to",
        });
        if (Referrals is { Items.Count: > 0 } list) await NameAsync(list, ct);
    }

    // One lookup for each kind, for the at most 50 rows of the page.
    private async Task NameAsync(ReferralPage list, CancellationToken ct)
    {
        var providers = api.GetAsync<ProvidersFound>("/api/providers/names?" + Ids(list.Items.Select(r => r.ProviderId.ToString())), ct);
        var people = api.GetAsync<PeopleFound>("/api/people?" + Ids(list.Items.Select(r => r.AdvocateId)), ct);
        ProviderNames = (await providers).Value?.Items.ToDictionary(p => p.Id, p => p.Name) ?? [];
        AdvocateNames = (await people).Value?.Items.ToDictionary(p => p.Id, p => p.Name) ?? [];

        static string Ids(IEnumerable<string> ids) => string.Join('&', ids.Distinct().Select(id => $"id={Uri.EscapeDataString(id)}"));
    }

    /// <summary>The filters as the API takes them (ids), for the pager, the CSV link and each choice (which swaps in its own id).</summary>
    public string Filters(int page, string? providerId = null, string? advocateId = null) => string.Join('&', new (string, string?)[]
        {
            ("providerId", providerId ?? ProviderPick.Id), ("advocateId", advocateId ?? AdvocatePick.Id),
            ("state", State), ("status", Status), ("from", From), ("to", To),
            ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2!.Trim())}"));

    /// <summary>A choice's link: this one's id, and the other filter as it was typed when it is not settled either.</summary>
    public string Choose(string field, string id) => field == "provider"
        ? Filters(1, providerId: id) + (AdvocatePick.Settled ? "" : $"&advocate={Uri.EscapeDataString(AdvocatePick.Text)}")
        : Filters(1, advocateId: id) + (ProviderPick.Settled ? "" : $"&provider={Uri.EscapeDataString(ProviderPick.Text)}");
}
