using ReferralNetwork.Api.Pages;

namespace ReferralNetwork.Api;

/// <summary>
/// Server-rendered Razor Pages for advocates, providers and admins, on the session cookie. They work without
/// JavaScript; every form posts back to its page, which calls the API (<see cref="ApiClient"/>).
/// </summary>
public static class WebPages
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddHttpContextAccessor();
        services.AddHttpClient<ApiClient>();
        return services;
    }

    /// <summary>Static files (open to anyone, before authentication), and the site's own error pages for non-API paths (a database outage among them).</summary>
    public static WebApplication UseWebPages(this WebApplication app)
    {
        app.UseWhen(c => !Authentication.IsApi(c.Request), b => b.UseStatusCodePagesWithReExecute("/status/{0}").UseDatabaseOutagePage());
        app.UseStaticFiles();
        // Routing after the status pages, so that a re-executed request (/status/404) is routed to its page.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
