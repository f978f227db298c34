using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNetwork.Access;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>An administrator filters the history by provider and advocate name, and opens a record as it was after an event.</summary>
public sealed class AdministratorNamesTests(ApiFixture api, Fixtures.Browser browser)
{
    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task an_admin_filters_the_history_by_name_chooses_between_namesakes_and_is_told_when_nobody_matches(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var hollis = await api.Onboarded(ProviderScenarios.Onboarding($"Hollis {tag} Marsh"));
        await api.Onboarded(ProviderScenarios.Onboarding($"Dana {tag} Reyes"));
        var ortiz = await api.Onboarded(ProviderScenarios.Onboarding($"Dana {tag} Ortiz"));
        var rosa = new Caller($"advocate-rosa-{tag}", Roles.Advocate, Name: $"Rosa {tag} Delgado", Email: $"rosa-{tag}@example.org");
        foreach (var provider in new[] { hollis.Id, ortiz.Id })
        {
            var sent = await api.SendAs(rosa, HttpMethod.Post, "/api/referrals", JsonContent.Create(ReferralScenarios.Request(provider), options: ProviderScenarios.Json));
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }
        var admin = await browser.NewPageAsync(api, Caller.Admin);
        await admin.SetViewportSizeAsync(width, 900);
        var rows = admin.Locator("tbody tr");

        // One provider whose name holds what was typed: the history is theirs, and the table names both people.
        await admin.GotoAsync("/admin/referrals");
        await admin.GetByLabel("Provider", new() { Exact = true }).FillAsync($"hollis {tag}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"Hollis {tag} Marsh");
        await Expect(rows).ToContainTextAsync($"Rosa {tag} Delgado");
        await Expect(admin.GetByLabel("Provider", new() { Exact = true })).ToHaveValueAsync($"Hollis {tag} Marsh");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", $"/api/referrals/export?providerId={hollis.Id}");
        await CheckAsync(admin, width);
        await admin.ScreenshotAsync(width > 400 ? "referral-history-by-name" : "referral-history-by-name-phone");

        // By the advocate's name: both of Rosa's referrals.
        await admin.GetByLabel("Provider", new() { Exact = true }).FillAsync("");
        await admin.GetByLabel("Advocate", new() { Exact = true }).FillAsync($"rosa {tag}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(admin.Locator("table")).ToContainTextAsync($"Dana {tag} Ortiz");

        // Two providers hold the name: a choice, each a link that filters by that one.
        await admin.GetByLabel("Advocate", new() { Exact = true }).FillAsync("");
        await admin.GetByLabel("Provider", new() { Exact = true }).FillAsync($"Dana {tag}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var choices = admin.Locator(".name-choices");
        await Expect(choices).ToContainTextAsync("Which one did you mean?");
        await Expect(choices.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(rows).ToHaveCountAsync(0);
        await CheckAsync(admin, width);
        await admin.ScreenshotAsync(width > 400 ? "referral-history-which-one" : "referral-history-which-one-phone");
        await choices.GetByRole(AriaRole.Link, new() { Name = $"Dana {tag} Ortiz" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(admin.GetByLabel("Provider", new() { Exact = true })).ToHaveValueAsync($"Dana {tag} Ortiz");

        // Nobody by that name: said beside the field and in the summary, never a blank page.
        await admin.GetByLabel("Provider", new() { Exact = true }).FillAsync($"Nobody {tag}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync($"No provider's name contains “Nobody {tag}”");
        await Expect(admin.Locator("#provider-error")).ToContainTextAsync("Check the spelling");
        await Expect(admin.GetByLabel("Provider", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(admin, width);
    }

    [Theory]
    [InlineData(1280), InlineData(390)]
    public async Task a_timeline_event_opens_the_provider_as_it_was_right_after_it(int width)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Tamsin {tag} Hale"));
        var changed = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/specialties", new ChangeSpecialties(["emdr"]), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var admin = await browser.NewPageAsync(api, Caller.Admin);
        await admin.SetViewportSizeAsync(width, 900);

        await admin.GotoAsync($"/admin/streams/provider/{provider.Id}");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Timeline of Tamsin {tag} Hale");
        // Onboarding saves its events in one moment: the first event's view is the provider as onboarding left it.
        await Expect(admin.Locator("ol.timeline li").First).ToContainTextAsync("Saved in the same moment as events 1 to");
        await CheckAsync(admin, width);
        await admin.Locator("ol.timeline li").First.GetByRole(AriaRole.Link, new() { Name = "See it as it was after this" }).ClickAsync();

        await Expect(admin.Locator("#as-of")).ToContainTextAsync("this is not the current record");
        await Expect(admin.Locator("dl.facts")).ToContainTextAsync("Trauma-Focused Cognitive Behavioral Therapy");
        await Expect(admin.Locator("dl.facts")).Not.ToContainTextAsync("EMDR");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Edit this profile" })).ToHaveCountAsync(0);
        await Expect(admin.Locator("main form")).ToHaveCountAsync(0);
        await CheckAsync(admin, width);
        await admin.ScreenshotAsync(width > 400 ? "as-it-was" : "as-it-was-phone");

        await admin.GetByRole(AriaRole.Link, new() { Name = "See the current record" }).ClickAsync();
        await Expect(admin.Locator("#as-of")).ToHaveCountAsync(0);
        await Expect(admin.Locator("dl.facts")).ToContainTextAsync("EMDR");
    }

    [Fact]
    public async Task a_referral_timeline_event_opens_the_referral_as_it_was_with_no_actions()
    {
        var (provider, referral) = await api.Referred(ProviderScenarios.Onboarding($"Ines {Guid.NewGuid().ToString("N")[..6]} Park"));
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        var admin = await browser.NewPageAsync(api, Caller.Admin);

        await admin.GotoAsync($"/admin/streams/referral/{referral}");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Timeline of a referral to Ines");
        await admin.Locator("ol.timeline li").First.GetByRole(AriaRole.Link, new() { Name = "See it as it was after this" }).ClickAsync();

        await Expect(admin.Locator("#as-of")).ToContainTextAsync("this is not the current record");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Requested");
        await admin.CheckAccessibilityAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "See the current record" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Accepted");
        Assert.NotEqual(Guid.Empty, provider);
    }

    private static async Task CheckAsync(IPage page, int width)
    {
        await page.CheckAccessibilityAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} at {width} px is {widths[0]} px wide");
    }
}
