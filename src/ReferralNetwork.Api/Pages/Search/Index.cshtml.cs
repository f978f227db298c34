using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>An advocate's provider search: every filter of GET /api/providers as a GET form, so a search is a link.</summary>
[Authorize(Policy = Policies.Directory)]
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Near { get; set; }
    [BindProperty(SupportsGet = true)] public double? RadiusMiles { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Telehealth { get; set; }
    [BindProperty(SupportsGet = true)] public string[] Specialty { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? AgeGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fee { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MaxFee { get; set; }
    [BindProperty(SupportsGet = true)] public bool Accepting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public ProviderSearchResults? Results { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;
    public bool Searched => Near is not null || State is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Searched) return;
        var result = await api.GetAsync<ProviderSearchResults>($"/api/providers?{Query(PageNumber)}", ct);
        Results = result.Value;
        Problems = ProblemWords.Read(result, Inputs);
    }

    // The API's query parameter for each input; a specialty problem links to the first box.
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["near"] = "near",
        ["radiusMiles"] = "radiusMiles",
        ["state"] = "state",
        ["ageGroup"] = "ageGroup",
        ["language"] = "language",
        ["fee"] = "fee",
        ["maxFee"] = "maxFee",
        ["sort"] = "sort",
        ["specialty"] = "specialty-" + ReferralNetwork.Taxonomy.TraumaSpecialties.All[0].Code,
    };

    /// <summary>This search as a query string, at another page (the pager's links).</summary>
    public string Query(int page)
    {
        var parts = new List<(string, string?)>
        {
            ("near", Near), ("radiusMiles", RadiusMiles?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("state", State),
            ("telehealth", Telehealth ? "true" : null), ("ageGroup", AgeGroup), ("language", Language), ("fee", Fee),
            ("maxFee", MaxFee?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("accepting", Accepting ? "true" : null),
            ("sort", Sort), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        parts.AddRange(Specialty.Select(s => ("specialty", (string?)s)));
        return string.Join('&', parts.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
    }

    /// <summary>The send-referral form, pre-filled with what this search asked for.</summary>
    public string ReferLink(ProviderSearchItem provider)
    {
        var state = State ?? provider.Locations.FirstOrDefault()?.State;
        var parts = new List<string> { $"providerId={provider.Id}" };
        parts.AddRange(provider.MatchedSpecialties.Select(s => $"specialty={Uri.EscapeDataString(s)}"));
        if (AgeGroup is not null) parts.Add($"ageGroup={Uri.EscapeDataString(AgeGroup)}");
        if (Language is not null) parts.Add($"language={Uri.EscapeDataString(Language)}");
        if (state is not null) parts.Add($"state={Uri.EscapeDataString(state)}");
        if (Fee is not null) parts.Add($"fee={Uri.EscapeDataString(Fee)}");
        if (provider.MatchedBy == "telehealth") parts.Add("telehealth=true");
        return "/referrals/new?" + string.Join('&', parts);
    }
}
