using System.Net.Http.Headers;
using ReferralNetwork.Access;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// Someone calling the API in a test: a user id, a role and, for a provider user, the provider they act for; the
/// name and email claims their issuer would add, when a test needs them.
/// </summary>
public sealed record Caller(string UserId, string Role, Guid? ProviderId = null, string? Name = null, string? Email = null)
{
    public static readonly Caller Admin = new("admin-avery", Roles.Admin);

    public static Caller Advocate(string userId = ReferralScenarios.Advocate) => new(userId, Roles.Advocate);

    public static Caller Provider(Guid providerId, string? userId = null) => new(userId ?? $"provider-user-{providerId:N}", Roles.Provider, providerId);

    /// <summary>A bearer token for this caller, signed with the test issuer's key (valid for an hour).</summary>
    public string Token => TestTokens.Mint(this);
}

public static class CallerRequests
{
    /// <summary>Sends the request as <paramref name="caller"/> (a real signed JWT through the real bearer handler).</summary>
    public static HttpRequestMessage As(this HttpRequestMessage request, Caller caller)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        return request;
    }

    public static Task<HttpResponseMessage> SendAs(this ApiFixture api, Caller caller, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content }.As(caller);
        return api.Anonymous.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAs(this ApiFixture api, Caller caller, string path) => api.SendAs(caller, HttpMethod.Get, path);
}
