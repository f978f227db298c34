using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ReferralNetwork.Api.Pages;

/// <summary>What the API answered: the value on success, else the status and, for a validation problem, the errors by field.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, string? ETag, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    /// <summary>The API's trace id for this request, which its logs carry: the reference a person can give support.</summary>
    public string? Reference { get; init; }
}

/// <summary>
/// The pages are a client of this same API (docs/decisions/0007): every rule, policy, audit record and ProblemDetails
/// comes from the endpoint, never a second copy. Calls go over loopback to this process's own listening address,
/// carrying the signed-in user's session cookie, so the API sees the same user the page does.
/// </summary>
public sealed class ApiClient(HttpClient http, IHttpContextAccessor accessor, IServer server, IConfiguration configuration)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, null, null, ct);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress(), path));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        // The caller's own credentials: a bearer token if the page was called with one, else the session cookie.
        var incoming = accessor.HttpContext?.Request;
        if (incoming?.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        else if (incoming is not null && incoming.Cookies.TryGetValue(Authentication.CookieName, out var session))
            request.Headers.Add("Cookie", $"{Authentication.CookieName}={session}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.SendAsync(request, ct);
        // The database is away: no page can be shown as asked, so the page gives way to the "briefly unavailable" page.
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) throw new ServiceBrieflyUnavailableException();
        var etag = response.Headers.ETag?.Tag;
        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(object) ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(response.StatusCode, value, etag, null, null, new Dictionary<string, string[]>());
        }
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem>(Json, ct)
            : null;
        return new ApiResult<T>(response.StatusCode, default, etag, problem?.Title, problem?.Detail, problem?.Errors ?? new Dictionary<string, string[]>())
        {
            Reference = problem?.TraceId,
        };
    }

    private Uri BaseAddress()
    {
        if (configuration["Pages:ApiBaseAddress"] is { Length: > 0 } configured) return new Uri(configured);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("The pages need the API's address: the server listens nowhere; set Pages:ApiBaseAddress.");
        // A wildcard listening address is reached on loopback.
        return new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors, string? TraceId);

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Configure(json);
        return json;
    }
}
