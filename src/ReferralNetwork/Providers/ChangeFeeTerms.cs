using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>Replace the provider's fee terms: pro bono, sliding scale (USD per session), insurance notes.</summary>
public sealed record ChangeFeeTerms(ProBonoTerms ProBono, SlidingScaleTerms SlidingScale, string? InsuranceNotes)
{
    public FeeTerms ToFeeTerms() => new(
        ProBono.Offered ? ProBono : new ProBonoTerms(false, null),
        SlidingScale.Offered ? SlidingScale : new SlidingScaleTerms(false, null, null, false),
        string.IsNullOrWhiteSpace(InsuranceNotes) ? null : InsuranceNotes.Trim());
}

public static class ChangeFeeTermsEndpoint
{
    public const decimal MaxFeeUsd = 1000m;

    public static void Check(ProBonoTerms? proBono, SlidingScaleTerms? sliding, string? notes, string at, ValidationProblems problems)
    {
        problems.Require(proBono is not null, $"{at}proBono", "is required");
        problems.Require(sliding is not null, $"{at}slidingScale", "is required");
        if (proBono is null || sliding is null) return;
        problems.Require(proBono.Offered || sliding.Offered, at.Length > 0 ? at.TrimEnd('.') : "proBono",
            "the network needs pro bono or sliding-scale terms: offer at least one");
        if (proBono is { Offered: true, SessionsPerFamily: { } sessions })
            problems.Require(sessions is >= 1 and <= 200, $"{at}proBono.sessionsPerFamily", "must be between 1 and 200");
        if (sliding.Offered)
        {
            var min = sliding.MinFeeUsd;
            var max = sliding.MaxFeeUsd;
            problems.Require(min is >= 0 and <= MaxFeeUsd, $"{at}slidingScale.minFeeUsd", $"is required: 0 to {MaxFeeUsd} USD per session");
            problems.Require(max is >= 0 and <= MaxFeeUsd, $"{at}slidingScale.maxFeeUsd", $"is required: 0 to {MaxFeeUsd} USD per session");
            if (min is not null && max is not null)
                problems.Require(min <= max, $"{at}slidingScale.minFeeUsd", "must not be more than maxFeeUsd");
        }
        problems.RequireText(notes, $"{at}insuranceNotes", 500, required: false);
    }

    public static ProblemDetails Validate(ChangeFeeTerms command)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var problems = new ValidationProblems();
        Check(command.ProBono, command.SlidingScale, command.InsuranceNotes, "", problems);
        return problems.ToProblemDetails();
    }

    public static Task<ChangesSince> LoadAsync(HttpContext context, Provider provider, IDocumentSession session, CancellationToken ct) =>
        ChangesSince.LoadAsync(context, provider, session, ct);

    /// <summary>Refused when fee terms changed since If-Match, or when an offer is turned off while its slots are open.</summary>
    public static ProblemDetails Before(ChangeFeeTerms command, ChangesSince since, Provider provider)
    {
        var change = ProviderRules.CheckChange(since, ProviderPart.FeeTerms, provider);
        return change != WolverineContinue.NoProblems ? change : new ValidationProblems().Also(p => Contradictions(command.ToFeeTerms(), provider.Availability, "", p)).ToProblemDetails();
    }

    /// <summary>State rule: an offer cannot be withdrawn while availability still lists open slots for it.</summary>
    public static void Contradictions(FeeTerms terms, Availability availability, string at, ValidationProblems problems)
    {
        if (availability.OpenProBonoSlots > 0)
            problems.Require(terms.ProBono.Offered, $"{at}proBono.offered", "cannot be turned off while availability lists open pro bono slots: set them to 0 first");
        if (availability.OpenSlidingScaleSlots > 0)
            problems.Require(terms.SlidingScale.Offered, $"{at}slidingScale.offered", "cannot be turned off while availability lists open sliding-scale slots: set them to 0 first");
    }

    [WolverinePut("/api/providers/{providerId}/fee-terms", OperationId = "changeFeeTerms"), Tags("Providers"), Authorize(Policy = Policies.ProviderSelfOrAdmin)]
    [EndpointSummary("Change fee terms"), EndpointDescription("Needs If-Match with an ETag from GET (428 when missing); 412 with conflicts [\"feeTerms\"] only when fee terms changed since that version. 400 when an offer is turned off while availability lists open slots for it.")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static (WriteAccepted, Events) Put(ChangeFeeTerms command, [WriteAggregate] Provider provider) =>
        ProviderRules.Accepted(provider, Decide(command, provider));

    public static Events Decide(ChangeFeeTerms command, Provider provider)
    {
        var terms = command.ToFeeTerms();
        return terms == provider.FeeTerms ? [] : [new FeeTermsChanged(terms)];
    }
}
