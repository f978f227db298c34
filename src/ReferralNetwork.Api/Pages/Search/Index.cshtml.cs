using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Search;

/// <summary>An advocate's provider search: the filters of GET /api/providers as a GET form, so a search is a link.</summary>
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
    /// <summary>The form's one fee question ("free", "40" for up to $40 a session); it becomes the API's fee and maxFee.</summary>
    [BindProperty(SupportsGet = true)] public string? Cost { get; set; }
    [BindProperty(SupportsGet = true)] public bool Accepting { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public int PageNumber => Paging.Requested(Request);

    public ProviderSearchResults? Results { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;
    /// <summary>A ZIP and a state that disagree: what the page did about it, in words.</summary>
    public string? PlaceNote { get; private set; }
    public ZipCentroid? Centre { get; private set; }
    public IReadOnlyList<WayOut> WaysOut { get; private set; } = [];
    /// <summary>The form was sent with neither a ZIP nor a state.</summary>
    public bool EmptySubmit { get; private set; }
    public bool Searched => Near is not null || State is not null;

    public SearchQuery Search => new(Near, RadiusMiles, State, Telehealth, Specialty, AgeGroup, Language, Fee, MaxFee, Accepting, Sort);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ApplyCost();
        if (!Searched)
        {
            EmptySubmit = Request.Query.Count > 0;
            if (EmptySubmit) Problems = new FormProblems([new FormProblem("Enter the family's ZIP code or choose their state, then search.", "near")]);
            return;
        }
        if (Near is not null && ZipCentroids.Default.TryFind(Near, out var centre))
        {
            Centre = centre;
            if (State is not null && !string.Equals(State, centre.State, StringComparison.OrdinalIgnoreCase))
            {
                // The API searches around the ZIP and ignores the state; say so, and search as the ZIP's state.
                PlaceNote = $"{centre.Zip} is in {Regions.Find(centre.State)?.Name ?? centre.State}, not {Regions.Find(State)?.Name ?? State}: showing providers near {centre.Zip}.";
                State = null;
            }
        }
        var result = await api.GetAsync<ProviderSearchResults>($"/api/providers?{Search.ToApiQueryString(PageNumber)}", ct);
        Results = result.Value;
        Problems = ProblemWords.Read(result, Inputs);
        if (Results is { Total: 0 }) WaysOut = await WayOut.FindAsync(Search, Centre, api, ct);
    }

    // The API's query parameter for each input: the form's one fee question stands for fee and maxFee, and a specialty
    // problem links to the first situation box.
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["near"] = "near",
        ["radiusMiles"] = "radiusMiles",
        ["state"] = "state",
        ["ageGroup"] = "ageGroup",
        ["language"] = "language",
        ["fee"] = "cost",
        ["maxFee"] = "cost",
        ["sort"] = "sort",
        ["specialty"] = "specialty-" + ReferralNetwork.Taxonomy.TraumaSpecialties.All.First(s => s.Kind == "population").Code,
    };

    /// <summary>The form's fee choice: "free" is the API's pro bono; a number is the most the family can pay a session.</summary>
    private void ApplyCost()
    {
        if (Cost is null) return;
        (Fee, MaxFee) = (null, null);
        if (Cost == "free") Fee = "pro-bono";
        else if (decimal.TryParse(Cost, NumberStyles.Number, CultureInfo.InvariantCulture, out var most)) MaxFee = most;
    }

    /// <summary>The map of this page's results near the ZIP, or null when there is no ZIP or nothing to show on it.</summary>
    public string? MapSvg()
    {
        if (Centre is null || Results is not { Items.Count: > 0 } results) return null;
        var markers = MapMarker.For(Centre, results);
        return markers.Count == 0 ? null : ResultsMap.Svg(Centre, markers, MapMarker.Summary(Centre, markers, results.Items.Count - markers.Count));
    }

    /// <summary>How many filters beyond the place are chosen (shown on the folded "Filters").</summary>
    public int FiltersChosen => Specialty.Length + (AgeGroup is null ? 0 : 1) + (Language is null ? 0 : 1) + (Fee is null && MaxFee is null ? 0 : 1)
        + (Accepting ? 1 : 0) + (Telehealth ? 1 : 0);

    /// <summary>The fee choice the form shows for this search.</summary>
    public string CostChoice => Fee == "pro-bono" ? "free" : MaxFee?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>This search as a query string, at another page (the pager's links).</summary>
    public string Query(int page) => Search.ToQueryString(page);

    /// <summary>The send-referral form, pre-filled with what this search asked for.</summary>
    public string ReferLink(ProviderSearchItem provider)
    {
        var state = State ?? Centre?.State ?? provider.Locations.FirstOrDefault()?.State;
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
