using System.Net;
using Microsoft.Playwright;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using ReferralNetwork.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// Every form walked with wrong input, as a person would: the error summary ("There is a problem") takes focus and
/// links to the field, the field says the same in plain words and is marked invalid, what was typed stays, and no
/// developer phrasing (codes, field paths, statuses, API sentences) appears anywhere. Desktop width and 390 px.
/// </summary>
public sealed class PlainWordsTests(ApiFixture api, Fixtures.Browser browser)
{
    [Fact]
    public async Task the_search_and_referral_forms_explain_each_problem_beside_its_field_in_plain_words()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Plain Words {Guid.NewGuid().ToString("N")[..6]}", zip: "22302"));
        var advocate = await browser.NewPageAsync(api, Caller.Advocate());

        // A clean page points aria-describedby only at messages that exist.
        await advocate.GotoAsync("/search");
        await ExpectNoDanglingDescriptionsAsync(advocate);
        await advocate.GetByLabel("Near ZIP code").FillAsync("00000");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ExpectProblemAsync(advocate, "near", "We don't recognise that ZIP code");
        await Expect(advocate.GetByLabel("Near ZIP code")).ToHaveValueAsync("00000");
        await advocate.SetViewportSizeAsync(390, 844);
        await advocate.CheckAccessibilityAsync();
        await advocate.SetViewportSizeAsync(1280, 900);

        // A name where the case number goes: the words beside the field, and the typing kept.
        await advocate.GotoAsync($"/referrals/new?providerId={provider.Id}&state=VA&language=es&fee=pro-bono&specialty=tf-cbt");
        await ExpectNoDanglingDescriptionsAsync(advocate);
        await advocate.GetByLabel("Family reference (your case number)").FillAsync("Emma Smith");
        await advocate.GetByLabel("Child's age group").SelectOptionAsync("child");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await ExpectProblemAsync(advocate, "familyReference", "Enter your case number, not a name");
        await Expect(advocate.GetByLabel("Family reference (your case number)")).ToHaveValueAsync("Emma Smith");
        await Expect(advocate.GetByLabel("Child's age group")).ToHaveValueAsync("child");
        // An age group this provider does not see cannot be chosen at all (it used to be refused only after sending).
        await Expect(advocate.Locator("#ageGroup option[value='early-childhood']")).ToHaveCountAsync(0);
        await advocate.CheckAccessibilityAsync();
        await advocate.ScreenshotAsync("referral-form-problem");
        await advocate.GetByLabel("Family reference (your case number)").FillAsync("FA-2026-7001");

        // The provider stops taking referrals while the form is open: the API's reason reaches the advocate (it was
        // "Please correct the highlighted fields" with nothing highlighted), linked to the box that sends anyway.
        var paused = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/availability", new ChangeAvailability(AcceptingStatus.Paused, 2, 3, 2), provider.ETag);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await advocate.GetByLabel("Child's age group").SelectOptionAsync("child");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await ExpectProblemAsync(advocate, "sendWhileNotAccepting", "This provider isn't taking new referrals right now");
        await Expect(advocate.GetByLabel("Family reference (your case number)")).ToHaveValueAsync("FA-2026-7001");
    }

    [Fact]
    public async Task the_provider_and_admin_forms_explain_each_problem_beside_its_field_in_plain_words()
    {
        var (providerId, referral) = await api.Referred(ProviderScenarios.Onboarding($"Plain Provider {Guid.NewGuid().ToString("N")[..6]}"));
        var provider = await browser.NewPageAsync(api, Caller.Provider(providerId));

        // Declining needs a reason, and "other" needs a note; the chosen reason stays chosen.
        await provider.GotoAsync($"/referrals/{referral}");
        await ExpectNoDanglingDescriptionsAsync(provider);
        await provider.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await ExpectProblemAsync(provider, "decline-reason", "Choose why you can't take this family");
        await provider.GetByLabel("Why you can't take this family").SelectOptionAsync("other");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await ExpectProblemAsync(provider, "decline-note", "Say in the note why you can't take this family");
        await Expect(provider.GetByLabel("Why you can't take this family")).ToHaveValueAsync("other");
        await provider.SetViewportSizeAsync(390, 844);
        await provider.CheckAccessibilityAsync();
        await provider.SetViewportSizeAsync(1280, 900);

        // The lowest fee above the highest: the API's "must not be more than maxFeeUsd" in the provider's words, typing kept.
        await provider.GotoAsync($"/providers/{providerId}/edit");
        await ExpectNoDanglingDescriptionsAsync(provider);
        await provider.GetByLabel("Lowest fee ($)").FillAsync("90");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Save fee terms" }).ClickAsync();
        await ExpectProblemAsync(provider, "minFee", "The lowest fee can't be more than the highest fee");
        await Expect(provider.GetByLabel("Lowest fee ($)")).ToHaveValueAsync("90");
        await provider.CheckAccessibilityAsync();

        // An admin: a verification note too long for the API, and a date range back to front.
        var waiting = await api.Onboarded(ProviderScenarios.Onboarding($"Plain Queue {Guid.NewGuid().ToString("N")[..6]}"), verify: false);
        var admin = await browser.NewPageAsync(api, Caller.Admin);
        var queuePage = 1;
        while (queuePage < 400 && !(await api.Client.GetStringAsync($"/api/providers/unverified?page={queuePage}")).Contains(waiting.Id.ToString(), StringComparison.Ordinal)) queuePage++;
        await admin.GotoAsync($"/admin/verification?page={queuePage}");
        var note = admin.Locator($"#note-{waiting.Id}");
        await note.EvaluateAsync("e => e.removeAttribute('maxlength')");
        await note.FillAsync(new string('x', 600));
        await admin.Locator("li.card", new() { HasText = "Plain Queue" }).GetByRole(AriaRole.Button).ClickAsync();
        await ExpectProblemAsync(admin, $"note-{waiting.Id}", "Shorten the note to 500 characters or fewer");
        await admin.CheckAccessibilityAsync();

        await admin.GotoAsync("/admin/referrals?from=2026-02-01&to=2026-01-01");
        await ExpectProblemAsync(admin, "from", "The start date can't be after the end date");
        await Expect(admin.GetByLabel("Requested from")).ToHaveValueAsync("2026-02-01");
        await admin.CheckAccessibilityAsync();
    }

    /// <summary>The summary has focus and links to the input; the input is invalid and described by the same words.</summary>
    private static async Task ExpectProblemAsync(IPage page, string inputId, string words)
    {
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync("There is a problem");
        await Expect(summary.Locator($"a[href='#{inputId}']")).ToContainTextAsync(words);
        var input = page.Locator($"[id='{inputId}']");
        await Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(input).ToHaveAttributeAsync("aria-describedby", $"{inputId}-error");
        await Expect(page.Locator($"[id='{inputId}-error']")).ToContainTextAsync(words);
        await ExpectPlainAsync(page);
        await ExpectNoDanglingDescriptionsAsync(page);
    }

    private static async Task ExpectPlainAsync(IPage page)
    {
        var messages = string.Join("\n", await page.Locator(".error-summary, .field-error").AllInnerTextsAsync());
        Assert.Empty(PlainLanguage.FoundIn(messages));
        Assert.Empty(PlainLanguage.FoundIn(await page.Locator("main").InnerTextAsync(), message: false));
    }

    private static async Task ExpectNoDanglingDescriptionsAsync(IPage page)
    {
        var dangling = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[aria-describedby]')]" +
            ".flatMap(e => e.getAttribute('aria-describedby').split(/\\s+/)).filter(id => id && !document.getElementById(id))");
        Assert.Empty(dangling);
    }
}
