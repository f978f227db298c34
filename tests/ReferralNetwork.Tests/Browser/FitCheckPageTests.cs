using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// On a provider's page an advocate checks the family's needs before typing anything about them: a mismatch is
/// named need by need, a match offers "Refer this family", and the referral form starts from the same answers.
/// </summary>
public sealed class FitCheckPageTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task an_advocate_checks_fit_sees_the_mismatch_then_the_match_and_starts_the_referral_from_it(int width)
    {
        var name = $"Fit Rivera {Guid.NewGuid().ToString("N")[..6]}";
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(name));
        var page = await browser.NewPageAsync(api, Caller.Advocate());
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.GotoAsync($"/providers/{provider.Id}");
        var fit = page.Locator("#fit");

        // Sent empty: the problems are listed at the top, each field marked.
        await fit.GetByRole(AriaRole.Button, new() { Name = "Check fit" }).ClickAsync();
        await Expect(fit.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await Expect(fit.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose the child's age group");
        await Expect(page.GetByLabel("Child's age group")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.CheckAccessibilityAsync();

        // A family whose child the provider does not see: that need, and only it, does not fit.
        await page.GetByLabel("Commercial sexual exploitation", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Child's age group").SelectOptionAsync("adult");
        await page.GetByLabel("Family's language").SelectOptionAsync("es");
        await page.GetByLabel("Family's state").SelectOptionAsync("VA");
        await page.GetByLabel("Nothing: free (pro bono) sessions").CheckAsync();
        await fit.GetByRole(AriaRole.Button, new() { Name = "Check fit" }).ClickAsync();
        var result = page.Locator("#fit-result");
        await Expect(result).ToContainTextAsync("Doesn't fit: Child's age. Doesn't see the age group Adult (25+). Sees: Child (6-12) and Adolescent (13-17)");
        await Expect(result).ToContainTextAsync("Fits: Language. Works in Spanish");
        await Expect(result).ToContainTextAsync($"You can't refer this family to {name} now.");
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "Refer this family" })).ToHaveCountAsync(0);
        await page.CheckAccessibilityAsync();
        await NoSidewaysScrollingAsync(page, width);
        if (width < 600) await page.ScreenshotAsync("fit-check-phone");

        // The same family with a child of 6-12, within a budget: everything fits, and the referral can go now.
        await page.GetByLabel("Child's age group").SelectOptionAsync("child");
        await page.GetByLabel("Telehealth would suit the family").CheckAsync();
        await fit.GetByRole(AriaRole.Button, new() { Name = "Check fit" }).ClickAsync();
        await Expect(result).ToContainTextAsync("You can refer this family now.");
        await Expect(result).Not.ToContainTextAsync("Doesn't fit");
        await Expect(result).ToContainTextAsync("Fits: Where. Can see the family in person in Virginia");
        await page.CheckAccessibilityAsync();
        await NoSidewaysScrollingAsync(page, width);
        if (width >= 600) await page.ScreenshotAsync("fit-check");

        // The referral form starts from those answers, and offers only the ages this provider sees.
        await result.GetByRole(AriaRole.Link, new() { Name = "Refer this family" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/referrals/new\\?"));
        await Expect(page.GetByLabel("Child's age group")).ToHaveValueAsync("child");
        await Expect(page.GetByLabel("Child's age group").Locator("option")).ToHaveTextAsync(["Choose…", "Child (6-12)", "Adolescent (13-17)"]);
        await Expect(page.GetByLabel("Family's language")).ToHaveValueAsync("es");
        await Expect(page.GetByLabel("Family's state")).ToHaveValueAsync("VA");
        await Expect(page.GetByLabel("Fee terms the family needs")).ToHaveValueAsync("pro-bono");
        await Expect(page.GetByLabel("Commercial sexual exploitation", new() { Exact = false })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Telehealth suits the family")).ToBeCheckedAsync();
        await page.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task the_referral_form_offers_the_override_when_a_fee_kind_has_no_open_place()
    {
        // Taking referrals, but no pro bono place: a pro bono referral needs the recorded override, so the form offers it.
        var provider = await api.Onboarded(ProviderScenarios.Onboarding() with { Availability = new ReferralNetwork.Providers.ChangeAvailability(ReferralNetwork.Providers.AcceptingStatus.Accepting, 0, 3, 2) });
        var page = await browser.NewPageAsync(api, Caller.Advocate());

        await page.GotoAsync($"/referrals/new?providerId={provider.Id}&fee=pro-bono");

        await Expect(page.GetByLabel("Send although this provider has no place open for this family now")).ToBeVisibleAsync();
    }

    /// <summary>The fit check itself never makes the page wider than the screen (WCAG 1.4.10).</summary>
    private static async Task NoSidewaysScrollingAsync(IPage page, int width)
    {
        var right = await page.Locator("#fit").EvaluateAsync<double>("e => Math.max(e.getBoundingClientRect().right, ...[...e.querySelectorAll('*')].map(c => c.getBoundingClientRect().right))");
        Assert.True(right <= width, $"the fit check reaches {right} px on a {width} px screen");
    }
}
