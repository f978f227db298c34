using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>
/// The profile a provider types: name, credentials, licences, practice addresses, telehealth states, languages,
/// age groups, contact and bio. The body of PUT .../profile, and the "profile" part of onboarding.
/// </summary>
public sealed record UpdateProfile(
    string Name,
    IReadOnlyList<string> Credentials,
    string? Npi,
    IReadOnlyList<Licence> Licences,
    IReadOnlyList<PracticeAddress> Locations,
    IReadOnlyList<string> TelehealthStates,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> AgeGroups,
    ProviderContact Contact,
    string? Bio)
{
    /// <summary>The profile as recorded: trimmed, codes normalised, ZIPs resolved to coordinates. Call after validation.</summary>
    public ProviderProfile ToProfile() => new(Name.Trim(), Credentials.Select(c => c.Trim()).Distinct().ToList(), Npi,
        Licences.Select(l => l with { State = l.State.ToUpperInvariant(), Type = l.Type.Trim() }).ToList(),
        ProfileRules.Resolve(Locations ?? []), ProviderRules.States(TelehealthStates ?? []), ProviderRules.Codes(Languages),
        ProviderRules.Codes(AgeGroups), Trimmed(Contact), string.IsNullOrWhiteSpace(Bio) ? null : Bio.Trim());

    private static ProviderContact Trimmed(ProviderContact c) =>
        c with { Email = c.Email.Trim(), ReferralsEmail = string.IsNullOrWhiteSpace(c.ReferralsEmail) ? null : c.ReferralsEmail.Trim() };
}

public static class UpdateProfileEndpoint
{
    public static ProblemDetails Validate(UpdateProfile command, TimeProvider clock)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var problems = new ValidationProblems();
        ProfileRules.Check(command, "", problems, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return problems.ToProblemDetails();
    }

    public static ProblemDetails Before(HttpContext context, Provider provider) => ProviderRules.CheckChange(context, provider);

    [WolverinePut("/api/providers/{providerId}/profile", OperationId = "updateProfile"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Update a provider profile"), EndpointDescription("Needs If-Match with the provider's current ETag (412 when stale, 428 when missing).")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Put(UpdateProfile command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, Decide(command, provider));

    public static Events Decide(UpdateProfile command, Provider provider)
    {
        var profile = command.ToProfile();
        if (SameProfile(profile, provider.Profile)) return [];
        Events events = [new ProfileUpdated(profile)];
        // A verification vouches for the licences that were checked, not for new ones.
        if (provider.Verified && !profile.Licences.ToHashSet().SetEquals(provider.Profile.Licences))
            events.Add(new ProviderVerificationLapsed("licences changed since verification"));
        return events;
    }

    // Records compare their lists by reference; a profile is the same when every list holds the same items.
    private static bool SameProfile(ProviderProfile a, ProviderProfile b) =>
        a.Name == b.Name && a.Npi == b.Npi && a.Bio == b.Bio && a.Contact == b.Contact &&
        a.Credentials.SequenceEqual(b.Credentials) && a.Licences.SequenceEqual(b.Licences) &&
        a.Locations.SequenceEqual(b.Locations) && a.TelehealthStates.SequenceEqual(b.TelehealthStates) &&
        a.Languages.SequenceEqual(b.Languages) && a.AgeGroups.SequenceEqual(b.AgeGroups);
}
