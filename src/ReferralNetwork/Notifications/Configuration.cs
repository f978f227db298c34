using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReferralNetwork.Notifications;

public static class Configuration
{
    public static StoreOptions AddNotifications(this StoreOptions options)
    {
        var notifications = options.Schema.For<Notification>();
        notifications.Duplicate(n => n.ReferralId!);
        notifications.Duplicate(n => n.RecipientKey);
        notifications.Duplicate(n => n.Status);
        options.Schema.For<NotificationPreferences>();
        return options;
    }

    /// <summary>Settings bound from "Notifications", checked at start-up: Production refuses to start without SMTP unless turned off.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, bool development, string defaultPickupDirectory)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications")
            .PostConfigure(o => o.PickupDirectory = string.IsNullOrWhiteSpace(o.PickupDirectory) && development ? defaultPickupDirectory : o.PickupDirectory)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>>(new NotificationOptionsValidation(development));
        services.AddSingleton<MailDelivery>();
        return services;
    }
}
