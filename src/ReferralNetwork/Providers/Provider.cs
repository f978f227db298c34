namespace ReferralNetwork.Providers;

public enum ProviderStatus
{
    Active,
    Deactivated,
}

/// <summary>
/// The write model of one provider's stream: only what the decisions need. Immutable; Marten builds it
/// from the stream through the source-generated Create/Apply dispatch (hence partial and public).
/// </summary>
public sealed partial record Provider
{
    public Guid Id { get; init; }

    /// <summary>The stream version, set by Marten; the ETag of the provider's resources.</summary>
    public long Version { get; set; }

    public ProviderStatus Status { get; init; }
    public bool Verified { get; init; }

    /// <summary>Where the application stands with the network's staff while unverified (Providers/Verification).</summary>
    public ReviewStatus Review { get; init; }
    public IReadOnlyList<string> Specialties { get; init; } = [];
    public FeeTerms FeeTerms { get; init; } = FeeTerms.None;
    public Availability Availability { get; init; } = Availability.Unknown;
    public ProviderProfile Profile { get; init; } = null!;

    /// <summary>How many times availability was set or confirmed; a freshness check names the one it follows.</summary>
    public int Confirmations { get; init; }
    public bool Stale { get; init; }

    public static Provider Create(ProviderOnboarded e) => new()
    {
        Id = e.ProviderId,
        Status = ProviderStatus.Active,
        Profile = e.Profile,
    };

    public Provider Apply(SpecialtiesChanged e) => this with { Specialties = e.Specialties };

    public Provider Apply(FeeTermsChanged e) => this with { FeeTerms = e.FeeTerms };

    public Provider Apply(AvailabilityChanged e) => this with { Availability = e.Availability, Confirmations = Confirmations + 1, Stale = false };

    public Provider Apply(ProfileUpdated e) => this with { Profile = e.Profile };

    public Provider Apply(ProviderVerified _) => this with { Verified = true, Review = ReviewStatus.Waiting };

    public Provider Apply(ProviderVerificationLapsed _) => this with { Verified = false, Review = ReviewStatus.Waiting };

    public Provider Apply(ProviderInformationRequested _) => this with { Review = ReviewStatus.InformationRequested };

    public Provider Apply(ProviderInformationSent _) => this with { Review = ReviewStatus.ProviderReplied };

    public Provider Apply(ProviderApplicationDeclined _) => this with { Review = ReviewStatus.Declined };

    public Provider Apply(ProviderApplicationResubmitted _) => this with { Review = ReviewStatus.ProviderReplied };

    public Provider Apply(ProviderDeactivated _) => this with { Status = ProviderStatus.Deactivated };

    public Provider Apply(ProviderReactivated _) => this with { Status = ProviderStatus.Active };

    public Provider Apply(AvailabilityConfirmed _) => this with { Confirmations = Confirmations + 1, Stale = false };

    public Provider Apply(ListingWentStale _) => this with { Stale = true };

    public Provider Apply(SlotReserved e) => this with { Availability = Availability.WithSlots(e.Kind, -1) };

    public Provider Apply(SlotReleased e) => this with { Availability = Availability.WithSlots(e.Kind, +1) };
}
