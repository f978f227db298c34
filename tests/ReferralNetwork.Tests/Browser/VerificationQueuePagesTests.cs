using Microsoft.Playwright;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using ReferralNetwork.Tests.Providers.Verification;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// A small staff runs the verification queue: filter by state and by how long waiting, ask for more information,
/// decline, verify (each message naming the provider), and see the licences that expire soon; the provider reads the
/// request or the decline on their own page and answers. At desktop width and at 390 px, axe at 0 serious/critical.
/// </summary>
public sealed class VerificationQueuePagesTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task an_admin_filters_the_queue_asks_declines_and_verifies_by_name(int width)
    {
        await api.ResetAsync();
        var today = ProviderScenarios.Today;
        var dana = await api.Onboarded(ProviderScenarios.Onboarding("Dana Reyes"), verify: false);
        var ilse = await api.Onboarded(ProviderScenarios.Onboarding("Ilse Park", zip: "60614", state: "IL"), verify: false);
        var expiring = ProviderScenarios.Onboarding("Ana Expiring");
        await api.Onboarded(expiring with
        {
            Profile = expiring.Profile with
            {
                Licences = [expiring.Profile.Licences[0], new Licence("LICSW", "DC", "LC-7001", today.AddDays(12))],
            }
        });
        var admin = await browser.NewPageAsync(api, Caller.Admin);
        await admin.SetViewportSizeAsync(width, 900);

        await admin.GotoAsync("/admin/verification");
        await Expect(admin.Locator("#queue-count")).ToHaveTextAsync("2 providers waiting, longest waiting first.");
        await CheckPageAsync(admin, width);
        await admin.ScreenshotAsync(width == 390 ? "verification-queue-phone" : "verification-queue");

        // Filters are a plain GET form: pick a state by its name, then how long waiting.
        await admin.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Illinois" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show providers" }).ClickAsync();
        await Expect(admin.Locator("#queue-count")).ToHaveTextAsync("1 provider waiting in Illinois, longest waiting first.");
        await Expect(admin.Locator("li.card h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Ilse Park"));
        await admin.GetByLabel("Waiting").SelectOptionAsync(new SelectOptionValue { Label = "More than 7 days" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show providers" }).ClickAsync();
        await Expect(admin.Locator("#queue-count")).ToHaveTextAsync("0 providers waiting in Illinois for more than 7 days, longest waiting first.");
        using (api.Clock.Advance(TimeSpan.FromDays(8)))
        {
            await admin.ReloadAsync();
            await Expect(admin.Locator("#queue-count")).ToContainTextAsync("1 provider waiting");
        }

        // Decline Ilse's application: a reason is needed, "another reason" needs a note; the filters survive the post.
        await admin.GotoAsync("/admin/verification?state=IL");
        var ilseCard = admin.Locator("li.card", new() { HasText = "Ilse Park" });
        await ilseCard.GetByText("Decline Ilse Park's application").ClickAsync();
        await ilseCard.GetByLabel("Why").SelectOptionAsync(new SelectOptionValue { Label = "Another reason (see the note)" });
        await ilseCard.GetByRole(AriaRole.Button, new() { Name = "Decline the application" }).ClickAsync();
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("Say in the note why the application is declined");
        await Expect(admin.GetByLabel("State")).ToHaveValueAsync("IL");
        await CheckPageAsync(admin, width);
        ilseCard = admin.Locator("li.card", new() { HasText = "Ilse Park" });
        await ilseCard.GetByLabel("Why").SelectOptionAsync(new SelectOptionValue { Label = "We could not find the licence with the board that issued it" });
        await ilseCard.GetByRole(AriaRole.Button, new() { Name = "Decline the application" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ilse Park's application is declined. They see the reason on their profile page.");
        await Expect(admin.Locator("li.card")).ToHaveCountAsync(0);
        Assert.Equal(ReviewStatus.Declined, (await api.Review(ilse.Id)).Review);

        // Ask Dana for more: an empty message is refused in words beside the field.
        await admin.GotoAsync("/admin/verification?state=VA");
        var danaCard = admin.Locator("li.card", new() { HasText = "Dana Reyes" });
        await danaCard.GetByText("Ask Dana Reyes for more information").ClickAsync();
        await danaCard.GetByRole(AriaRole.Button, new() { Name = "Send the request to Dana Reyes" }).ClickAsync();
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("Write your message");
        danaCard = admin.Locator("li.card", new() { HasText = "Dana Reyes" });
        await danaCard.GetByLabel("What is missing").FillAsync("Please send a copy of your DC licence.");
        await danaCard.GetByRole(AriaRole.Button, new() { Name = "Send the request to Dana Reyes" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("We asked Dana Reyes for more information.");
        danaCard = admin.Locator("li.card", new() { HasText = "Dana Reyes" });
        await Expect(danaCard).ToContainTextAsync("Information requested: waiting for the provider");
        await Expect(danaCard).ToContainTextAsync("Please send a copy of your DC licence.");

        // Verify names the provider, and the filters are kept.
        await danaCard.GetByRole(AriaRole.Button, new() { Name = "Verify Dana Reyes" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dana Reyes is verified: they now appear in search.");
        await Expect(admin.GetByLabel("State")).ToHaveValueAsync("VA");
        Assert.True((await api.Listing(dana.Id)).Verified);

        // Licences expiring within 30 days, verified providers included, in words.
        var row = admin.Locator("#expiring-licences tbody tr", new() { HasText = "Ana Expiring" });
        await Expect(row).ToContainTextAsync("District of Columbia");
        await Expect(row).ToContainTextAsync($"{today.AddDays(12):d MMM yyyy} (in 12 days)");
        await CheckPageAsync(admin, width);
    }

    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task the_provider_reads_the_request_and_the_decline_on_their_profile_and_answers(int width)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Reply Rivera {Guid.NewGuid().ToString("N")[..6]}"), verify: false);
        (await api.Ask(provider.Id, provider.ETag, "Please send a copy of your DC licence.")).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(api, Caller.Provider(provider.Id));
        await page.SetViewportSizeAsync(width, 900);

        await page.GotoAsync($"/providers/{provider.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The network asked for more information" })).ToBeVisibleAsync();
        await Expect(page.Locator(".review-status")).ToContainTextAsync("Please send a copy of your DC licence.");
        await CheckPageAsync(page, width);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Write your message");
        await page.GetByLabel("Your answer").FillAsync("I emailed the licence to the network today.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your answer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is sent.");
        await Expect(page.Locator(".review-status")).ToContainTextAsync("The network's staff will look at your application again.");
        Assert.Equal(ReviewStatus.ProviderReplied, (await api.Review(provider.Id)).Review);

        var etag = (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag;
        (await api.Decline(provider.Id, etag, new { reason = "licence-not-active", note = "The DC board lists it as expired." })).EnsureSuccessStatusCode();
        await page.GotoAsync($"/providers/{provider.Id}");
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your application was declined" })).ToBeVisibleAsync();
        await Expect(page.Locator(".review-status")).ToContainTextAsync("The licence is not active: it has expired, or is suspended or restricted.");
        await Expect(page.Locator(".review-status")).ToContainTextAsync("The DC board lists it as expired.");
        await CheckPageAsync(page, width);
        await page.ScreenshotAsync(width == 390 ? "provider-declined-phone" : "provider-declined");
        await page.GetByLabel("Why the network should look again").FillAsync("Renewed last week; the board's site now shows it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask the network to look again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is sent.");
        Assert.Equal(ReviewStatus.ProviderReplied, (await api.Review(provider.Id)).Review);
    }

    private static async Task CheckPageAsync(IPage page, int width)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} at {width} px is {widths[0]} px wide");
        await page.CheckAccessibilityAsync();
    }
}
