using Marten;
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

    /// <summary>The stream since If-Match and, when someone else changed the profile since, the profile as it was then.</summary>
    public static async Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, IDocumentStore store, CancellationToken ct)
    {
        var since = await ChangesSince.LoadAsync(context, provider, session, ct);
        if (!since.Touched.Contains(ProviderPart.Profile)) return since;
        // A query session of its own, so the writing session's identity map keeps only the current aggregate.
        await using var query = store.QuerySession();
        var then = await query.Events.AggregateStreamAsync<Provider>(provider.Id, version: since.BaseVersion, token: ct);
        return since with { BaseProfile = then!.Profile };
    }

    /// <summary>Refused when a field this write changes was also changed by someone else since If-Match (412 naming the fields).</summary>
    public static ProblemDetails Before(UpdateProfile command, ChangesSince since, Provider provider, TimeProvider clock)
    {
        if (since.Precondition != WolverineContinue.NoProblems) return since.Precondition;
        var active = ProviderRules.MustBeActive(provider);
        if (active != WolverineContinue.NoProblems || since.BaseProfile is not { } basis) return active;
        var (merged, conflicts) = ProfileMerge.Merge(basis, command.ToProfile(), provider.Profile);
        if (conflicts.Count > 0) return since.Conflict(conflicts);
        // Each side valid alone can break a rule together (a telehealth state added while its licence was taken off).
        var problems = new ValidationProblems();
        ProfileRules.Check(ProfileMerge.AsTyped(merged), "", problems, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return problems.IsEmpty ? WolverineContinue.NoProblems
            : since.Conflict(ProfileMerge.Changed(basis, provider.Profile), ", and your change does not fit with it");
    }

    [WolverinePut("/api/providers/{providerId}/profile", OperationId = "updateProfile"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Update a provider profile"), EndpointDescription("Needs If-Match with an ETag from GET (428 when missing). Written against an older version, the fields it changes are merged onto the current profile; 412 names in 'conflicts' the fields someone else changed too.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Put(UpdateProfile command, ChangesSince since, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, Decide(Profile(command, since, provider), provider));

    /// <summary>The profile to record: the body as typed or, written against an older version, its changes on the current profile.</summary>
    public static ProviderProfile Profile(UpdateProfile command, ChangesSince since, Provider provider) => since.BaseProfile is { } basis
        ? ProfileMerge.Merge(basis, command.ToProfile(), provider.Profile).Merged
        : command.ToProfile();

    public static Events Decide(UpdateProfile command, Provider provider) => Decide(command.ToProfile(), provider);

    public static Events Decide(ProviderProfile profile, Provider provider)
    {
        if (ProfileMerge.Changed(provider.Profile, profile).Count == 0) return [];
        Events events = [new ProfileUpdated(profile)];
        // A verification vouches for the licences that were checked, not for new ones.
        if (provider.Verified && !profile.Licences.ToHashSet().SetEquals(provider.Profile.Licences))
            events.Add(new ProviderVerificationLapsed("licences changed since verification"));
        return events;
    }
}
