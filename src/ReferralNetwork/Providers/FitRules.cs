using ReferralNetwork.Geography;
using ReferralNetwork.Http;
using ReferralNetwork.Referrals;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Providers;

/// <summary>The shape of a fit check: what a referral's needs would need, plus the ZIP and the budget.</summary>
public static class FitRules
{
    /// <summary>A referral lists at most this many specialties; a fit check may not ask for more than could be sent.</summary>
    public const int MaxSpecialties = 5;

    public const decimal MaxBudgetUsd = 1000;

    public static ValidationProblems CheckShape(CheckFit c)
    {
        var p = new ValidationProblems();
        ProfileRules.CheckList(c.Situation, "situation", MaxSpecialties, p, s => IsKind(s, "population"),
            "is not a situation (population) code; see GET /api/specialties?kind=population");
        ProfileRules.CheckList(c.Treatments, "treatments", MaxSpecialties, p, s => IsKind(s, "treatment"),
            "is not a treatment code; see GET /api/specialties?kind=treatment", required: false);
        p.Require((c.Situation?.Count ?? 0) + (c.Treatments?.Count ?? 0) <= MaxSpecialties, "treatments",
            $"situation and treatments together may list at most {MaxSpecialties}, as a referral may");
        if (p.RequireText(c.AgeGroup, "ageGroup", 20))
            p.Require(AgeGroups.IsKnown(c.AgeGroup!.ToLowerInvariant()), "ageGroup", "must be an age group code; see GET /api/age-groups");
        if (p.RequireText(c.Language, "language", 3))
            p.Require(Languages.IsKnown(c.Language!.ToLowerInvariant()), "language", "must be an ISO 639-1 code; see GET /api/languages");
        p.Require(c.State is not null || c.Zip is not null, "state", "is required: the family's state, or their ZIP code");
        if (c.State is not null && p.RequireText(c.State, "state", 2))
            p.Require(Regions.IsKnown(c.State.ToUpperInvariant()), "state", "must be a US state code; see GET /api/regions");
        if (c.Zip is not null && p.Require(ZipCentroids.Default.TryFind(c.Zip, out var zip), "zip", "must be a known 5-digit US ZIP code")
            && c.State is { Length: 2 } state && Regions.IsKnown(state.ToUpperInvariant()))
            p.Require(zip.State == state.ToUpperInvariant(), "zip", $"ZIP {zip.Zip} is in {zip.State}, not {state.ToUpperInvariant()}");
        p.Require(c.Fee is not null, "fee", "is required: pro-bono, sliding-scale or either");
        if (c.BudgetUsd is { } budget)
            p.Require(budget is >= 0 and <= MaxBudgetUsd, "budgetUsd", $"must be from 0 to {MaxBudgetUsd:0} (US dollars a session)");
        return p;
    }

    /// <summary>The needs as a referral states them (call only after <see cref="CheckShape"/> passed): the ZIP gives the state.</summary>
    public static FamilyNeeds Needs(CheckFit c)
    {
        var state = c.State?.ToUpperInvariant() ?? (ZipCentroids.Default.TryFind(c.Zip!, out var zip) ? zip.State : "");
        return new FamilyNeeds(ProviderRules.Codes([.. c.Situation ?? [], .. c.Treatments ?? []]),
            c.AgeGroup!.ToLowerInvariant(), c.Language!.ToLowerInvariant(), state, c.Telehealth);
    }

    private static bool IsKind(string code, string kind) =>
        TraumaSpecialties.All.Any(s => s.Kind == kind && s.Code == code.Trim().ToLowerInvariant());
}
