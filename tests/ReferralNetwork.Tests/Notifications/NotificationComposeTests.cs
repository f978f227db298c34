using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Notifications;

public sealed class NotificationComposeTests
{
    private static readonly Dictionary<string, object> Services =
        (Dictionary<string, object>)ComposeFile.Read(Path.Combine(Repository.Root, "docker-compose.yml"))["services"];

    [Fact]
    public void compose_sends_the_apis_email_to_mailpit_whose_web_ui_listens_on_loopback_only()
    {
        var mailpit = (Dictionary<string, object>)Services["mailpit"];
        Assert.StartsWith("axllent/mailpit:", (string)mailpit["image"]);
        Assert.Equal(["127.0.0.1:8025:8025"], (List<string>)mailpit["ports"]);
        var environment = (Dictionary<string, object>)((Dictionary<string, object>)Services["api"])["environment"];
        Assert.Equal("${SMTP_HOST:-mailpit}", environment["Notifications__Smtp__Host"]);
        Assert.Equal("${SMTP_PORT:-1025}", environment["Notifications__Smtp__Port"]);
        Assert.Equal("${SMTP_SECURITY:-none}", environment["Notifications__Smtp__Security"]);
    }
}
