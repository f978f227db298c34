using ReferralNetwork.Geography;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>The fit check in an advocate's words: each need's heading and sentence, the verdict, and what to fix in the form.</summary>
public static class FitWords
{
    public static string Heading(string need) => need switch
    {
        ProviderFit.Situation => "What the family has been through",
        ProviderFit.Treatments => "Treatments",
        ProviderFit.AgeGroup => "Child's age",
        ProviderFit.Language => "Language",
        ProviderFit.Place => "Where",
        ProviderFit.Fee => "Fees",
        _ => "Budget",
    };

    public static string Sentence(NeedFit need, ProviderListing p, FitCheck check)
    {
        var needs = check.Referral.Needs;
        var state = Regions.Find(needs.State)?.Name ?? needs.State;
        var slidingScale = p.FeeTerms.SlidingScale;
        return (need.Need, need.Reason) switch
        {
            (ProviderFit.Situation or ProviderFit.Treatments, "offered") => "Works with " + List(needs.Specialties.Where(s => Kind(s) == need.Need).Select(Display.Specialty)),
            (ProviderFit.Situation or ProviderFit.Treatments, _) => "Doesn't list " + List(need.Missing.Select(Display.Specialty)),
            (ProviderFit.AgeGroup, "served") => $"Sees children in the age group {Age(needs.AgeGroup)}",
            (ProviderFit.AgeGroup, _) => $"Doesn't see the age group {Age(needs.AgeGroup)}. Sees: {List(AgeGroups.All.Where(g => p.AgeGroups.Contains(g.Code)).Select(g => g.Label))}",
            (ProviderFit.Language, "spoken") => $"Works in {Display.Language(needs.Language)}",
            (ProviderFit.Language, _) => $"Doesn't work in {Display.Language(needs.Language)}. Works in {List(p.Languages.Select(Display.Language))}",
            (ProviderFit.Place, "in-person") => $"Can see the family in person in {state}" + (need.DistanceMiles is { } miles ? $", about {Miles(miles)} from their ZIP code" : ""),
            (ProviderFit.Place, "telehealth") => $"Can see the family by telehealth in {state}",
            (ProviderFit.Place, "no-valid-licence") => $"Has no licence valid today in {state}",
            (ProviderFit.Place, "not-in-state") => $"Has no practice in {state} and doesn't offer telehealth there",
            (ProviderFit.Place, _) => $"Has no practice in {state}. You didn't say telehealth would suit the family",
            (ProviderFit.Fee, "offered") when check.Referral.FeeNeed == FeeKind.ProBono =>
                "Offers free (pro bono) sessions" + (p.FeeTerms.ProBono.SessionsPerFamily is { } n ? $", up to {n} for each family" : ""),
            (ProviderFit.Fee, "offered") => $"Offers a sliding scale: ${slidingScale.MinFeeUsd:0}–${slidingScale.MaxFeeUsd:0} a session",
            (ProviderFit.Fee, _) => check.Referral.FeeNeed == FeeKind.ProBono ? "Doesn't offer free (pro bono) sessions" : "Doesn't offer a sliding scale",
            (_, "free") => "Free, so within the family's budget",
            (_, "within-budget") => $"Fees start at ${slidingScale.MinFeeUsd:0} a session, within the family's budget",
            _ => $"Fees start at ${slidingScale.MinFeeUsd:0} a session, more than the family can pay",
        };
    }

    /// <summary>Why a referral can't be sent now, one sentence per reason.</summary>
    public static string Reason(string reason, FitCheck check) => reason switch
    {
        ProviderFit.Deactivated => "This provider has left the network.",
        ProviderFit.NotVerified => "This provider hasn't been verified yet.",
        ProviderFit.NotAccepting => "This provider isn't taking referrals right now.",
        ProviderFit.NoOpenPlaces => check.Referral.FeeNeed == FeeKind.ProBono
            ? "This provider has no free (pro bono) places open right now."
            : "This provider has no sliding-scale places open right now.",
        _ => "Some of the family's needs don't fit (marked above).",
    };

    /// <summary>What to fix in the form, by the field the API names.</summary>
    public static string Problem(string field) => field.Split('[')[0] switch
    {
        "situation" => "Choose at least one thing the family has been through",
        "treatments" => "Choose at most 5 situations and treatments together",
        "ageGroup" => "Choose the child's age group",
        "language" => "Choose the family's language",
        "state" => "Choose the family's state, or enter their ZIP code",
        "zip" => "Enter a 5-digit US ZIP code in the family's state",
        "fee" => "Choose what the family can pay",
        "budgetUsd" => "Enter the most the family can pay a session, from $0 to $1000, or leave it empty",
        _ => "Check this answer",
    };

    private static string Kind(string code) =>
        TraumaSpecialties.All.FirstOrDefault(s => s.Code == code)?.Kind == "population" ? ProviderFit.Situation : ProviderFit.Treatments;

    private static string Age(string code) => AgeGroups.All.FirstOrDefault(g => g.Code == code)?.Label ?? code;

    private static string Miles(double miles) => miles < 1 ? "less than a mile" : $"{Math.Round(miles):0} mile{(Math.Round(miles) == 1 ? "" : "s")}";

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " and " + all[^1];
    }
}
