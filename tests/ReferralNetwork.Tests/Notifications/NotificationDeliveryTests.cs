using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralNetwork.Notifications;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Notifications;

public sealed class NotificationDeliveryTests(ApiFixture api)
{
    private NotificationOptions Options => api.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;

    // Onboarded providers are verified, and hear of it first.
    private const string Verified = "Your listing is verified";

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task a_new_referral_emails_the_provider_with_a_link_and_a_message_id_from_the_notification()
    {
        var to = Address("provider");
        var provider = await api.ProviderAt(to);
        var referral = await api.ReferAs(Caller.Advocate(), ReferralScenarios.Request(provider));

        var message = await api.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject != Verified);
        Assert.Equal("A new referral is waiting for your answer", message.Subject);
        Assert.Equal("referrals@referrals.test", message.From.Mailboxes.Single().Address);
        Assert.Contains($"https://referrals.test/referrals/{referral}", message.TextBody);
        Assert.Contains($"href=\"https://referrals.test/referrals/{referral}\"", message.HtmlBody);
        var stored = await api.Stored(referral, RecipientRole.Provider, NotificationKind.ReferralRequested);
        Assert.Equal(MailDelivery.MessageIdFor(stored.Id, Options), message.MessageId);
        Assert.Equal(NotificationStatus.Sent, stored.Status);
        // New referrals cannot be turned off while taking referrals: no unsubscribe link on them.
        Assert.False(message.Headers.Contains("List-Unsubscribe"));
    }

    [Fact]
    public async Task a_server_that_answers_4xx_and_then_accepts_gets_the_message_once()
    {
        var to = Address("busy");
        var provider = await api.ProviderAt(to);
        var before = api.Mail.Attempts.GetValueOrDefault(to);
        api.Mail.Refuse(to, 1);
        var referral = await api.ReferAs(Caller.Advocate(), ReferralScenarios.Request(provider));

        await api.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject != Verified);
        Assert.Equal(2, api.Mail.Attempts[to] - before);
        Assert.Single(api.Mail.To(to), m => m.Subject != Verified);
        Assert.Equal(NotificationStatus.Sent, (await api.Stored(referral, RecipientRole.Provider, NotificationKind.ReferralRequested)).Status);
    }

    [Fact]
    public async Task a_server_that_keeps_refusing_leads_to_a_failure_administrators_see()
    {
        var to = Address("refusing");
        var provider = await api.ProviderAt(to);
        var before = api.Mail.Attempts.GetValueOrDefault(to);
        api.Mail.Refuse(to, int.MaxValue);
        var referral = await api.ReferAs(Caller.Advocate(), ReferralScenarios.Request(provider));

        Assert.Equal(Options.MaxAttempts, api.Mail.Attempts[to] - before);
        Assert.DoesNotContain(api.Mail.To(to), m => m.Subject != Verified);
        var failed = await api.Client.GetFromJsonAsync<List<NotificationRecord>>("/api/notifications/failed", ProviderScenarios.Json);
        var record = Assert.Single(failed!, f => f.ReferralId == referral);
        Assert.Equal(NotificationStatus.Failed, record.Status);
        Assert.Equal(to, record.To);
        Assert.Equal(Options.MaxAttempts, record.FailedAttempts);
        // Not for anyone but administrators.
        var asAdvocate = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/notifications/failed").As(Caller.Advocate()));
        Assert.Equal(HttpStatusCode.Forbidden, asAdvocate.StatusCode);
    }
}
