using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static ReferralNetwork.Tests.Browser.ProfileEditorTests;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// Two tabs on one profile. Both saving the same part: the later one keeps its typing beside what the earlier one saved,
/// and can save it again. Saving different parts: both go through (the API merges parts, docs/decisions).
/// </summary>
public sealed class ProfileConflictTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task the_same_part_saved_in_two_tabs_keeps_the_later_typing_beside_theirs_and_loses_nothing(int width)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Two Tabs {Guid.NewGuid().ToString("N")[..6]}"));
        var first = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        var second = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await second.SetViewportSizeAsync(width, 900);
        await first.GotoAsync($"/providers/{provider.Id}/edit");
        await second.GotoAsync($"/providers/{provider.Id}/edit");
        const string Bio = "What families and advocates should know about your practice";

        await first.GetByLabel(Bio).FillAsync("Theirs: weekends only.");
        await SaveAsync(first, "Save about you");
        await second.GetByLabel(Bio).FillAsync("Mine: evenings too.");
        await second.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save about you" }).ClickAsync();

        await Expect(second.Locator(".error-summary")).ToContainTextAsync("Someone else saved a change here after you opened the page");
        await Expect(second.GetByLabel(Bio)).ToHaveValueAsync("Mine: evenings too.");
        var changed = second.Locator("#bio-changed");
        await Expect(changed).ToContainTextAsync("Now: Theirs: weekends only.");
        await Expect(changed).ToContainTextAsync("Yours: Mine: evenings too.");
        await ExpectFitsAsync(second, width);
        await second.CheckAccessibilityAsync();
        if (width == 390) await second.ScreenshotAsync("profile-editor-conflict-phone");
        Assert.Equal("Theirs: weekends only.", (await api.Listing(provider.Id)).Bio);

        // Theirs seen, the person saves theirs on top.
        await SaveAsync(second, "Save about you");
        Assert.Equal("Mine: evenings too.", (await api.Listing(provider.Id)).Bio);
    }

    [Fact]
    public async Task the_same_availability_saved_in_two_tabs_shows_the_newer_numbers_beside_the_typed_ones()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Two Waits {Guid.NewGuid().ToString("N")[..6]}"));
        var first = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        var second = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await first.GotoAsync($"/providers/{provider.Id}/edit");
        await second.GotoAsync($"/providers/{provider.Id}/edit");

        await first.GetByLabel("Typical wait (weeks)").FillAsync("6");
        await SaveAsync(first, "Save availability");
        await second.GetByLabel("Typical wait (weeks)").FillAsync("9");
        await second.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();

        await Expect(second.GetByLabel("Typical wait (weeks)")).ToHaveValueAsync("9");
        await Expect(second.Locator("#availability-changed")).ToContainTextAsync("Now: 6 weeks");
        await Expect(second.Locator("#availability-changed")).ToContainTextAsync("Yours: 9 weeks");
        Assert.Equal(6, (await api.Listing(provider.Id)).Availability.TypicalWaitWeeks);
        // "Keep theirs" drops the typing and shows the listing as it is.
        await second.Locator("#availability-changed").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "keep theirs" }).ClickAsync();
        await Expect(second.GetByLabel("Typical wait (weeks)")).ToHaveValueAsync("6");
    }

    /// <summary>Passes once the API refuses a write only for a part changed since If-Match (issue 14, item 2).</summary>
    [Fact]
    public async Task different_parts_saved_in_two_tabs_both_go_through()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Two Parts {Guid.NewGuid().ToString("N")[..6]}"));
        var first = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        var second = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await first.GotoAsync($"/providers/{provider.Id}/edit");
        await second.GotoAsync($"/providers/{provider.Id}/edit");

        await first.GetByLabel("Typical wait (weeks)").FillAsync("5");
        await SaveAsync(first, "Save availability");
        await second.Locator("#own-tf-cbt").UncheckAsync();
        await SaveAsync(second, "Save specialties");
        await second.GetByLabel("What families and advocates should know about your practice").FillAsync("Both saved.");
        await SaveAsync(second, "Save about you");

        var listing = await api.Listing(provider.Id);
        Assert.Equal(5, listing.Availability.TypicalWaitWeeks);
        Assert.Equal(["cse-trafficking"], listing.Specialties);
        Assert.Equal("Both saved.", listing.Bio);
    }
}
