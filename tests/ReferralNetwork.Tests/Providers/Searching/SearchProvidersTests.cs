using ReferralNetwork.Geography;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers.Searching;

public sealed class SearchProvidersTests(ApiFixture api) : IAsyncLifetime
{
    private SearchNetwork n = null!;

    public async ValueTask InitializeAsync() => n = await SearchNetwork.Seed(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string[]> Found(string query) =>
        (await api.Search(query)).Items.Select(i => n.NameOf(i.Id)).ToArray();

    /// <summary>Haversine written out independently of the app's GreatCircle, on the shipped ZIP centroids.</summary>
    private static double MilesBetweenZips(string a, string b)
    {
        ZipCentroids.Default.TryFind(a, out var p);
        ZipCentroids.Default.TryFind(b, out var q);
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(q.Latitude - p.Latitude) / 2), 2) +
                Math.Cos(Rad(p.Latitude)) * Math.Cos(Rad(q.Latitude)) * Math.Pow(Math.Sin(Rad(q.Longitude - p.Longitude) / 2), 2);
        return 2 * 3958.7613 * Math.Asin(Math.Sqrt(h));
    }

    [Fact]
    public async Task near_a_zip_finds_practices_within_the_radius_ordered_by_hand_computed_distance()
    {
        var results = await api.Search("near=22314&radiusMiles=60");

        Assert.Equal(["Alexandria", "Washington", "Baltimore"], results.Items.Select(i => n.NameOf(i.Id)));
        Assert.Equal(0, results.Items[0].DistanceMiles);
        Assert.Equal(Math.Round(MilesBetweenZips("22314", "20001"), 1), results.Items[1].DistanceMiles);
        Assert.Equal(Math.Round(MilesBetweenZips("22314", "21201"), 1), results.Items[2].DistanceMiles);
        Assert.All(results.Items, i => Assert.Equal("in-person", i.MatchedBy));
        Assert.True(MilesBetweenZips("22314", "23219") > 60); // Richmond is outside, as the results say
    }

    [Fact]
    public async Task a_small_radius_keeps_only_the_nearest()
    {
        Assert.Equal(["Alexandria", "Washington"], await Found("near=22314&radiusMiles=25"));
        Assert.Equal(["Alexandria"], await Found("near=22314&radiusMiles=1"));
    }

    [Fact]
    public async Task telehealth_adds_providers_licensed_into_the_familys_state_after_the_nearby_ones()
    {
        var results = await api.Search("near=22314&radiusMiles=25&telehealth=true");

        Assert.Equal(["Alexandria", "Washington", "Richmond"], results.Items.Select(i => n.NameOf(i.Id)));
        Assert.Equal("telehealth", results.Items[2].MatchedBy);
        Assert.Equal(Math.Round(MilesBetweenZips("22314", "23219"), 1), results.Items[2].DistanceMiles);
    }

    [Fact]
    public async Task a_state_search_lists_practices_in_the_state_by_name_and_telehealth_adds_licensed_ones()
    {
        Assert.Equal(["Alexandria", "Richmond"], await Found("state=VA"));
        Assert.Equal(["Alexandria", "Washington", "Richmond"], await Found("state=va&telehealth=true"));
        Assert.Equal(["LosAngeles"], await Found("state=CA&telehealth=true"));
        Assert.Empty(await Found("state=CA"));
    }

    [Fact]
    public async Task specialties_must_all_match_and_say_which_matched()
    {
        Assert.Equal(["Washington", "Richmond"], await Found("specialty=emdr"));
        Assert.Equal(["Alexandria"], await Found("specialty=tf-cbt&specialty=cse-trafficking"));
        var results = await api.Search("specialty=EMDR&state=VA");
        Assert.Equal(["emdr"], results.Items.Single().MatchedSpecialties);
    }

    [Fact]
    public async Task language_and_age_group_filter()
    {
        Assert.Equal(["Alexandria"], await Found("language=es"));
        Assert.Equal(["Alexandria", "Richmond", "LosAngeles"], await Found("ageGroup=child"));
        Assert.Equal(["Alexandria", "Richmond"], await Found("ageGroup=child&state=VA"));
    }

    [Fact]
    public async Task fee_terms_filter_pro_bono_and_sliding_scale_up_to_a_maximum()
    {
        Assert.Equal(["Alexandria", "Baltimore", "LosAngeles"], await Found("fee=pro-bono"));
        Assert.Equal(["Alexandria", "Washington", "Richmond", "LosAngeles"], await Found("fee=sliding-scale"));
        Assert.Equal(["Alexandria", "Washington", "LosAngeles"], await Found("fee=sliding-scale&maxFee=50"));
        // Without fee=, a maximum accepts anyone the family can afford: pro bono, or a sliding scale starting at or below it.
        Assert.Equal(["Alexandria", "Baltimore", "LosAngeles"], await Found("maxFee=30"));
    }

    [Fact]
    public async Task accepting_filters_on_availability()
    {
        Assert.DoesNotContain("Richmond", await Found("accepting=true"));
        Assert.Equal(["Richmond"], await Found("accepting=false"));
    }

    [Fact]
    public async Task taking_referrals_first_puts_those_not_taking_any_last_then_orders_by_distance_or_name()
    {
        // Richmond is the nearest to its own ZIP but not taking referrals; by name it comes before LosAngeles (Emery).
        Assert.Equal("Richmond", (await Found("near=23219&radiusMiles=300"))[0]);
        Assert.Equal(["Washington", "Alexandria", "Baltimore", "Richmond"], await Found("near=20001&radiusMiles=300&sort=taking-referrals-first"));
        Assert.Equal(["Alexandria", "Washington", "Baltimore", "LosAngeles", "Richmond"], await Found("sort=taking-referrals-first"));
        Assert.Equal(["Alexandria", "Washington", "Baltimore", "Richmond", "LosAngeles"], await Found("sort=name"));
    }

    [Fact]
    public async Task unverified_providers_are_hidden_unless_asked_for_and_deactivated_never_appear()
    {
        Assert.DoesNotContain("Unverified", await Found("state=VA"));
        Assert.Equal(["Unverified"], await Found("verified=false"));
        Assert.Equal(["Alexandria", "Unverified"], await Found("verified=any&near=22314&radiusMiles=1"));
        Assert.DoesNotContain("Deactivated", await Found("verified=any&pageSize=100"));
    }

    [Fact]
    public async Task filters_combine()
    {
        Assert.Equal(["Washington"], await Found("near=22314&radiusMiles=25&telehealth=true&specialty=emdr&ageGroup=adolescent&fee=sliding-scale&maxFee=40&accepting=true"));
    }

    [Fact]
    public async Task pages_are_stable_complete_and_say_the_total()
    {
        var all = await Found("pageSize=100");
        var page1 = await api.Search("pageSize=2&page=1");
        var page2 = await api.Search("pageSize=2&page=2");
        var page3 = await api.Search("pageSize=2&page=3");
        var past = await api.Search("pageSize=2&page=4");

        Assert.Equal(5, all.Length);
        Assert.All([page1, page2, page3, past], p => Assert.Equal(5, p.Total));
        Assert.Equal(all, page1.Items.Concat(page2.Items).Concat(page3.Items).Select(i => n.NameOf(i.Id)));
        Assert.Single(page3.Items);
        Assert.Empty(past.Items);
        Assert.Equal(all, await Found("pageSize=100")); // deterministic
    }

    [Fact]
    public async Task no_match_is_an_empty_page_not_an_error()
    {
        var results = await api.Search("state=WY");

        Assert.Empty(results.Items);
        Assert.Equal(0, results.Total);
    }
}
