using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers;

/// <summary>The parts of a provider that one write replaces; each name is the one a 412's <c>conflicts</c> uses.</summary>
public enum ProviderPart { Profile, Specialties, FeeTerms, Availability }

/// <summary>
/// What was appended to a provider's stream after the version a write's If-Match names (its base). A write is refused
/// (412) only when those events touched the part it replaces, so a change in one tab does not block an unrelated one
/// in another (docs/decisions/0009). <see cref="BaseProfile"/> is the profile as of the base, for the field merge.
/// </summary>
public sealed record ChangesSince(string IfMatch, long BaseVersion, long CurrentVersion, IReadOnlyList<IEvent> Events, ProblemDetails Precondition)
{
    public ProviderProfile? BaseProfile { get; init; }

    public static async Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, CancellationToken ct)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        var (baseVersion, problem) = ETag.BaseVersion(context, provider.Version, acceptOlder: true);
        IReadOnlyList<IEvent> events = problem == WolverineContinue.NoProblems && baseVersion < provider.Version
            ? await session.Events.FetchStreamAsync(provider.Id, version: provider.Version, fromVersion: baseVersion + 1, token: ct)
            : [];
        return new ChangesSince(header, baseVersion, provider.Version, events, problem);
    }

    /// <summary>The parts the events since the base changed.</summary>
    public IReadOnlySet<ProviderPart> Touched => Events.SelectMany(e => Touches(e.Data)).ToHashSet();

    /// <summary>The If-Match precondition for a write replacing <paramref name="part"/>.</summary>
    public ProblemDetails Check(ProviderPart part) =>
        Precondition != WolverineContinue.NoProblems ? Precondition
        : Touched.Contains(part) ? Conflict([NameOf(part)])
        : WolverineContinue.NoProblems;

    /// <summary>412 naming what changed since the base that the write cannot be combined with (a page shows them).</summary>
    public ProblemDetails Conflict(IReadOnlyList<string> conflicts, string? why = null)
    {
        var problem = Problem.PreconditionFailed(
            $"If-Match {IfMatch} does not match the current version {ETag.For(CurrentVersion)}, and {string.Join(", ", conflicts)} changed since then" +
            $"{why}; fetch it again and reapply your change.");
        problem.Extensions["conflicts"] = conflicts;
        problem.Extensions["currentETag"] = ETag.For(CurrentVersion);
        return problem;
    }

    public static string NameOf(ProviderPart part) => part switch
    {
        ProviderPart.FeeTerms => "feeTerms",
        _ => part.ToString().ToLowerInvariant(),
    };

    private static readonly ProviderPart[] Everything = Enum.GetValues<ProviderPart>();

    /// <summary>
    /// Which parts an event changes. Staleness, confirmation, verification and (re)activation change none (the state
    /// rules check those against the current state). An event this list does not know is taken to touch every part:
    /// a false conflict is a reload, a missed one a lost update.
    /// </summary>
    public static IReadOnlyList<ProviderPart> Touches(object data) => data switch
    {
        ProfileUpdated => [ProviderPart.Profile],
        SpecialtiesChanged => [ProviderPart.Specialties],
        FeeTermsChanged => [ProviderPart.FeeTerms],
        AvailabilityChanged or SlotReserved or SlotReleased => [ProviderPart.Availability],
        AvailabilityConfirmed or ListingWentStale or ProviderVerified or ProviderVerificationLapsed or ProviderDeactivated or ProviderReactivated => [],
        // The verification review (a question, an answer, a decline, a resubmission) changes no part of the listing.
        ProviderInformationRequested or ProviderInformationSent or ProviderApplicationDeclined or ProviderApplicationResubmitted => [],
        _ => Everything,
    };
}
