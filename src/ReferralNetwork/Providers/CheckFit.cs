using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ReferralNetwork.Access;
using ReferralNetwork.Geography;
using ReferralNetwork.Hosting;
using ReferralNetwork.Http;
using ReferralNetwork.Referrals;
using Wolverine.Http;

namespace ReferralNetwork.Providers;

public enum FeeChoice { ProBono, SlidingScale, Either }

/// <summary>
/// A family's needs, stated before anything that could identify them: nothing in it is stored (the audit keeps the
/// provider id only). <see cref="Telehealth"/> means telehealth would suit the family, as on a referral.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CheckFit(
    IReadOnlyList<string>? Situation,
    IReadOnlyList<string>? Treatments,
    string? AgeGroup,
    string? Language,
    string? State,
    string? Zip,
    bool Telehealth,
    FeeChoice? Fee,
    decimal? BudgetUsd);

/// <summary>The referral these answers make: <c>POST /api/referrals</c> with these needs and fee need gets the same verdict.</summary>
public sealed record FitReferral(FamilyNeeds Needs, FeeKind FeeNeed);

/// <summary>
/// Need by need, what fits; whether a referral with these needs would be taken now (<see cref="Reasons"/> says why
/// not: deactivated, not-verified, not-accepting, no-open-places, needs-not-met). The budget is the one need a
/// referral does not carry, so it is reported but never stops one.
/// </summary>
public sealed record FitCheck(Guid ProviderId, IReadOnlyList<NeedFit> Needs, bool CanTakeReferralNow, IReadOnlyList<string> Reasons, FitReferral Referral);

public static class CheckFitEndpoint
{
    public const string NeedsNotMet = "needs-not-met";

    public static ProblemDetails Validate(CheckFit command) => command is null ? ValidationProblems.BodyRequired() : FitRules.CheckShape(command).ToProblemDetails();

    /// <summary>Whether the provider fits a family's needs and can take their referral now; audited without the needs.</summary>
    [WolverinePost("/api/providers/{providerId}/fit", OperationId = "checkProviderFit"), Tags("Providers"), Authorize(Policy = Policies.Directory)]
    [EnableRateLimiting(Messaging.SearchRateLimit)]
    [EndpointSummary("Whether the provider fits a family's needs, need by need, and can take their referral now.")]
    [EndpointDescription("Nothing in the body is stored; the check is audited as check-fit with the provider id only. " +
        "needs[].need: situation, treatments, age-group, language, place, fee, budget. needs[].reason: offered, not-offered, served, " +
        "not-served, spoken, not-spoken, in-person, telehealth, no-practice-in-state, not-in-state, no-valid-licence, free, " +
        "within-budget, above-budget. reasons: deactivated, not-verified, not-accepting, no-open-places, needs-not-met. " +
        "canTakeReferralNow is exactly whether POST /api/referrals with referral.needs and referral.feeNeed (no override) is accepted; " +
        "the budget is reported but never stops a referral. fee 'either' picks the kind a referral could go with now.")]
    [ProducesResponseType<FitCheck>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(Guid providerId, CheckFit command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        AccessAudit.Record(session, context, clock, AccessAudit.CheckFit, providerId);
        // Loaded as the referral request loads it, so both judge the same provider.
        var provider = await session.Events.AggregateStreamAsync<Provider>(providerId, token: ct);
        if (provider is null) return Results.Problem(Problem.NotFound($"No provider has id {providerId}."));
        return Results.Ok(Check(provider, command, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    public static FitCheck Check(Provider provider, CheckFit command, DateOnly today)
    {
        var needs = FitRules.Needs(command);
        FeeKind[] kinds = command.Fee switch
        {
            FeeChoice.ProBono => [FeeKind.ProBono],
            FeeChoice.SlidingScale => [FeeKind.SlidingScale],
            _ => [FeeKind.ProBono, FeeKind.SlidingScale],
        };
        var options = kinds.Select(k => (Kind: k, Needs: ProviderFit.Needs(provider, needs, k, today), Blocks: ProviderFit.Blocks(provider, k))).ToList();
        bool Referrable((FeeKind Kind, IReadOnlyList<NeedFit> Needs, IReadOnlyList<string> Blocks) o) => o.Blocks.Count == 0 && o.Needs.All(n => n.Fits);
        bool Offered((FeeKind Kind, IReadOnlyList<NeedFit> Needs, IReadOnlyList<string> Blocks) o) => o.Needs.Single(n => n.Need == ProviderFit.Fee).Fits;
        // "Either": the kind a referral could go with now, within budget if possible; else the one offered.
        var chosen = options.FirstOrDefault(o => Referrable(o) && Budget(provider, o.Kind, command.BudgetUsd)?.Fits != false);
        if (chosen == default) chosen = options.FirstOrDefault(Referrable);
        if (chosen == default) chosen = options.FirstOrDefault(Offered);
        if (chosen == default) chosen = options[0];

        var fits = chosen.Needs.Select(n => n.Need == ProviderFit.Place ? n with { DistanceMiles = Distance(provider, command, n) } : n).ToList();
        if (Budget(provider, chosen.Kind, command.BudgetUsd) is { } budget && Offered(chosen)) fits.Add(budget);
        var reasons = chosen.Blocks.ToList();
        if (!chosen.Needs.All(n => n.Fits)) reasons.Add(NeedsNotMet);
        return new FitCheck(provider.Id, fits, reasons.Count == 0, reasons, new FitReferral(needs, chosen.Kind));
    }

    private static NeedFit? Budget(Provider provider, FeeKind kind, decimal? budget)
    {
        if (budget is null) return null;
        if (kind == FeeKind.ProBono) return new(ProviderFit.Budget, true, "free", []);
        var within = (provider.FeeTerms.SlidingScale.MinFeeUsd ?? 0) <= budget;
        return new(ProviderFit.Budget, within, within ? "within-budget" : "above-budget", []);
    }

    /// <summary>From the family's ZIP to the nearest practice in their state, when they would be seen there in person.</summary>
    private static double? Distance(Provider provider, CheckFit command, NeedFit place)
    {
        if (place.Reason != "in-person" || command.Zip is null || !ZipCentroids.Default.TryFind(command.Zip, out var from)) return null;
        return provider.Profile.Locations.Where(l => l.State == from.State)
            .Select(l => Math.Round(GreatCircle.DistanceMiles(from.Latitude, from.Longitude, l.Latitude, l.Longitude), 1))
            .DefaultIfEmpty().Min();
    }
}
