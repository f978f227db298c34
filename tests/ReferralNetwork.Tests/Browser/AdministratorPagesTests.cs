using Marten.Events;
using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Marten;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>An administrator verifies a new provider, finds a referral in the history and on the dashboard, and reads its timeline.</summary>
public sealed class AdministratorPagesTests(ApiFixture api, Fixtures.Browser browser)
{
    [Fact]
    public async Task an_admin_verifies_from_the_queue_and_sees_a_referral_in_the_history_timeline_and_dashboard()
    {
        var waiting = await api.Onboarded(ProviderScenarios.Onboarding($"Queue Okafor {Guid.NewGuid().ToString("N")[..6]}"), verify: false);
        var (provider, referral) = await api.Referred();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));
        var admin = await browser.NewPageAsync(api, Caller.Admin);

        // The queue is oldest first and other tests leave providers unverified: open the page this one is on.
        var queuePage = 1;
        while (queuePage < 400 && !(await api.Client.GetStringAsync($"/api/providers/unverified?page={queuePage}")).Contains(waiting.Id.ToString(), StringComparison.Ordinal)) queuePage++;
        await admin.GotoAsync($"/admin/verification?page={queuePage}");
        await admin.CheckAccessibilityAsync();
        await admin.ScreenshotAsync("verification");
        var card = admin.Locator("li.card", new() { HasText = "Queue Okafor" });
        await card.GetByLabel("Note (where you checked)").FillAsync("Checked on the Virginia board's lookup");
        await card.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Queue Okafor"); // "Queue Okafor … is verified: …"
        Assert.True((await api.Listing(waiting.Id)).Verified);

        await admin.GotoAsync($"/admin/referrals?providerId={provider}");
        var row = admin.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Accepted");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", $"/api/referrals/export?providerId={provider}");
        await admin.CheckAccessibilityAsync();
        await admin.ScreenshotAsync("referral-history");

        await row.GetByRole(AriaRole.Link, new() { Name = "Events" }).ClickAsync();
        await Expect(admin.Locator("ol.timeline li")).ToHaveCountAsync(2);
        await Expect(admin.Locator("ol.timeline")).ToContainTextAsync("by advocate-ana (advocate)");
        await admin.CheckAccessibilityAsync();

        await admin.GotoAsync("/admin/dashboard");
        await Expect(admin.Locator("figure.chart > svg, svg.coverage-map")).ToHaveCountAsync(5);
        await Expect(admin.Locator("figure.chart").Nth(1)).ToContainTextAsync("Acceptance rate");
        await admin.CheckAccessibilityAsync();
        await admin.ScreenshotAsync("dashboard");
    }
}
