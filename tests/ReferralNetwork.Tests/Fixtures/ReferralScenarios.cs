using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>Referral builders and calls, as an advocate or a provider would make them.</summary>
public static class ReferralScenarios
{
    public const string Advocate = "advocate-ana";

    /// <summary>Needs that <see cref="ProviderScenarios.Onboarding"/> meets: tf-cbt, a child, Spanish, Virginia, pro bono.</summary>
    public static RequestReferral Request(Guid providerId, string familyReference = "FA-2026-0042") => new(
        providerId, familyReference, new FamilyNeeds(["tf-cbt"], "child", "es", "VA", Telehealth: false),
        Urgency.Urgent, FeeKind.ProBono, new ContactPreference(ContactChannel.Phone, "+1 555 0199"), "Prefers afternoons.");

    public static async Task<HttpResponseMessage> Refer(this ApiFixture api, RequestReferral referral, string? idempotencyKey = null, string advocate = Advocate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(referral, options: ProviderScenarios.Json) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await api.Anonymous.SendAsync(request.As(Caller.Advocate(advocate)));
    }

    /// <summary>A referral sent to a fresh verified provider; returns both ids.</summary>
    public static async Task<(Guid Provider, Guid Referral)> Referred(this ApiFixture api, OnboardProvider? provider = null)
    {
        var onboarded = await api.Onboarded(provider ?? ProviderScenarios.Onboarding());
        var response = await api.Refer(Request(onboarded.Id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (onboarded.Id, Guid.Parse(response.Headers.Location!.ToString()[^36..]));
    }

    /// <summary>
    /// Takes a step on a referral, by default as the party who may: the advocate who sent it withdraws, the provider it
    /// was sent to does everything else.
    /// </summary>
    public static async Task<HttpResponseMessage> Act(this ApiFixture api, Guid referral, string action, object? body = null, Caller? caller = null)
    {
        caller ??= await PartyFor(api, referral, action);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{referral}/{action}");
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ProviderScenarios.Json);
        return await api.Anonymous.SendAsync(request.As(caller));
    }

    private static async Task<Caller> PartyFor(ApiFixture api, Guid referral, string action)
    {
        await using var session = api.Store.QuerySession();
        var summary = await session.LoadAsync<ReferralSummary>(referral);
        if (summary is null) return Caller.Provider(Guid.NewGuid());
        return action == ReferralNetwork.Referrals.Referral.Withdraw ? Caller.Advocate(summary.AdvocateId) : Caller.Provider(summary.ProviderId);
    }

    /// <summary>The body each action needs, valid.</summary>
    public static object? BodyFor(string action) => action switch
    {
        ReferralNetwork.Referrals.Referral.Waitlist => new WaitlistReferral(4),
        ReferralNetwork.Referrals.Referral.Decline => new DeclineReferral(DeclineReason.NoCapacity, null),
        ReferralNetwork.Referrals.Referral.Schedule => new ScheduleFirstSession(ProviderScenarios.Today.AddDays(7)),
        ReferralNetwork.Referrals.Referral.Close => new CloseReferral(CloseOutcome.Completed, null),
        ReferralNetwork.Referrals.Referral.Withdraw => new WithdrawReferral("family moved"),
        _ => null,
    };

    public static async Task<ReferralSummary> Summary(this ApiFixture api, Guid referral) =>
        (await api.Client.GetFromJsonAsync<ReferralSummary>($"/api/referrals/{referral}", ProviderScenarios.Json))!;
}
