using System.Net;
using System.Net.Http.Json;
using Marten;
using MimeKit;
using ReferralNetwork.Notifications;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Notifications;

public static class NotificationScenarios
{
    /// <summary>A verified provider taking referrals whose referrals address is <paramref name="email"/>.</summary>
    public static async Task<Guid> ProviderAt(this ApiFixture api, string email)
    {
        var onboarding = ProviderScenarios.Onboarding();
        var contact = new ProviderContact("office@example.org", "+1 555 0100", email);
        // Waits for the messages onboarding causes too (the provider hears they are verified), so tests start from quiet.
        return (await api.AndWait(() => api.Onboarded(onboarding with { Profile = onboarding.Profile with { Contact = contact } }))).Id;
    }

    /// <summary>Runs <paramref name="action"/> and waits until every message it caused was handled (sent, retried, dead-lettered).</summary>
    public static async Task<T> AndWait<T>(this ApiFixture api, Func<Task<T>> action)
    {
        T result = default!;
        await api.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Wolverine.IMessageContext _) => Run());
        return result;

        async Task Run() => result = await action();
    }

    public static async Task<Guid> ReferAs(this ApiFixture api, Caller advocate, RequestReferral request)
    {
        var response = await api.AndWait(() => api.Anonymous.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(request, options: ProviderScenarios.Json) }.As(advocate)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString()[^36..]);
    }

    public static async Task<IReadOnlyList<NotificationRecord>> NotificationsOf(this ApiFixture api, Guid referral, Caller? caller = null) =>
        (await (await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{referral}/notifications").As(caller ?? Caller.Admin)))
            .Content.ReadFromJsonAsync<List<NotificationRecord>>(ProviderScenarios.Json))!;

    public static async Task<Notification> Stored(this ApiFixture api, Guid referral, RecipientRole recipient, NotificationKind kind)
    {
        await using var session = api.Store.QuerySession();
        return (await session.Query<Notification>().Where(n => n.ReferralId == referral).ToListAsync()).Single(n => n.Recipient == recipient && n.Kind == kind);
    }

    /// <summary>The message as it travelled (headers and encoded parts) plus its decoded text and HTML.</summary>
    public static string Everything(this MimeMessage message)
    {
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        return System.Text.Encoding.UTF8.GetString(raw.ToArray()) + message.Subject + message.TextBody + message.HtmlBody;
    }
}
