using System.Globalization;
using System.Net.Http.Json;
using Marten.Events;
using Microsoft.Playwright;
using ReferralNetwork.Network;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Marten;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>An administrator reads the unmet need on the dashboard's map, and the same numbers in its table, at desktop width and on a phone.</summary>
public sealed class DashboardPageTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task the_map_shades_states_by_accepting_providers_marks_gaps_and_its_table_has_the_same_numbers(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Providers in three more states; California's has no open pro bono slot, so it is a gap although it is served.
        await api.Onboarded(ProviderScenarios.Onboarding($"Map Moreno {tag}"));
        await api.Onboarded(ProviderScenarios.Onboarding($"Map Nakamura {tag}", zip: "78701", state: "TX"));
        await api.Onboarded(ProviderScenarios.Onboarding($"Map Okafor {tag}", zip: "10001", state: "NY"));
        var noFreePlace = ProviderScenarios.Onboarding($"Map Petrov {tag}", zip: "94110", state: "CA");
        await api.Onboarded(noFreePlace with { Availability = noFreePlace.Availability with { OpenProBonoSlots = 0 } });
        var (_, referral) = await api.Referred();
        foreach (var action in new[] { "accept", "schedule" }) await api.Act(referral, action, ReferralScenarios.BodyFor(action));
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));
        var report = (await api.Client.GetFromJsonAsync<NetworkReport>("/api/network/stats", ProviderScenarios.Json))!;

        var page = await browser.NewPageAsync(api, Caller.Admin);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/admin/dashboard");

        var map = page.Locator("svg.coverage-map");
        await Expect(map).ToBeVisibleAsync();
        foreach (var code in new[] { "VA", "TX", "CA" })
        {
            var numbers = report.CapacityByState.Single(c => c.State == code);
            var state = map.Locator($"g.state[data-state={code}]");
            await Expect(state).ToHaveAttributeAsync("data-providers", numbers.AcceptingProviders.ToString(CultureInfo.InvariantCulture));
            Assert.NotEqual("#f4f6f8", await state.Locator("path").First.GetAttributeAsync("fill")); // shaded, not the "none" step
            var row = await page.Locator($"table.coverage-table tr[data-state={code}] td").AllTextContentsAsync();
            Assert.Equal([$"{numbers.AcceptingProviders}", $"{numbers.OpenProBonoSlots}", $"{numbers.OpenSlidingScaleSlots}"], row.Take(3));
            // The state's name on the map says the table's numbers.
            var name = await state.Locator("title").TextContentAsync();
            Assert.StartsWith($"{ReferralNetwork.Geography.Regions.Find(code)!.Name}: {Counted(numbers.AcceptingProviders, "accepting provider")}, {Counted(numbers.OpenProBonoSlots, "open pro bono slot")}", name, StringComparison.Ordinal);
        }
        await Expect(map.GetByRole(AriaRole.Img, new() { Name = "Texas:", Exact = false })).ToHaveCountAsync(1);
        await Expect(map.Locator("g.state[data-state=CA] path.gap")).ToHaveCountAsync(1);
        await Expect(map.Locator("g.state[data-state=TX] path.gap")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.coverage-table tr[data-state=CA] td").Last).ToContainTextAsync("No open pro bono slot");
        await Expect(page.Locator("table.coverage-table tr[data-state=WY] td").Last).ToHaveTextAsync("No accepting provider");
        await Expect(page.Locator("table.coverage-table tbody tr")).ToHaveCountAsync(51);

        // The week chart counts the accepted-then-scheduled referral once; no chart says "1 states".
        await Expect(page.Locator("#weeks-desc")).ToContainTextAsync("each counted once");
        Assert.DoesNotMatch(@"\b1 (states|referrals|slots|hours)\b", await page.Locator("main").InnerTextAsync() + await page.Locator("main").EvaluateAsync<string>("m => [...m.querySelectorAll('svg text')].map(t => t.textContent).join(' ')"));

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the dashboard at {width} px is {widths[0]} px wide");
        var mapWidth = await map.EvaluateAsync<double>("m => m.getBoundingClientRect().width");
        Assert.True(mapWidth <= width, $"the map is {mapWidth} px wide in a {width} px window");
        await page.CheckAccessibilityAsync();
        if (width < 600) await page.Locator("figure.coverage").ScreenshotAsync("dashboard-map-phone", maxHeight: 1300);
        else await page.Locator("figure.coverage").ScreenshotAsync("dashboard-map", maxHeight: 1100);
    }

    private static string Counted(int n, string one) => n == 1 ? $"1 {one}" : $"{n:N0} {one}s";
}
