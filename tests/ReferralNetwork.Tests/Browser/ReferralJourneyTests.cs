using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// The whole loop in a real browser: an advocate finds a provider near a ZIP and sends a referral; the provider
/// accepts and schedules it; the advocate sees the new status. Every page on the way passes axe.
/// </summary>
public sealed class ReferralJourneyTests(ApiFixture api, Fixtures.Browser browser)
{
    [Fact]
    public async Task an_advocate_refers_a_family_the_provider_accepts_and_schedules_and_the_advocate_sees_it()
    {
        var name = $"Journey Rivera {Guid.NewGuid().ToString("N")[..6]}";
        // Its own ZIP, so that the many providers other tests place in 22314 cannot push it off the first page.
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(name, zip: "22302"));
        var reference = $"FA-2026-{Random.Shared.Next(1000, 9999)}";

        // The advocate signs in on the real sign-in page and searches near 22302.
        var advocate = await browser.NewPageAsync(api);
        await advocate.SignInAsync("Ana Advocate (demo)");
        await Expect(advocate).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search$"));
        await advocate.GetByLabel("Near ZIP code").FillAsync("22302");
        await advocate.GetByLabel("Within (miles)").FillAsync("1");
        await advocate.GetByLabel("Language").SelectOptionAsync("es");
        await advocate.GetByLabel("What the family can pay").SelectOptionAsync("free");
        await advocate.GetByText("Treatments (optional)").ClickAsync();
        await advocate.GetByLabel("Trauma-Focused Cognitive Behavioral Therapy", new() { Exact = false }).CheckAsync();
        await advocate.GetByLabel("Only providers taking referrals now").CheckAsync();
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var card = advocate.Locator("li.card", new() { HasText = name });
        await Expect(card).ToContainTextAsync("Under a mile away");
        await advocate.CheckAccessibilityAsync();
        await advocate.ScreenshotAsync("search");

        // The form is pre-filled from the search: only the case reference, age group and urgency are left.
        await card.GetByRole(AriaRole.Link, new() { Name = $"Refer a family to {name}" }).ClickAsync();
        await Expect(advocate.GetByLabel("Family's language")).ToHaveValueAsync("es");
        await Expect(advocate.GetByLabel("Family's state")).ToHaveValueAsync("VA");
        // A name where the case number goes is refused next to the field, and the form keeps what was typed.
        await advocate.GetByLabel("Family reference (your case number)").FillAsync("Emma Smith");
        await advocate.GetByLabel("Child's age group").SelectOptionAsync("child");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Expect(advocate.Locator("#familyReference-error")).ToContainTextAsync("not a name");
        await Expect(advocate.GetByLabel("Family reference (your case number)")).ToHaveAttributeAsync("aria-describedby", "familyReference-error");
        await advocate.GetByLabel("Family reference (your case number)").FillAsync(reference);
        await advocate.GetByLabel("Child's age group").SelectOptionAsync("child");
        await advocate.GetByLabel("Urgency").SelectOptionAsync("urgent");
        await advocate.CheckAccessibilityAsync();
        await advocate.ScreenshotAsync("referral-form");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Expect(advocate.GetByRole(AriaRole.Status)).ToContainTextAsync("Referral sent");
        await Expect(advocate.Locator("h1")).ToContainTextAsync("Requested");
        var referralUrl = new Uri(advocate.Url).AbsolutePath;

        // The provider (signed in with a token bound to this provider) finds it in the inbox, accepts and schedules.
        var providerPage = await browser.NewPageAsync(api, Caller.Provider(provider.Id, "dr-journey"));
        await providerPage.GotoAsync("/inbox");
        await providerPage.CheckAccessibilityAsync();
        await providerPage.ScreenshotAsync("inbox");
        await providerPage.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(providerPage.Locator("h1")).ToContainTextAsync("Viewed");
        await providerPage.CheckAccessibilityAsync();
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted.");
        await providerPage.GetByLabel("First session on").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"));
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Status)).ToContainTextAsync("First session scheduled.");
        await providerPage.ScreenshotAsync("referral");

        // The advocate sees the new status, in the list and on the referral.
        await advocate.GotoAsync("/referrals");
        await Expect(advocate.Locator("li.card", new() { HasText = reference })).ToContainTextAsync("Scheduled");
        await advocate.CheckAccessibilityAsync();
        await advocate.GotoAsync(referralUrl);
        await Expect(advocate.Locator("ol.timeline")).ToContainTextAsync("First session scheduled");
    }
}
