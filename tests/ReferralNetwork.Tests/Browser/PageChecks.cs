using System.Text.Json;
using Microsoft.Playwright;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Browser;

/// <summary>What every browser test uses: sign in through the real page, check accessibility, take screenshots.</summary>
public static class PageChecks
{
    public const string ScreenshotsVariable = "REFERRALNETWORK_SCREENSHOTS";

    /// <summary>Signs in on the Development sign-in page as the demo user with this label, and waits for the start page.</summary>
    public static async Task SignInAsync(this IPage page, string label)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(label, new() { Exact = false }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Runs axe-core on the page; fails listing every serious or critical violation.</summary>
    public static async Task CheckAccessibilityAsync(this IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Take(5))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: {string.Join(" | ", serious)}");
    }

    /// <summary>With REFERRALNETWORK_SCREENSHOTS=1, saves the page to docs/images/{name}.png (for the README).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1") return;
        await page.ScreenshotAsync(new() { Path = ImagePath(name), FullPage = true });
    }

    private static string ImagePath(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ReferralNetwork.sln"))) root = root.Parent;
        return Path.Combine(root!.FullName, "docs", "images", $"{name}.png");
    }

    /// <summary>With REFERRALNETWORK_SCREENSHOTS=1, saves one part of the page (its top <paramref name="maxHeight"/> px) to docs/images/{name}.png.</summary>
    public static async Task ScreenshotAsync(this ILocator part, string name, float maxHeight = 4000)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1") return;
        var box = (await part.BoundingBoxAsync())!;
        var top = await part.Page.EvaluateAsync<float>("() => window.scrollY");
        await part.Page.ScreenshotAsync(new()
        {
            Path = ImagePath(name),
            FullPage = true,
            Clip = new() { X = box.X, Y = box.Y + top, Width = box.Width, Height = Math.Min(box.Height, maxHeight) },
        });
    }

    /// <summary>Fails the test if any script ever opens a dialog (an XSS probe that ran).</summary>
    public static void FailOnDialogs(this IPage page, List<string> dialogs) => page.Dialog += (_, dialog) =>
    {
        dialogs.Add(dialog.Message);
        _ = dialog.DismissAsync();
    };
}
