namespace ReferralNetwork.Providers.Searching;

/// <summary>
/// What search and profile pages show of a provider (inline projection: a write is searchable in the same
/// response). The flat arrays and flags at the end are the search columns, duplicated into indexed
/// PostgreSQL columns by <see cref="ProviderSearchSchema"/>.
/// </summary>
public sealed class ProviderListing
{
    public Guid Id { get; set; }

    /// <summary>The provider stream's version (the ETag).</summary>
    public long Version { get; set; }

    public string Name { get; set; } = "";
    public IReadOnlyList<string> Credentials { get; set; } = [];
    public string? Npi { get; set; }
    public IReadOnlyList<Licence> Licences { get; set; } = [];
    public IReadOnlyList<PracticeLocation> Locations { get; set; } = [];
    public IReadOnlyList<string> TelehealthStates { get; set; } = [];
    public IReadOnlyList<string> Languages { get; set; } = [];
    public IReadOnlyList<string> AgeGroups { get; set; } = [];
    public IReadOnlyList<string> Specialties { get; set; } = [];
    public ProviderContact Contact { get; set; } = new("", null);
    public string? Bio { get; set; }
    public FeeTerms FeeTerms { get; set; } = FeeTerms.None;
    public Availability Availability { get; set; } = Availability.Unknown;
    public bool Verified { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public bool Active { get; set; } = true;
    public string? DeactivationReason { get; set; }
    public DateTimeOffset OnboardedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>When the provider last confirmed or changed availability ("last confirmed").</summary>
    public DateTimeOffset LastConfirmedAt { get; set; }

    /// <summary>Not confirmed for longer than the configured period (60 days by default).</summary>
    public bool Stale { get; set; }

    // Search columns, derived from the fields above by the projection.
    public string SortName { get; set; } = "";
    public string[] PracticeStates { get; set; } = [];
    public int[] GridCells { get; set; } = [];
    public double[] Latitudes { get; set; } = [];
    public double[] Longitudes { get; set; } = [];
    public bool Accepting { get; set; }
    public bool ProBono { get; set; }
    public decimal? SlidingScaleMinFeeUsd { get; set; }
    public DateOnly LicencesValidUntil { get; set; }
}
