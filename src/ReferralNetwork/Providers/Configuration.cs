using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Providers.Verification;

namespace ReferralNetwork.Providers;

public static class Configuration
{
    /// <summary>
    /// The provider area's Marten registrations: the listing is inline so a write is searchable at once, and the write
    /// model is kept as an inline snapshot, so a command loads one document instead of replaying a stream that grows
    /// with every availability change (docs/benchmarks.md: writes slowed as streams grew to hundreds of events).
    /// </summary>
    public static StoreOptions AddProviders(this StoreOptions options)
    {
        options.Projections.Snapshot<Provider>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Add<ProviderListingProjection>(ProjectionLifecycle.Inline, ForRebuilds);
        ProviderSearchSchema.Configure(options);
        // The verification queue's read model: inline like the listing, so the queue shows an action at once.
        options.Projections.Add<VerificationCaseProjection>(ProjectionLifecycle.Inline, ForRebuilds);
        VerificationSchema.Configure(options);
        return options;
    }

    // A rebuild (`projections rebuild`) reads events in larger pages and writes each provider's document once per
    // 20,000 providers instead of once per page of events (docs/benchmarks.md has the figures).
    private static void ForRebuilds(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.RebuildFlushThreshold = 20_000;
    }

    public static IServiceCollection AddListingSettings(this IServiceCollection services)
    {
        services.AddOptions<ListingOptions>().BindConfiguration("Listings");
        return services;
    }
}
