using System.Text.Json.Serialization;

namespace ReferralNetwork.Providers;

/// <summary>A state licence to practise: telehealth and in-person work are only allowed where one is held.</summary>
public sealed record Licence(string Type, string State, string Number, DateOnly ExpiresOn);

/// <summary>A practice address as a provider types it; coordinates are resolved from the ZIP at write time.</summary>
public sealed record PracticeAddress(string? Name, string Street, string City, string State, string Zip);

/// <summary>A practice address with the coordinates of its ZIP centroid, as recorded in events.</summary>
public sealed record PracticeLocation(
    string? Name, string Street, string City, string State, string Zip, double Latitude, double Longitude);

/// <summary>Who the provider is and where they practise, as recorded in events (locations with coordinates).</summary>
public sealed record ProviderProfile(
    string Name,
    IReadOnlyList<string> Credentials,
    string? Npi,
    IReadOnlyList<Licence> Licences,
    IReadOnlyList<PracticeLocation> Locations,
    IReadOnlyList<string> TelehealthStates,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> AgeGroups,
    ProviderContact Contact,
    string? Bio);

/// <summary>
/// How the network reaches the provider. Shown to signed-in advocates and administrators, and in directory
/// exchanges (HSDS) unless the provider marks a detail private. <paramref name="ReferralsEmail"/> is a separate
/// address for referral emails (e.g. an intake desk); without it referral emails go to <paramref name="Email"/>.
/// </summary>
public sealed record ProviderContact(string Email, string? Phone, string? ReferralsEmail = null, bool EmailPrivate = false, bool PhonePrivate = false)
{
    /// <summary>Where referral emails go.</summary>
    public string ReferralsAddress => string.IsNullOrWhiteSpace(ReferralsEmail) ? Email : ReferralsEmail;
}

public sealed record ProBonoTerms(bool Offered, int? SessionsPerFamily);

public sealed record SlidingScaleTerms(bool Offered, decimal? MinFeeUsd, decimal? MaxFeeUsd, bool IncomeBased);

public sealed record FeeTerms(ProBonoTerms ProBono, SlidingScaleTerms SlidingScale, string? InsuranceNotes)
{
    public static readonly FeeTerms None = new(new(false, null), new(false, null, null, false), null);
}

/// <summary>The two kinds of open slot: a referral's fee need decides which one its acceptance takes.</summary>
public enum FeeKind { ProBono, SlidingScale }

public enum AcceptingStatus
{
    Accepting,
    NotAccepting,

    /// <summary>Keeps the listing and its history but takes no new referrals (e.g. to guard against vicarious trauma).</summary>
    Paused,
}

public sealed record Availability(AcceptingStatus Status, int OpenProBonoSlots, int OpenSlidingScaleSlots, int? TypicalWaitWeeks)
{
    public static readonly Availability Unknown = new(AcceptingStatus.NotAccepting, 0, 0, null);

    public int OpenSlots(FeeKind kind) => kind == FeeKind.ProBono ? OpenProBonoSlots : OpenSlidingScaleSlots;

    /// <summary>Accepting new referrals, with a slot free for at least one kind of fee terms.</summary>
    [JsonIgnore]
    public bool TakesReferrals => Status == AcceptingStatus.Accepting && OpenProBonoSlots + OpenSlidingScaleSlots > 0;

    public Availability WithSlots(FeeKind kind, int change) => kind == FeeKind.ProBono
        ? this with { OpenProBonoSlots = Math.Max(0, OpenProBonoSlots + change) }
        : this with { OpenSlidingScaleSlots = Math.Max(0, OpenSlidingScaleSlots + change) };
}
