using System.Net;
using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>The advocate's pages on a phone: nothing scrolls sideways from 320 CSS px up, and results come first.</summary>
public sealed class PhoneLayoutTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(320), InlineData(390)]
    public async Task no_advocate_page_scrolls_sideways(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Reflow Rivera {tag}", zip: "22301"));
        var sent = await api.Refer(ReferralScenarios.Request(provider.Id, $"FA-2026-{Random.Shared.Next(1000, 9999)}"), advocate: "demo-advocate-ana");
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referral = sent.Headers.Location!.ToString()[^36..];

        var page = await browser.NewPageAsync(api);
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync("Ana Advocate (demo)");
        string[] paths =
        [
            "/search", "/search?near=22301&radiusMiles=5&telehealth=true", "/search?near=22301&language=ug&specialty=siblings",
            $"/providers/{provider.Id}", $"/referrals/new?providerId={provider.Id}", "/referrals", $"/referrals/{referral}",
        ];
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, inner) = (widths[0], widths[1]);
            Assert.True(scroll <= inner, $"{path} at {width} px is {scroll} px wide");
            await page.CheckAccessibilityAsync();
        }
    }

    [Fact]
    public async Task on_a_phone_the_filters_fold_away_and_the_first_result_is_near_the_top()
    {
        await api.Onboarded(ProviderScenarios.Onboarding($"Phone Rivera {Guid.NewGuid().ToString("N")[..6]}", zip: "22301"));
        var page = await browser.NewPageAsync(api);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync("Ana Advocate (demo)");
        await page.GotoAsync("/search?near=22301&radiusMiles=5&specialty=tf-cbt&language=es");

        await Expect(page.Locator("details.filters")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("details.filters > summary")).ToHaveTextAsync("Filters (2 chosen)");
        var top = await page.Locator("li.card").First.EvaluateAsync<double>("card => card.getBoundingClientRect().top + window.scrollY");
        Assert.True(top < 900, $"the first result starts {top} px down");

        // The skip link takes the keyboard straight to the results.
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to results" }).ClickAsync();
        await Expect(page.Locator("#results-heading")).ToBeFocusedAsync();

        // Tabs from the top of the page to the first "Refer", and from "Skip to results".
        await page.GotoAsync("/search?near=22301&radiusMiles=5&specialty=tf-cbt&language=es");
        var fromTop = await TabsToFirstReferAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to results" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var fromResults = await TabsToFirstReferAsync(page);
        TestContext.Current.TestOutputHelper?.WriteLine($"Tabs to the first Refer: {fromTop} from the top of the page, {fromResults} from the results heading");
        Assert.True(fromTop <= 20, $"{fromTop} Tabs from the top of the page to the first Refer");
        Assert.True(fromResults <= 3, $"{fromResults} Tabs from the results to the first Refer");
    }

    private static async Task<int> TabsToFirstReferAsync(IPage page)
    {
        for (var tabs = 1; tabs <= 80; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            var text = await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''");
            if (text.StartsWith("Refer a family", StringComparison.Ordinal)) return tabs;
        }
        return int.MaxValue;
    }
}
