using Microsoft.AspNetCore.Mvc;

namespace ReferralNetwork.Api;

/// <summary>
/// A write to the API that the session cookie authenticates must come from this app's own origin. SameSite=Strict
/// keeps the cookie from other sites, but a sibling subdomain is the same site: the browser's own word on where a
/// request comes from (Sec-Fetch-Site, else Origin) decides. Bearer-token requests name their credential and are not
/// checked (CORS is separate). A request with neither header does not come from a current browser (the pages' own
/// loopback calls, curl) and passes: every browser that sends cookies cross-site also sends one of the two.
/// </summary>
public static class CrossSiteWrites
{
    /// <summary>Other origins (scheme://host[:port]) whose pages may write with the session cookie, e.g. the site's second name.</summary>
    public const string TrustedOriginsSetting = "CookieWrites:TrustedOrigins";

    public static WebApplication UseCrossSiteWriteProtection(this WebApplication app)
    {
        var trusted = new HashSet<string>(app.Configuration.GetSection(TrustedOriginsSetting).Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (Authentication.IsApi(request) && IsUnsafe(request.Method) && request.Headers.Authorization.Count == 0
                && RefusalReason(request, trusted) is { } reason)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Cross-site request refused",
                        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
                        Detail = reason,
                    },
                });
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Why the request is refused, or null when it may go on (fetch metadata first, as browsers send it reliably).</summary>
    public static string? RefusalReason(HttpRequest request, IReadOnlySet<string> trusted)
    {
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is "same-origin" or "none" || trusted.Contains(origin)
                ? null
                : $"A change made with the session cookie must come from this site's own pages; the browser says this request came from a {site} page.";
        if (origin.Length == 0 || IsThisHost(origin, request.Host) || trusted.Contains(origin)) return null;
        return "A change made with the session cookie must come from this site's own pages; this request came from another origin.";
    }

    // Host and port, not scheme: behind a proxy that ends TLS the app sees http while the browser says https.
    private static bool IsThisHost(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && host.HasValue
        && uri.Host.Equals(host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (host.Port ?? (uri.Scheme == Uri.UriSchemeHttps ? 443 : 80));
}
