using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ReferralNetwork.Providers.Verification;

/// <summary>
/// Keeps <see cref="VerificationCase"/> from the provider events that concern verification (not availability or slots,
/// so a weekly availability change does not rewrite it). Event data and timestamps only, so a rebuild agrees.
/// </summary>
public sealed partial class VerificationCaseProjection : SingleStreamProjection<VerificationCase, Guid>
{
    public static VerificationCase Create(IEvent<ProviderOnboarded> e) =>
        SetProfile(new VerificationCase { Id = e.Data.ProviderId, OnboardedAt = e.Timestamp, WaitingSince = e.Timestamp }, e.Data.Profile);

    public VerificationCase Apply(ProfileUpdated e, VerificationCase c) => SetProfile(c, e.Profile);

    public VerificationCase Apply(IEvent<ProviderVerified> e, VerificationCase c)
    {
        (c.Verified, c.VerifiedAt, c.Review) = (true, e.Timestamp, ReviewStatus.Waiting);
        return c;
    }

    public VerificationCase Apply(IEvent<ProviderVerificationLapsed> e, VerificationCase c)
    {
        (c.Verified, c.VerifiedAt, c.VerifiedBefore, c.Review, c.WaitingSince) = (false, null, true, ReviewStatus.Waiting, e.Timestamp);
        return c;
    }

    public VerificationCase Apply(ProviderDeactivated _, VerificationCase c)
    {
        c.Active = false;
        return c;
    }

    public VerificationCase Apply(ProviderReactivated _, VerificationCase c)
    {
        c.Active = true;
        return c;
    }

    public VerificationCase Apply(IEvent<ProviderInformationRequested> e, VerificationCase c)
    {
        (c.Review, c.InformationRequest, c.InformationRequestedAt) = (ReviewStatus.InformationRequested, e.Data.Message, e.Timestamp);
        return c;
    }

    public VerificationCase Apply(IEvent<ProviderInformationSent> e, VerificationCase c)
    {
        (c.Review, c.Reply, c.RepliedAt) = (ReviewStatus.ProviderReplied, e.Data.Message, e.Timestamp);
        return c;
    }

    public VerificationCase Apply(IEvent<ProviderApplicationDeclined> e, VerificationCase c)
    {
        (c.Review, c.DeclineReason, c.DeclineNote, c.DeclinedAt) = (ReviewStatus.Declined, e.Data.Reason, e.Data.Note, e.Timestamp);
        return c;
    }

    // A resubmitted application joins the queue again as if new, keeping the decline it answers for the staff to read.
    public VerificationCase Apply(IEvent<ProviderApplicationResubmitted> e, VerificationCase c)
    {
        (c.Review, c.Reply, c.RepliedAt, c.WaitingSince) = (ReviewStatus.ProviderReplied, e.Data.Message, e.Timestamp, e.Timestamp);
        return c;
    }

    private static VerificationCase SetProfile(VerificationCase c, ProviderProfile p)
    {
        (c.Name, c.Credentials, c.Npi, c.Licences) = (p.Name, p.Credentials, p.Npi, p.Licences);
        c.States = p.Licences.Select(l => l.State).Concat(p.Locations.Select(l => l.State)).Distinct().Order(StringComparer.Ordinal).ToArray();
        c.LicencesExpireFirst = p.Licences.Count == 0 ? DateOnly.MaxValue : p.Licences.Min(l => l.ExpiresOn);
        return c;
    }
}
