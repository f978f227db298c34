namespace ReferralNetwork.Providers.Verification;

/// <summary>
/// One provider as the verification staff see it: who they are, their licences, and where their application stands
/// (inline projection, so the queue shows an action at once). Only admins and the provider themself read it: the
/// messages between them stay off the listing that advocates see.
/// </summary>
public sealed class VerificationCase
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public IReadOnlyList<string> Credentials { get; set; } = [];
    public string? Npi { get; set; }
    public IReadOnlyList<Licence> Licences { get; set; } = [];
    public bool Active { get; set; } = true;
    public bool Verified { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>Was verified once, and the verification lapsed (licences changed).</summary>
    public bool VerifiedBefore { get; set; }

    public ReviewStatus Review { get; set; }
    public DateTimeOffset OnboardedAt { get; set; }

    /// <summary>When the application (re)entered the queue: joining, a lapsed verification, or a resubmission. Oldest first.</summary>
    public DateTimeOffset WaitingSince { get; set; }

    /// <summary>The network's last request for information, kept after the provider answers it.</summary>
    public string? InformationRequest { get; set; }
    public DateTimeOffset? InformationRequestedAt { get; set; }

    /// <summary>The provider's last answer (to a request, or asking to look again after a decline).</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    public ApplicationDeclineReason? DeclineReason { get; set; }
    public string? DeclineNote { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }

    // Filter columns (VerificationQueueSchema): licence and practice states together, and the soonest licence expiry.
    public string[] States { get; set; } = [];
    public DateOnly LicencesExpireFirst { get; set; }
}
