using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNetwork.Referrals;

public static class Configuration
{
    /// <summary>The summary is inline (an advocate sees the new status in the same response); its filters are indexed columns.</summary>
    public static StoreOptions AddReferrals(this StoreOptions options)
    {
        options.Projections.Add<ReferralSummaryProjection>(ProjectionLifecycle.Inline);
        // Reporting read models are async: a write never waits for them, and Wolverine spreads them across nodes.
        options.Projections.Add<ProviderResponseStatsProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<Network.NetworkStatsProjection>(ProjectionLifecycle.Async);
        // What a referral holds about a family, masked in place in mt_events on erasure (EraseReferral.cs). Everything
        // else stays, so the summary's statuses and times and the reporting projections rebuild the same.
        options.Events.AddMaskingRuleForProtectedInformation<ReferralRequested>(e => e with
        {
            FamilyReference = EraseReferralEndpoint.Erased,
            Contact = e.Contact with { GuardianContact = null },
            Note = null,
        });
        options.Events.AddMaskingRuleForProtectedInformation<ReferralDeclined>(e => e with { Note = null });
        options.Events.AddMaskingRuleForProtectedInformation<ReferralClosed>(e => e with { Note = null });
        options.Events.AddMaskingRuleForProtectedInformation<ReferralWithdrawn>(e => e with { Reason = null });
        var summary = options.Schema.For<ReferralSummary>();
        summary.Duplicate(x => x.ProviderId);
        summary.Duplicate(x => x.AdvocateId);
        summary.Duplicate(x => x.FamilyState);
        summary.Duplicate(x => x.Status);
        summary.Duplicate(x => x.RequestedAt);
        // Search can sort by it ("responds fastest").
        options.Schema.For<ProviderResponseStats>().Duplicate(x => x.MedianHoursToAnswer);
        return options;
    }

    public static IServiceCollection AddReferralSettings(this IServiceCollection services)
    {
        services.AddOptions<ReferralOptions>().BindConfiguration("Referrals");
        return services;
    }
}
