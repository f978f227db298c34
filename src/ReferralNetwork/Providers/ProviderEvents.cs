namespace ReferralNetwork.Providers;

// Who did each of these, and when, is Marten event metadata (user name, "role" header, timestamp,
// correlation id), so the event bodies carry only the facts. See docs/events.md.

/// <summary>A provider joined; the stream's first event. Specialties, fee terms and availability follow as their own events.</summary>
public sealed record ProviderOnboarded(Guid ProviderId, ProviderProfile Profile);

/// <summary>The full set of trauma specialty codes, replacing the previous set.</summary>
public sealed record SpecialtiesChanged(IReadOnlyList<string> Specialties);

public sealed record FeeTermsChanged(FeeTerms FeeTerms);

public sealed record AvailabilityChanged(Availability Availability);

/// <summary>The full profile after the change, replacing the previous one.</summary>
public sealed record ProfileUpdated(ProviderProfile Profile);

/// <summary>An administrator checked the provider's licences; the note says how (e.g. the state board's lookup).</summary>
public sealed record ProviderVerified(string? Note);

/// <summary>A verification no longer covers the provider, e.g. because the licences changed since it was done.</summary>
public sealed record ProviderVerificationLapsed(string Reason);

public sealed record ProviderDeactivated(string Reason);

public sealed record ProviderReactivated(string? Note);

/// <summary>The provider confirmed the listing is current; drives "last confirmed".</summary>
public sealed record AvailabilityConfirmed;

/// <summary>An accepted referral took one open slot of this kind (cross-stream, in the acceptance's transaction).</summary>
public sealed record SlotReserved(Guid ReferralId, FeeKind Kind);

/// <summary>A referral that held a slot was closed or withdrawn: the slot is open again.</summary>
public sealed record SlotReleased(Guid ReferralId, FeeKind Kind);

/// <summary>
/// Nobody confirmed the listing for <paramref name="NotConfirmedFor"/>: it is marked stale, and this is the reminder
/// to the provider. Confirming or changing availability makes it fresh again.
/// </summary>
public sealed record ListingWentStale(TimeSpan NotConfirmedFor);

// The verification review (Providers/Verification): between joining and being verified, the network may ask for more
// and the provider answer, or the network decline the application and the provider ask it to look again.

/// <summary>An administrator asked the provider for more before verifying; the message says what is missing (plain text).</summary>
public sealed record ProviderInformationRequested(string Message);

/// <summary>The provider answered a request for information (after updating the profile, or saying where they sent it).</summary>
public sealed record ProviderInformationSent(string Message);

/// <summary>An administrator declined the application: unverified, not verifiable until the provider resubmits.</summary>
public sealed record ProviderApplicationDeclined(ApplicationDeclineReason Reason, string? Note);

/// <summary>The provider asked the network to look again at a declined application; it waits in the queue again.</summary>
public sealed record ProviderApplicationResubmitted(string Message);
