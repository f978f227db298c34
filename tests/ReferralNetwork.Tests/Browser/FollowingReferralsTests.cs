using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// Cards a person can compare (fees, ages, languages, one availability sentence), and an advocate following a referral:
/// the provider named with how to reach them, the fee terms promised, and each step's time in the reader's zone.
/// </summary>
public sealed partial class FollowingReferralsTests(ApiFixture api, Fixtures.Browser browser)
{
    [Fact]
    public async Task a_card_words_fees_ages_languages_and_availability_so_providers_can_be_compared()
    {
        var name = $"Card Okafor {Guid.NewGuid().ToString("N")[..6]}";
        await api.Onboarded(ProviderScenarios.Onboarding(name, zip: "22305"));
        var advocate = await browser.NewPageAsync(api, Caller.Advocate());
        await advocate.GotoAsync("/search?near=22305&radiusMiles=1&sort=name");

        var card = advocate.Locator("li.card", new() { HasText = name });
        await Expect(card).ToContainTextAsync("Taking referrals: 2 free and 3 sliding-scale places, usual wait about 2 weeks");
        await Expect(card).ToContainTextAsync("Free for up to 12 sessions; $20–$80 a session, by income");
        await Expect(card).ToContainTextAsync("Child (6-12) and Adolescent (13-17)");
        await Expect(card).ToContainTextAsync("English and Spanish");
        await Expect(card).ToContainTextAsync("Under a mile away");
        // No referrals answered yet: no response figures at all (never "Accepts 100 %" from one case).
        await Expect(card).Not.ToContainTextAsync("answers");
        await Expect(card).Not.ToContainTextAsync("%");
        await advocate.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task an_advocate_follows_a_referral_with_the_providers_name_contact_promised_fees_and_local_times_also_on_a_phone()
    {
        var name = $"Follow Rivera {Guid.NewGuid().ToString("N")[..6]}";
        var reference = $"FA-2026-{Random.Shared.Next(1000, 9999)}";
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(name));
        Assert.Equal(HttpStatusCode.Created, (await api.Refer(ReferralScenarios.Request(provider.Id, reference))).StatusCode);

        var advocate = await browser.NewPageAsync(api, Caller.Advocate());
        await advocate.SetViewportSizeAsync(390, 844);
        await advocate.GotoAsync("/referrals");
        var item = advocate.Locator("li.card", new() { HasText = reference });
        await Expect(item).ToContainTextAsync($"{reference} to {name}");
        await Expect(item).ToContainTextAsync("jordan.rivera@example.org");
        await Expect(item).ToContainTextAsync("Free for up to 12 sessions");
        await Expect(item.Locator("time").First).ToHaveAttributeAsync("datetime", IsoUtc());
        await Expect(item).ToContainTextAsync("just now");
        Assert.True(await advocate.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "My referrals scrolls sideways at 390 px");
        await advocate.CheckAccessibilityAsync();
        await advocate.ScreenshotAsync("my-referrals-phone");

        // The referral: named, reachable, the promised terms, and times in the family's state's zone (Virginia: Eastern).
        await item.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(advocate.Locator("h1")).ToContainTextAsync($"Referral {reference} to {name}");
        await Expect(advocate.Locator("main")).ToContainTextAsync("How to reach them");
        await Expect(advocate.GetByRole(AriaRole.Link, new() { Name = "jordan.rivera@example.org" })).ToHaveAttributeAsync("href", "mailto:jordan.rivera@example.org");
        await Expect(advocate.Locator("main")).ToContainTextAsync("Fee terms promised");
        await Expect(advocate.Locator("ol.timeline time").First).ToHaveTextAsync(Zone("E"));
        Assert.True(await advocate.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The referral page scrolls sideways at 390 px");
        await advocate.CheckAccessibilityAsync();

        // A reader elsewhere picks their own zone; the choice is kept for the other pages.
        await advocate.GetByLabel("Show times in").SelectOptionAsync("America/Los_Angeles");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await Expect(advocate.Locator("ol.timeline time").First).ToHaveTextAsync(Zone("P"));
        await advocate.GotoAsync("/referrals");
        await Expect(advocate.Locator("li.card", new() { HasText = reference }).Locator("time").First).ToHaveTextAsync(Zone("P"));
        await advocate.SetViewportSizeAsync(1280, 900);
        await advocate.CheckAccessibilityAsync();
    }

    private static Regex Zone(string letter) => new($@"\d{{4}}, \d{{1,2}}:\d{{2}} [AP]M {letter}[SD]T$");

    private static Regex IsoUtc() => new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
}
