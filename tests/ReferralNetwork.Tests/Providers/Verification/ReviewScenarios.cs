using System.Net.Http.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Verification;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers.Verification;

/// <summary>The verification review driven through the real API: as the admin, or as the provider themself.</summary>
public static class ReviewScenarios
{
    public static Task<HttpResponseMessage> Ask(this ApiFixture api, Guid provider, string etag, string? message = "Please send a copy of your DC licence.") =>
        api.Send(HttpMethod.Post, $"/api/providers/{provider}/request-information", new RequestProviderInformation(message), etag);

    public static Task<HttpResponseMessage> Decline(this ApiFixture api, Guid provider, string etag, object body) =>
        api.Send(HttpMethod.Post, $"/api/providers/{provider}/decline-application", body, etag);

    public static Task<HttpResponseMessage> Verify(this ApiFixture api, Guid provider, string etag) =>
        api.Send(HttpMethod.Post, $"/api/providers/{provider}/verify", new VerifyProvider("board lookup"), etag);

    /// <summary>The provider's own answer, as the provider user bound to it.</summary>
    public static Task<HttpResponseMessage> Reply(this ApiFixture api, Guid provider, string etag, string? message = "Sent by email today.", Caller? caller = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/providers/{provider}/reply")
        {
            Content = JsonContent.Create(new ReplyToReview(message), options: ProviderScenarios.Json),
        }.As(caller ?? Caller.Provider(provider));
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return api.Anonymous.SendAsync(request);
    }

    public static async Task<VerificationCase> Review(this ApiFixture api, Guid provider) =>
        (await api.Client.GetFromJsonAsync<VerificationCase>($"/api/providers/{provider}/review", ProviderScenarios.Json))!;

    public static async Task<VerificationQueue> Queue(this ApiFixture api, string query = "") =>
        (await api.Client.GetFromJsonAsync<VerificationQueue>($"/api/providers/unverified?{query}", ProviderScenarios.Json))!;

    public static string Tag(this HttpResponseMessage response) => response.Headers.ETag!.Tag;
}
