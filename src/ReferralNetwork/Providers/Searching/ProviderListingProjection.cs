using JasperFx.Events;
using Marten.Events.Aggregation;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Providers.Searching;

/// <summary>Shapes a provider's events into its listing. Uses only event data and event timestamps (rebuilds agree).</summary>
public sealed partial class ProviderListingProjection : SingleStreamProjection<ProviderListing, Guid>
{
    public static ProviderListing Create(IEvent<ProviderOnboarded> e)
    {
        var listing = new ProviderListing { Id = e.Data.ProviderId, OnboardedAt = e.Timestamp, LastConfirmedAt = e.Timestamp };
        return Touch(SetProfile(listing, e.Data.Profile), e);
    }

    public ProviderListing Apply(IEvent<ProfileUpdated> e, ProviderListing listing) => Touch(SetProfile(listing, e.Data.Profile), e);

    public ProviderListing Apply(IEvent<SpecialtiesChanged> e, ProviderListing listing)
    {
        listing.Specialties = e.Data.Specialties;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<FeeTermsChanged> e, ProviderListing listing)
    {
        listing.FeeTerms = e.Data.FeeTerms;
        listing.ProBono = e.Data.FeeTerms.ProBono.Offered;
        listing.SlidingScaleMinFeeUsd = e.Data.FeeTerms.SlidingScale.Offered ? e.Data.FeeTerms.SlidingScale.MinFeeUsd : null;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<AvailabilityChanged> e, ProviderListing listing)
    {
        listing.Availability = e.Data.Availability;
        listing.Accepting = e.Data.Availability.TakesReferrals;
        listing.LastConfirmedAt = e.Timestamp;
        listing.Stale = false;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<SlotReserved> e, ProviderListing listing) => SetSlots(listing, e.Data.Kind, -1, e);

    public ProviderListing Apply(IEvent<SlotReleased> e, ProviderListing listing) => SetSlots(listing, e.Data.Kind, +1, e);

    // At zero open slots the listing shows "not accepting" in the next search.
    private static ProviderListing SetSlots(ProviderListing listing, FeeKind kind, int change, IEvent e)
    {
        listing.Availability = listing.Availability.WithSlots(kind, change);
        listing.Accepting = listing.Availability.TakesReferrals;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<AvailabilityConfirmed> e, ProviderListing listing)
    {
        listing.LastConfirmedAt = e.Timestamp;
        listing.Stale = false;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<ListingWentStale> e, ProviderListing listing)
    {
        listing.Stale = true;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<ProviderVerified> e, ProviderListing listing)
    {
        listing.Verified = true;
        listing.VerifiedAt = e.Timestamp;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<ProviderVerificationLapsed> e, ProviderListing listing)
    {
        listing.Verified = false;
        listing.VerifiedAt = null;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<ProviderDeactivated> e, ProviderListing listing)
    {
        listing.Active = false;
        listing.DeactivationReason = e.Data.Reason;
        return Touch(listing, e);
    }

    public ProviderListing Apply(IEvent<ProviderReactivated> e, ProviderListing listing)
    {
        listing.Active = true;
        listing.DeactivationReason = null;
        return Touch(listing, e);
    }

    // The verification review (Providers/Verification) shows nothing on the listing, but each of its events moves the
    // stream's version, which the listing carries as the ETag of every provider write: handled so the version follows.
    public ProviderListing Apply(ProviderInformationRequested _, ProviderListing listing) => listing;

    public ProviderListing Apply(ProviderInformationSent _, ProviderListing listing) => listing;

    public ProviderListing Apply(ProviderApplicationDeclined _, ProviderListing listing) => listing;

    public ProviderListing Apply(ProviderApplicationResubmitted _, ProviderListing listing) => listing;

    private static ProviderListing SetProfile(ProviderListing listing, ProviderProfile p)
    {
        listing.Name = p.Name;
        listing.SortName = p.Name.ToLowerInvariant();
        listing.Credentials = p.Credentials;
        listing.Npi = p.Npi;
        listing.Licences = p.Licences;
        listing.LicencesValidUntil = p.Licences.Count == 0 ? DateOnly.MinValue : p.Licences.Max(l => l.ExpiresOn);
        listing.Locations = p.Locations;
        listing.PracticeStates = p.Locations.Select(l => l.State).Distinct().Order(StringComparer.Ordinal).ToArray();
        listing.Latitudes = p.Locations.Select(l => l.Latitude).ToArray();
        listing.Longitudes = p.Locations.Select(l => l.Longitude).ToArray();
        listing.GridCells = p.Locations.Select(l => GridCell.Of(l.Latitude, l.Longitude)).Distinct().Order().ToArray();
        listing.TelehealthStates = p.TelehealthStates;
        listing.Languages = p.Languages;
        listing.AgeGroups = p.AgeGroups;
        listing.Contact = p.Contact;
        listing.Bio = p.Bio;
        return listing;
    }

    private static ProviderListing Touch(ProviderListing listing, IEvent e)
    {
        listing.LastChangedAt = e.Timestamp;
        return listing;
    }
}
