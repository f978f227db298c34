using System.Net;
using Microsoft.Playwright;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>The provider's profile editor under a concurrent change, and markup typed into every text field staying inert.</summary>
public sealed class ProviderPagesTests(ApiFixture api, Fixtures.Browser browser)
{
    private const string Script = "<script>alert('x')</script>", Image = "<img src=x onerror=alert('y')>";

    [Fact]
    public async Task a_stale_edit_is_refused_kindly_with_the_newer_values_and_overwrites_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Stale Edit {Guid.NewGuid().ToString("N")[..6]}"));
        var page = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await page.GotoAsync($"/providers/{provider.Id}/edit");
        await page.CheckAccessibilityAsync();
        await page.ScreenshotAsync("profile-editor");

        // Someone else (an admin) changes availability while the form is open: another part, so no conflict (ADR 0009).
        var changed = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability",
            new ChangeAvailability(AcceptingStatus.Paused, 0, 1, 6), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await page.GetByLabel("Lowest fee ($)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save fee terms" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByLabel("Taking referrals?")).ToHaveValueAsync("paused");

        // Then the admin changes the fee terms themselves: the page's next fee save is a true conflict.
        var etag = (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag;
        var terms = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/fee-terms",
            new ChangeFeeTerms(new ProBonoTerms(true, 12), new SlidingScaleTerms(true, 20, 80, true), "Reviewed every year"), etag);
        Assert.Equal(HttpStatusCode.OK, terms.StatusCode);

        await page.GetByLabel("Lowest fee ($)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save fee terms" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else saved a change here after you opened the page");
        await Expect(page.GetByLabel("Insurance notes")).ToHaveValueAsync("Reviewed every year");
        Assert.Equal(20m, (await api.Listing(provider.Id)).FeeTerms.SlidingScale.MinFeeUsd);

        // With the newer version the same change goes through.
        await page.GetByLabel("Lowest fee ($)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save fee terms" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        Assert.Equal(5m, (await api.Listing(provider.Id)).FeeTerms.SlidingScale.MinFeeUsd);
    }

    [Fact]
    public async Task markup_and_script_in_every_text_field_are_shown_as_text_and_never_run()
    {
        var sample = ProviderScenarios.Onboarding($"Markup {Guid.NewGuid().ToString("N")[..6]}");
        var provider = await api.Onboarded(sample with
        {
            Profile = sample.Profile with
            {
                Bio = Script + Image,
                Locations = [sample.Profile.Locations[0] with { Name = Script, Street = "1 " + Image }],
            },
            FeeTerms = sample.FeeTerms with { InsuranceNotes = Image },
        });
        // (A guardian contact must look like a phone number or email address, so markup cannot get in there at all.)
        var request = ReferralScenarios.Request(provider.Id) with { Note = Script + Image };
        var sent = await api.Refer(request);
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var referral = Guid.Parse(sent.Headers.Location!.ToString()[^36..]);
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "decline", new DeclineReferral(DeclineReason.Other, Image + Script))).StatusCode);

        var dialogs = new List<string>();
        var advocate = await browser.NewPageAsync(api, Caller.Advocate());
        advocate.FailOnDialogs(dialogs);
        await advocate.GotoAsync($"/providers/{provider.Id}");
        await Expect(advocate.Locator("main")).ToContainTextAsync(Script + Image);
        await advocate.CheckAccessibilityAsync();
        await advocate.GotoAsync($"/search?state=VA&accepting=true&fee=pro-bono&sort=name&near={Uri.EscapeDataString(Script)}");
        await Expect(advocate.Locator(".field-error").First).ToBeVisibleAsync();
        await advocate.GotoAsync($"/referrals/{referral}");
        await Expect(advocate.Locator("main")).ToContainTextAsync(Image + Script);
        await advocate.GotoAsync($"/sign-in?returnUrl={Uri.EscapeDataString("javascript:alert(1)//" + Script)}");
        await advocate.GotoAsync($"/status/{Uri.EscapeDataString("404")}?x={Uri.EscapeDataString(Script)}");

        Assert.Empty(dialogs);
        Assert.Equal(0, await advocate.Locator("main img").CountAsync());
    }

    [Fact]
    public async Task the_sign_in_status_and_profile_pages_pass_the_accessibility_check()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Checked Page {Guid.NewGuid().ToString("N")[..6]}"));
        var page = await browser.NewPageAsync(api);
        await page.GotoAsync("/sign-in");
        await page.CheckAccessibilityAsync();
        await page.ScreenshotAsync("sign-in");
        await page.GotoAsync("/status/404");
        await page.CheckAccessibilityAsync();

        // Keyboard only: the skip link is the first stop, and the sign-in form works with Space, Tab and Enter.
        await page.GotoAsync("/sign-in");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await page.GetByLabel("Ana Advocate (demo)").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Sign in");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search");
        // The header's Sign out button (a form post with its antiforgery token).
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await page.GotoAsync("/sign-out");
        await page.CheckAccessibilityAsync();
        await page.GotoAsync("/referrals");
        await page.WaitForURLAsync("**/sign-in?returnUrl=%2Freferrals");

        var own = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await own.GotoAsync($"/providers/{provider.Id}");
        await Expect(own.GetByRole(AriaRole.Link, new() { Name = "Edit this profile" })).ToBeVisibleAsync();
        await own.CheckAccessibilityAsync();
        var other = await own.GotoAsync($"/providers/{Guid.NewGuid()}");
        Assert.Equal(404, other!.Status);
    }
}
