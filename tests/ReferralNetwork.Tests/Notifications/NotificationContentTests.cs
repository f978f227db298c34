using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Notifications;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Notifications;

public sealed class NotificationContentTests(ApiFixture api)
{
    private const string Sentinel = "SENTINEL-7f3a";

    private static Caller AdvocateWithEmail(out string email)
    {
        var id = $"advocate-{Guid.NewGuid():N}";
        email = $"{id}@example.org";
        return new Caller(id, ReferralNetwork.Access.Roles.Advocate, Name: "Ana Advocate", Email: email);
    }

    [Fact]
    public async Task no_message_carries_anything_typed_about_the_family()
    {
        var providerEmail = $"p-{Guid.NewGuid():N}@example.org";
        var provider = await api.ProviderAt(providerEmail);
        var advocate = AdvocateWithEmail(out var advocateEmail);
        var request = ReferralScenarios.Request(provider, familyReference: Sentinel) with
        {
            Note = $"{Sentinel} note",
            Contact = new ContactPreference(ContactChannel.Email, $"{Sentinel}@family.example"),
        };
        var declined = await api.ReferAs(advocate, request);
        await api.AndWait(() => api.Act(declined, Referral.Decline, new DeclineReferral(DeclineReason.Other, $"{Sentinel} declined")));
        var closed = await api.ReferAs(advocate, request);
        await api.AndWait(() => api.Act(closed, Referral.Accept));
        await api.AndWait(() => api.Act(closed, Referral.Close, new CloseReferral(CloseOutcome.FamilyDeclined, $"{Sentinel} closed")));

        var messages = api.Mail.To(providerEmail).Concat(api.Mail.To(advocateEmail)).Where(m => m.Subject != "Your listing is verified").ToList();
        Assert.Equal(2 + 3, messages.Count); // two new referrals; declined, accepted, closed
        Assert.All(messages, m => Assert.DoesNotContain(Sentinel, m.Everything(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(messages, m => m.Subject == "Jordan Rivera declined your referral" && (m.TextBody ?? "").Contains("another reason (see the referral's page)"));
    }

    [Fact]
    public async Task the_advocate_hears_of_each_answer_and_a_user_without_an_address_is_skipped_visibly()
    {
        var provider = await api.ProviderAt($"p-{Guid.NewGuid():N}@example.org");
        var advocate = AdvocateWithEmail(out var advocateEmail);
        var referral = await api.ReferAs(advocate, ReferralScenarios.Request(provider));
        await api.AndWait(() => api.Act(referral, Referral.Waitlist, new WaitlistReferral(3)));

        var waitlisted = await api.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == advocateEmail));
        Assert.Equal("Jordan Rivera put your referral on the waiting list", waitlisted.Subject);
        Assert.Contains("about 3 weeks", waitlisted.TextBody);
        // Optional kinds say where to turn them off.
        Assert.Equal("<https://referrals.test/settings/notifications>", waitlisted.Headers["List-Unsubscribe"]);

        // The advocate sees what went to whom, their own address, but not the provider's.
        var seen = await api.NotificationsOf(referral, advocate);
        Assert.Equal([(NotificationKind.ReferralRequested, RecipientRole.Provider, NotificationStatus.Sent, (string?)null),
            (NotificationKind.ReferralAnswered, RecipientRole.Advocate, NotificationStatus.Sent, advocateEmail)],
            seen.Select(n => (n.Kind, n.Recipient, n.Status, n.To)));

        // An advocate nobody knows an address for: skipped, and the skip is on the record.
        var silent = await api.ReferAs(Caller.Advocate($"advocate-{Guid.NewGuid():N}"), ReferralScenarios.Request(provider));
        await api.AndWait(() => api.Act(silent, Referral.Accept));
        var skipped = Assert.Single(await api.NotificationsOf(silent), n => n.Recipient == RecipientRole.Advocate);
        Assert.Equal((NotificationStatus.Skipped, "no email address"), (skipped.Status, skipped.SkipReason));
    }

    [Fact]
    public async Task the_daily_digest_gathers_the_kinds_chosen_for_it_and_leaves_out_those_turned_off()
    {
        var provider = await api.ProviderAt($"p-{Guid.NewGuid():N}@example.org");
        var advocate = AdvocateWithEmail(out var advocateEmail);
        var choice = new ChangeNotificationPreferences(new()
        {
            [NotificationKind.ReferralAnswered] = Delivery.DailyDigest,
            [NotificationKind.ReferralClosed] = Delivery.DailyDigest,
            [NotificationKind.FirstSessionScheduled] = Delivery.Off,
        }, 7, "America/Chicago");
        var put = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/notification-preferences") { Content = JsonContent.Create(choice, options: ProviderScenarios.Json) }.As(advocate));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var referral = await api.ReferAs(advocate, ReferralScenarios.Request(provider));
        await api.AndWait(() => api.Act(referral, Referral.Accept));
        await api.AndWait(() => api.Act(referral, Referral.Schedule, new ScheduleFirstSession(ProviderScenarios.Today.AddDays(3))));
        await api.AndWait(() => api.Act(referral, Referral.Close, new CloseReferral(CloseOutcome.Completed, null)));
        Assert.Empty(api.Mail.To(advocateEmail));

        var waiting = await api.Stored(referral, RecipientRole.Advocate, NotificationKind.ReferralAnswered);
        Assert.Equal(NotificationStatus.InDigest, waiting.Status);
        Assert.Equal(7, TimeZoneInfo.ConvertTime(waiting.DigestDue!.Value, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).Hour);
        await api.Host.InvokeMessageAndWaitAsync(new SendDigest(advocate.UserId, waiting.DigestDue.Value));

        var digest = Assert.Single(api.Mail.To(advocateEmail));
        Assert.Equal("Your daily summary: 2 updates", digest.Subject);
        Assert.Contains("Jordan Rivera accepted your referral", digest.TextBody);
        Assert.Contains("Jordan Rivera closed your referral", digest.TextBody);
        Assert.DoesNotContain("scheduled a first session", digest.TextBody);
    }

    [Fact]
    public async Task a_provider_taking_referrals_cannot_turn_off_new_referrals()
    {
        var provider = await api.ProviderAt($"p-{Guid.NewGuid():N}@example.org");
        var choice = new ChangeNotificationPreferences(new() { [NotificationKind.ReferralRequested] = Delivery.Off }, null, null);
        var put = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/notification-preferences") { Content = JsonContent.Create(choice, options: ProviderScenarios.Json) }.As(Caller.Provider(provider)));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.NotEmpty((await put.Problem()).Errors("kinds.referral-requested"));
    }
}
