using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Notifications;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using Weasel.Core;
using Wolverine.Marten;

namespace ReferralNetwork.Hosting;

public static class EventStore
{
    /// <summary>
    /// Marten on one shared NpgsqlDataSource (search SQL uses it too), integrated with Wolverine for the
    /// transactional outbox and Wolverine-managed distribution of async projections across nodes. Every connection the
    /// app opens comes from that one pool, sized by <paramref name="budget"/>.
    /// </summary>
    public static IServiceCollection AddReferralNetworkStore(this IServiceCollection services, string connectionString, ConnectionBudget budget)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddReferralSettings().AddListingSettings();
        services.AddSingleton(_ => NpgsqlDataSource.Create(budget.Apply(connectionString)));
        services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(sp.GetRequiredService<NpgsqlDataSource>());
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                // Never the commands' values in the log; lost races quietly (MartenCommandLog).
                options.Logger(new MartenCommandLog(sp.GetRequiredService<ILogger<IDocumentStore>>()));
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Who did what: user name, a "role" header, correlation and causation ids on every event.
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true; // EnableAll() leaves this one off in Marten 9.58
                // Needed with the DistributedLock stand-in (docs/decisions/0002-distributedlock-stand-in.md).
                options.Events.UseAdvisoryLockTransaction = true;
                options.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                // Wake the async projections on every append (LISTEN/NOTIFY) instead of waiting for the next poll:
                // projection lag under load went from 2 s (polling) to docs/benchmarks.md's figures.
                options.Events.UseListenNotifyForEventAppends = true;
                options.AddProviders().AddReferrals().AddAccessAudit().AddDataProtectionKeys().AddPeople().AddNotifications();
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(m =>
            {
                m.UseWolverineManagedEventSubscriptionDistribution = true;
                // Events with a Wolverine handler (Notifications/) are published through the outbox of the transaction that
                // appends them: the notification's cause and its message commit together (docs/decisions/0010).
                m.UseFastEventForwarding = true;
                // Events that hold family data are forwarded as ids and codes only: Wolverine's tables keep no copy of it.
                m.SubscribeToEvent<ReferralRequested>().TransformedTo(e => new ReferralRequestedNotice(e.Id, e.StreamId, e.Data.ProviderId, e.Data.RespondBy));
                m.SubscribeToEvent<ReferralDeclined>().TransformedTo(e => new ReferralDeclinedNotice(e.Id, e.StreamId, e.Data.Reason));
                m.SubscribeToEvent<ReferralClosed>().TransformedTo(e => new ReferralClosedNotice(e.Id, e.StreamId, e.Data.Outcome));
            });
        // After Marten's own start-up work (the schema), before serving: snapshots missing from an older database.
        services.AddHostedService<ProviderSnapshots>();
        return services;
    }
}
