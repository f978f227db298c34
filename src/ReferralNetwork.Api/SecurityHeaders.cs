namespace ReferralNetwork.Api;

/// <summary>
/// Headers on every response: nothing may sniff, frame or cache what the API returns about families.
/// CORS is closed unless Cors:AllowedOrigins lists origins (browsers on other origins get no CORS headers).
/// </summary>
public static class SecurityHeaders
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (origins.Length > 0) p.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "PUT").WithExposedHeaders("ETag", "Location");
        }));
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hsds"))
            {
                // JSON only: no script, style or frame may come from an API response, and no cache keeps it.
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers.CacheControl = "no-store";
            }
            else if (!context.Request.Path.StartsWithSegments("/scalar") && !context.Request.Path.StartsWithSegments("/openapi"))
            {
                // The web pages: their own styles only, no script at all, forms post only here, never framed or cached.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
                // The same value antiforgery sets, so it does not have to override (and warn about) ours.
                if (!context.Request.Path.StartsWithSegments("/css")) (headers.CacheControl, headers.Pragma) = ("no-cache, no-store", "no-cache");
            }
            return next(context);
        });
        app.UseCors(CorsPolicy);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
