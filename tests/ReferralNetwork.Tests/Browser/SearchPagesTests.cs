using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>The advocate's search: the form asks as a family would answer, an empty result offers ways out, and a map.</summary>
public sealed class SearchPagesTests(ApiFixture api, Fixtures.Browser browser)
{
    /// <summary>A provider in Illinois with the given place and needs (Uyghur, "siblings": nobody else's test data has both).</summary>
    private Task<ProviderScenarios.Written> Illinois(string name, string zip, string[] languages, string[] telehealth)
    {
        var sample = ProviderScenarios.Onboarding(name, zip, "IL");
        return api.Onboarded(sample with
        {
            Profile = sample.Profile with
            {
                Licences = [new Licence("LCSW", "IL", "149-0001", ProviderScenarios.Today.AddYears(2))],
                Locations = [new PracticeAddress(null, "1 Main St", "City", "IL", zip)],
                TelehealthStates = telehealth,
                Languages = languages,
            },
            Specialties = ["tf-cbt", "siblings"],
        });
    }

    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task a_search_that_finds_nobody_offers_computed_ways_out_each_a_working_link_with_its_count(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await api.ResetAsync();
        await Illinois($"Lincoln Park {tag}", "60614", ["en"], []);              // near, but no Uyghur
        await Illinois($"Joliet {tag}", "60431", ["en", "ug"], []);              // 35 miles away
        await Illinois($"Springfield {tag}", "62701", ["en", "ug"], ["IL"]);     // 180 miles away, telehealth into Illinois

        var page = await browser.NewPageAsync(api);
        await page.SetViewportSizeAsync(width, 844);
        await page.SignInAsync("Ana Advocate (demo)");
        await page.GotoAsync("/search?near=60614&radiusMiles=25&language=ug&specialty=siblings&specialty=tf-cbt&cost=free");

        await Expect(page.Locator("h2#results-heading")).ToHaveTextAsync("No providers found");
        var ways = page.Locator("ul.ways-out a");
        await Expect(ways).ToHaveTextAsync(["1 provider within 50 miles", "1 provider by telehealth into Illinois", "1 provider if you drop Uyghur"]);
        await page.CheckAccessibilityAsync();
        if (width > 1000) await page.ScreenshotAsync("search-ways-out");

        await ways.Nth(0).ClickAsync();
        await Expect(page.Locator("h2#results-heading")).ToHaveTextAsync("1 provider found");
        await Expect(page.Locator("li.card")).ToContainTextAsync($"Joliet {tag}");
        await page.GoBackAsync();
        await ways.Nth(1).ClickAsync();
        await Expect(page.Locator("li.card")).ToContainTextAsync($"Springfield {tag}");
        await page.GoBackAsync();
        await ways.Nth(2).ClickAsync();
        await Expect(page.Locator("li.card")).ToContainTextAsync($"Lincoln Park {tag}");
    }

    [Fact]
    public async Task the_form_asks_the_situation_first_common_languages_first_and_keeps_to_the_servers_limits()
    {
        var page = await browser.NewPageAsync(api);
        await page.SignInAsync("Ana Advocate (demo)");
        await page.GotoAsync("/search");

        // An empty search says what to do instead of doing nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        // It is the page's one error summary, which links to the ZIP box.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the family's ZIP code or choose their state, then search.");
        await Expect(page.GetByLabel("Near ZIP code")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.CheckAccessibilityAsync();

        // The radius agrees with the API's limit; the family's situation comes before the optional treatments, folded away.
        await Expect(page.GetByLabel("Within (miles)")).ToHaveAttributeAsync("max", "300");
        var legends = await page.Locator("form legend").AllTextContentsAsync();
        Assert.Equal(["The family's situation", "Treatments the provider practises"], legends);
        await Expect(page.Locator("details.treatments")).Not.ToHaveAttributeAsync("open", "");
        var languages = await page.Locator("#language option").AllTextContentsAsync();
        Assert.Equal(["Any language", "English", "Spanish", "Chinese"], languages.Take(4));
        Assert.DoesNotContain("Avestan", languages);
        Assert.DoesNotContain("Volapük", languages);
        Assert.Contains("Yoruba", languages);
        var fees = await page.Locator("#cost option").AllTextContentsAsync();
        Assert.Equal(["Any fee", "Free (pro bono)", "Up to $20 a session", "Up to $40 a session", "Up to $60 a session", "Up to $100 a session"], fees);
        await Expect(page.GetByLabel("Order")).ToHaveValueAsync("taking-referrals-first");
        // Hidden from the form, still valid in the API.
        Assert.True((await api.Client.GetAsync("/api/providers?state=VA&language=ae")).IsSuccessStatusCode);

        // A ZIP and a state that disagree are explained, and the ZIP wins.
        await page.GotoAsync("/search?near=22314&state=MD");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("22314 is in Virginia, not Maryland: showing providers near 22314.");
        await Expect(page.GetByLabel("Or the family's state")).ToHaveValueAsync("");
    }

    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task the_map_has_one_numbered_marker_per_result_matching_the_list(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (zip, i) in new[] { "59808", "59801", "59802" }.Select((z, i) => (z, i)))
            await api.Onboarded(ProviderScenarios.Onboarding($"Missoula {i} {tag}", zip, "MT"));
        var page = await browser.NewPageAsync(api);
        await page.SetViewportSizeAsync(width, 844);
        await page.SignInAsync("Ana Advocate (demo)");
        await page.GotoAsync("/search?near=59801&radiusMiles=20&sort=nearest");

        var cards = page.Locator("li.card");
        await Expect(cards.First).ToBeVisibleAsync();
        var numbers = (await page.Locator("li.card h3 .number").AllTextContentsAsync()).Select(n => n.TrimEnd('.')).ToArray();
        Assert.True(numbers.Length >= 3);
        Assert.Equal(Enumerable.Range(1, numbers.Length).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers);
        var map = page.Locator("figure.map svg[role=img]");
        await Expect(map.Locator("title")).ToHaveTextAsync("Map of the providers near 59801");
        var names = await page.Locator("li.card h3 a").AllTextContentsAsync();
        var desc = await map.Locator("desc").TextContentAsync();
        foreach (var (name, number) in names.Zip(numbers)) Assert.Contains($"{number} {name},", desc);
        Assert.Contains($"Missoula 1 {tag}, 0 miles", desc);
        var markers = await map.Locator("g.marker").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.number + '=' + m.textContent)");
        Assert.Equal(numbers.Select(n => $"{n}={n}").Order(), markers.Order());
        await Expect(map.Locator("g.searched")).ToContainTextAsync("ZIP 59801");
        await page.CheckAccessibilityAsync();
    }
}
