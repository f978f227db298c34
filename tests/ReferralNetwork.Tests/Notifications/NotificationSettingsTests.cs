using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReferralNetwork.Api;
using ReferralNetwork.Notifications;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Notifications;

public sealed class NotificationSettingsTests
{
    [Fact]
    public void production_refuses_to_start_without_an_smtp_host_unless_notifications_are_off()
    {
        using var refused = ApiFixture.CreateHost("Production", new Dictionary<string, string?> { ["Notifications:Enabled"] = "true" });
        var e = Assert.ThrowsAny<OptionsValidationException>(() => refused.CreateClient());
        Assert.Contains("Notifications:Smtp:Host is required outside Development", e.Message);
        Assert.Contains("Notifications__Enabled=false", e.Message);
    }

    [Fact]
    public void settings_that_would_lose_mail_are_named()
    {
        var check = new NotificationOptionsValidation(development: false);
        var result = check.Validate(null, new NotificationOptions { Smtp = { Host = "mail.example.org" }, PublicBaseUrl = "not a url", From = "nobody" });
        Assert.Contains(result.Failures!, f => f.StartsWith("Notifications:PublicBaseUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Notifications:From", StringComparison.Ordinal));
        Assert.True(check.Validate(null, new NotificationOptions { Enabled = false }).Succeeded);
    }

    [Fact]
    public async Task without_an_smtp_host_development_writes_each_message_once_to_the_pickup_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rn-mail-{Guid.NewGuid():N}");
        try
        {
            var options = new NotificationOptions { PickupDirectory = folder, PublicBaseUrl = "https://referrals.test" };
            var delivery = new MailDelivery(Options.Create(options));
            var n = new Notification
            {
                Id = Guid.NewGuid(),
                To = "someone@example.org",
                Subject = "A new referral is waiting for your answer",
                Text = "text",
                Html = "<p>html</p>",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            await delivery.DeliverAsync(n, CancellationToken.None);
            await delivery.DeliverAsync(n, CancellationToken.None); // a retry replaces, never duplicates

            var letter = Assert.Single(MailPickup.List(options));
            Assert.Equal("A new referral is waiting for your answer", letter.Subject);
            var message = MailPickup.Open(options, letter.Name)!;
            Assert.Equal(MailDelivery.MessageIdFor(n.Id, options), message.MessageId);
            Assert.Equal("text", message.TextBody?.Trim());
            Assert.Null(MailPickup.Open(options, "../" + letter.Name));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void the_default_pickup_folder_is_beside_the_embedded_database()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["EmbeddedDatabase:DataDirectory"] = "/srv/rn/postgres" }).Build();
        Assert.Equal("/srv/rn/mail", MailPickup.DefaultFolder(configuration));
    }
}
