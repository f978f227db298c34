using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// Every route the app maps × {anonymous, advocate, provider-self, provider-other, admin} → what each may do.
/// The route list comes from the running app, so a new route without a row here (or without a policy) fails.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture api)
{
    /// <summary>Allowed: past authentication and authorization (the answer is whatever the endpoint says, never 401/403/404).</summary>
    /// <summary>SignIn: a page sends an anonymous browser to the sign-in page (302), where the API says 401.</summary>
    public enum Outcome { Allowed, Unauthorized, Forbidden, Hidden, SignIn }

    private const Outcome A = Outcome.Allowed, U = Outcome.Unauthorized, F = Outcome.Forbidden, H = Outcome.Hidden, S = Outcome.SignIn;

    // Columns: anonymous, advocate (who sent the referral), provider-self (the referral's provider), provider-other, admin.
    public static readonly Dictionary<string, Outcome[]> Matrix = new()
    {
        ["GET /api/specialties"] = [U, A, A, A, A],
        ["GET /api/regions"] = [U, A, A, A, A],
        ["GET /api/languages"] = [U, A, A, A, A],
        ["GET /api/age-groups"] = [U, A, A, A, A],
        ["GET /api/providers"] = [U, A, F, F, A],
        ["GET /api/network/stats"] = [U, A, F, F, A],
        ["GET /api/providers/{providerId}"] = [U, A, A, H, A],
        ["POST /api/providers"] = [U, F, A, A, A],
        ["PUT /api/providers/{providerId}/profile"] = [U, F, A, H, A],
        ["PUT /api/providers/{providerId}/specialties"] = [U, F, A, H, A],
        ["PUT /api/providers/{providerId}/fee-terms"] = [U, F, A, H, A],
        ["PUT /api/providers/{providerId}/availability"] = [U, F, A, H, A],
        ["POST /api/providers/{providerId}/confirm-availability"] = [U, F, A, H, A],
        ["POST /api/providers/{providerId}/verify"] = [U, F, F, F, A],
        ["POST /api/providers/{providerId}/deactivate"] = [U, F, F, F, A],
        ["POST /api/providers/{providerId}/reactivate"] = [U, F, F, F, A],
        ["GET /api/providers/{providerId}/history"] = [U, F, F, F, A],
        ["POST /api/providers/{providerId}/fit"] = [U, A, F, F, A],
        ["POST /api/referrals"] = [U, A, F, F, F],
        ["GET /api/referrals"] = [U, A, A, A, A],
        ["GET /api/referrals/export"] = [U, F, F, F, A],
        ["GET /api/referrals/{referralId}"] = [U, A, A, H, A],
        ["GET /api/referrals/{referralId}/history"] = [U, F, F, F, A],
        ["POST /api/referrals/{referralId}/view"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/accept"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/waitlist"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/decline"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/schedule"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/close"] = [U, F, A, H, F],
        ["POST /api/referrals/{referralId}/withdraw"] = [U, A, F, F, F],
        ["POST /api/referrals/{referralId}/erase"] = [U, F, F, F, A],
        ["GET /api/referrals/{referralId}/notifications"] = [U, A, A, H, A],
        ["GET /api/notifications/failed"] = [U, F, F, F, A],
        ["GET /api/notification-preferences"] = [U, A, A, A, A],
        ["PUT /api/notification-preferences"] = [U, A, A, A, A],
        ["ANY /development/mail/{name?}"] = [S, A, A, A, A],
        ["GET /api/audit"] = [U, F, F, F, A],
        // FHIR views: as the JSON routes they mirror (docs/fhir.md); the CapabilityStatement is open.
        ["GET /fhir/metadata"] = [A, A, A, A, A],
        ["GET /fhir/Practitioner/{providerId}"] = [U, A, A, H, A],
        ["GET /fhir/PractitionerRole/{providerId}"] = [U, A, A, H, A],
        ["GET /fhir/HealthcareService/{providerId}"] = [U, A, A, H, A],
        ["GET /fhir/PractitionerRole"] = [U, A, F, F, A],
        ["GET /fhir/HealthcareService"] = [U, A, F, F, A],
        ["GET /fhir/Location/{locationId}"] = [U, A, F, F, A],
        ["GET /fhir/Task/{referralId}"] = [U, A, A, H, A],
        ["GET /api/providers/unverified"] = [U, F, F, F, A],
        ["GET /api/providers/names"] = [U, F, F, F, A],
        ["GET /api/people"] = [U, F, F, F, A],
        ["GET /api/providers/expiring-licences"] = [U, F, F, F, A],
        ["GET /api/providers/{providerId}/review"] = [U, F, A, H, A],
        ["POST /api/providers/{providerId}/request-information"] = [U, F, F, F, A],
        ["POST /api/providers/{providerId}/decline-application"] = [U, F, F, F, A],
        ["POST /api/providers/{providerId}/reply"] = [U, F, A, H, A],
        ["POST /api/sign-out"] = [A, A, A, A, A],
        // Development only (the test host runs in Development; ProductionHostTests checks they are absent there).
        ["GET /api/dev/demo-users"] = [A, A, A, A, A],
        ["POST /api/dev/sign-in"] = [A, A, A, A, A],
        // The HSDS directory: admins and hsds-reader clients (Hsds:Public opens it; HsdsAccessTests).
        ["GET /hsds"] = [U, F, F, F, A],
        ["GET /hsds/services"] = [U, F, F, F, A],
        ["GET /hsds/services/{id}"] = [U, F, F, F, A],
        ["GET /hsds/organizations"] = [U, F, F, F, A],
        ["GET /hsds/organizations/{id}"] = [U, F, F, F, A],
        ["GET /hsds/service_at_locations"] = [U, F, F, F, A],
        ["GET /hsds/service_at_locations/{id}"] = [U, F, F, F, A],
        ["GET /hsds/taxonomies"] = [U, F, F, F, A],
        ["GET /hsds/taxonomies/{id}"] = [U, F, F, F, A],
        ["GET /hsds/taxonomy_terms"] = [U, F, F, F, A],
        ["GET /hsds/taxonomy_terms/{id}"] = [U, F, F, F, A],
        ["GET /hsds/export.zip"] = [U, F, F, F, A],
        // Open: documentation and probes.
        ["GET /openapi/{documentName}.json"] = [A, A, A, A, A],
        ["GET /scalar/{documentName?}"] = [A, A, A, A, A],
        ["GET /scalar/favicon.svg"] = [A, A, A, A, A],
        ["GET /scalar/scalar.js"] = [A, A, A, A, A],
        ["GET /scalar/scalar.aspnetcore.js"] = [A, A, A, A, A],
        ["ANY /health/live"] = [A, A, A, A, A],
        ["ANY /health/ready"] = [A, A, A, A, A],
        // Advocate and provider pages.
        ["ANY /search"] = [S, A, F, F, A],
        ["ANY /providers/{providerId:guid}"] = [S, A, A, H, A],
        ["ANY /providers/{providerId:guid}/edit"] = [S, F, A, H, A],
        ["ANY /referrals/new"] = [S, A, F, F, F],
        ["ANY /referrals"] = [S, A, F, F, F],
        ["ANY /referrals/{referralId:guid}"] = [S, A, A, H, A],
        ["ANY /inbox"] = [S, F, A, A, F],
        ["ANY /time-zone"] = [S, A, A, A, A],
        // Administrator pages.
        ["ANY /admin/verification"] = [S, F, F, F, A],
        ["ANY /admin/referrals"] = [S, F, F, F, A],
        ["ANY /admin/dashboard"] = [S, F, F, F, A],
        ["ANY /admin/streams/{kind}/{id:guid}"] = [S, F, F, F, A],
        // Web pages (Razor Pages answer any method; a form post without its antiforgery token is a 400).
        ["ANY /"] = [S, A, A, A, A],
        ["ANY /sign-in"] = [A, A, A, A, A],
        ["ANY /sign-out"] = [A, A, A, A, A],
        ["ANY /status/{code:int}"] = [A, A, A, A, A],
    };

    public static TheoryData<string> Routes => new(Matrix.Keys);

    [Fact]
    public void every_route_the_app_maps_has_a_row_and_names_a_policy_or_is_explicitly_open()
    {
        var endpoints = MappedRoutes(api.Services);

        Assert.Equal(Matrix.Keys.Order(), endpoints.Keys.Order());
        Assert.All(endpoints, e => Assert.True(
            e.Value.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || e.Value.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)),
            $"{e.Key} names no authorization policy and is not marked AllowAnonymous"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task each_caller_gets_what_the_matrix_says(string route)
    {
        var self = await api.Onboarded(ProviderScenarios.Onboarding("Self Provider"));
        var other = await api.Onboarded(ProviderScenarios.Onboarding("Other Provider"));
        var referralResponse = await api.Refer(ReferralScenarios.Request(self.Id));
        Assert.Equal(HttpStatusCode.Created, referralResponse.StatusCode);
        var referral = Guid.Parse(referralResponse.Headers.Location!.ToString()[^36..]);
        Caller?[] callers = [null, Caller.Advocate(), Caller.Provider(self.Id), Caller.Provider(other.Id), Caller.Admin];
        string[] names = ["anonymous", "advocate", "provider-self", "provider-other", "admin"];

        var (method, path) = Request(route, self.Id, referral);
        var failures = new List<string>();
        for (var i = 0; i < callers.Length; i++)
        {
            var status = await Send(method, path, callers[i]);
            if (!Matches(Matrix[route][i], status)) failures.Add($"{names[i]}: expected {Matrix[route][i]}, got {(int)status}");
        }
        Assert.True(failures.Count == 0, $"{route}: {string.Join("; ", failures)}");
    }

    /// <summary>"METHOD /pattern" → endpoint, for every route the app maps (ANY: a route for every method, like the health probes).</summary>
    public static Dictionary<string, RouteEndpoint> MappedRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (Key: $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", Endpoint: e)))
            .ToDictionary(e => e.Key, e => e.Endpoint);

    /// <summary>The route with its parameters filled in: the self provider, the referral sent to it, the v1 document.</summary>
    public static (HttpMethod Method, string Path) Request(string route, Guid provider, Guid referral)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var path = route[(space + 1)..]
            .Replace("{providerId}", provider.ToString(), StringComparison.Ordinal)
            .Replace("{providerId:guid}", provider.ToString(), StringComparison.Ordinal)
            .Replace("{referralId}", referral.ToString(), StringComparison.Ordinal)
            .Replace("{referralId:guid}", referral.ToString(), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{locationId}", $"{provider}-tele-va", StringComparison.Ordinal)
            .Replace("/{documentName?}", "", StringComparison.Ordinal)
            .Replace("{code:int}", "404", StringComparison.Ordinal)
            .Replace("{kind}/{id:guid}", $"referral/{referral}", StringComparison.Ordinal);
        // An HSDS id of the (verified) self provider, or of a published taxonomy and term.
        if (path.StartsWith("/hsds/", StringComparison.Ordinal)) path = Hsds.HsdsRoutes.Fill(path, provider);
        // The send-referral form is always opened for a provider.
        if (path == "/referrals/new") path += $"?providerId={provider}";
        return (route[..space] == "ANY" ? HttpMethod.Get : new HttpMethod(route[..space]), path);
    }

    private async Task<HttpStatusCode> Send(HttpMethod method, string path, Caller? caller)
    {
        using var request = new HttpRequestMessage(method, path);
        // Writes carry an empty JSON object: enough to get past authorization, and refused by validation where it matters.
        if (method != HttpMethod.Get) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        if (caller is not null) request.As(caller);
        using var response = await api.NewClient(followRedirects: false).SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/sign-in", StringComparison.Ordinal))
            return SentToSignIn;
        return response.StatusCode;
    }

    /// <summary>Stands for "302 to the sign-in page" in the comparisons.</summary>
    private const HttpStatusCode SentToSignIn = (HttpStatusCode)1302;

    private static bool Matches(Outcome expected, HttpStatusCode status) => expected switch
    {
        Outcome.Unauthorized => status == HttpStatusCode.Unauthorized,
        Outcome.Forbidden => status == HttpStatusCode.Forbidden,
        Outcome.Hidden => status == HttpStatusCode.NotFound,
        Outcome.SignIn => status == SentToSignIn,
        _ => (int)status < 500 && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or SentToSignIn),
    };
}
