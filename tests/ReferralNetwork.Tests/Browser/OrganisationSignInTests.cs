using Microsoft.Playwright;
using ReferralNetwork.Api;
using ReferralNetwork.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ReferralNetwork.Tests.Browser;

/// <summary>
/// "Sign in with your organisation" in Chromium, end to end, against a real issuer: the app in Production sends the browser
/// to the issuer (authorization code with PKCE), the user signs in there, and comes back signed in with their role and
/// provider id.
/// </summary>
public sealed class OrganisationSignInTests(ApiFixture api, Fixtures.Browser browser, ProductionSignIn production) : IClassFixture<ProductionSignIn>
{
    [Fact]
    public async Task a_provider_signs_in_at_their_issuer_and_lands_on_their_inbox_acting_for_their_provider_only()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Org Sign In {Guid.NewGuid().ToString("N")[..6]}"));
        var other = await api.Onboarded(ProviderScenarios.Onboarding($"Not Theirs {Guid.NewGuid().ToString("N")[..6]}"));
        var user = Caller.Provider(provider.Id, $"dr-oidc-{Guid.NewGuid():N}");
        production.Issuer.Users[user.UserId] = user;

        var page = await browser.NewPageAsync(production.Https);
        var authorize = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(new Uri(production.Issuer.Authority, "connect/authorize").ToString(), StringComparison.Ordinal)) authorize.Add(request.Url);
        };
        await SignInAsync(page, user);

        await Expect(page).ToHaveURLAsync(new Uri(production.Https, "inbox").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referral inbox" })).ToBeVisibleAsync();
        // The code flow with PKCE (S256), and the code came back to the app, not to the page's script.
        var challenge = new Uri(authorize[0]).Query;
        Assert.Contains("response_type=code", challenge);
        Assert.Contains("code_challenge_method=S256", challenge);
        var session = Assert.Single(await page.Context.CookiesAsync([production.Https.ToString()]), c => c.Name == Authentication.CookieName);
        Assert.True(session.Secure && session.HttpOnly);

        // provider_id: their own profile's editor opens; another provider's is "no such thing".
        Assert.Equal(200, (await page.GotoAsync($"/providers/{provider.Id}/edit"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/providers/{other.Id}/edit"))!.Status);
        // role: a provider may not search.
        Assert.Equal(403, (await page.GotoAsync("/search"))!.Status);
    }

    [Fact]
    public async Task an_advocate_signs_in_at_their_issuer_and_can_search()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding($"Findable {Guid.NewGuid().ToString("N")[..6]}"));
        var user = Caller.Advocate($"ana-oidc-{Guid.NewGuid():N}");
        production.Issuer.Users[user.UserId] = user;

        var page = await browser.NewPageAsync(production.Https);
        await SignInAsync(page, user);

        await Expect(page).ToHaveURLAsync(new Uri(production.Https, "search").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a provider" })).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync($"/providers/{provider.Id}"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/inbox"))!.Status);
    }

    /// <summary>From the app's home page, through its sign-in page, to the issuer's login form and back.</summary>
    private async Task SignInAsync(IPage page, Caller user)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test issuer" })).ToBeVisibleAsync();
        Assert.StartsWith(production.Issuer.Authority.ToString(), page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(user.UserId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in at the issuer" }).ClickAsync();
    }
}
