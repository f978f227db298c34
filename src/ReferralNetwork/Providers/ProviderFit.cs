using ReferralNetwork.Referrals;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Providers;

/// <summary>
/// One of the family's needs and whether the provider meets it. <see cref="Reason"/> is a code the pages put into
/// words; <see cref="Missing"/> lists the situation or treatment codes the provider does not offer.
/// </summary>
public sealed record NeedFit(string Need, bool Fits, string Reason, IReadOnlyList<string> Missing, double? DistanceMiles = null);

/// <summary>
/// Whether a provider serves a family's needs and can take a referral now. The one place these rules live:
/// <c>POST /api/referrals</c> refuses exactly what <see cref="Needs"/> and <see cref="Blocks"/> report, and
/// <c>POST /api/providers/{id}/fit</c> shows the same answers before any family data is typed.
/// </summary>
public static class ProviderFit
{
    public const string Situation = "situation", Treatments = "treatments", AgeGroup = "age-group", Language = "language",
        Place = "place", Fee = "fee", Budget = "budget";

    public const string Deactivated = "deactivated", NotVerified = "not-verified", NotAccepting = "not-accepting", NoOpenPlaces = "no-open-places";

    /// <summary>Each need a referral must meet, situation first (as a person states them); specialties split by taxonomy kind.</summary>
    public static IReadOnlyList<NeedFit> Needs(Provider provider, FamilyNeeds needs, FeeKind fee, DateOnly today)
    {
        var codes = ProviderRules.Codes(needs.Specialties);
        var populations = TraumaSpecialties.All.Where(s => s.Kind == "population").Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var fits = new List<NeedFit>();
        if (codes.Where(populations.Contains).ToList() is { Count: > 0 } situation) fits.Add(Offers(Situation, situation, provider));
        if (codes.Where(c => !populations.Contains(c)).ToList() is { Count: > 0 } treatments) fits.Add(Offers(Treatments, treatments, provider));
        var served = provider.Profile.AgeGroups.Contains(needs.AgeGroup.ToLowerInvariant());
        fits.Add(new(AgeGroup, served, served ? "served" : "not-served", []));
        var spoken = provider.Profile.Languages.Contains(needs.Language.ToLowerInvariant());
        fits.Add(new(Language, spoken, spoken ? "spoken" : "not-spoken", []));
        fits.Add(InState(provider, needs.State.ToUpperInvariant(), needs.Telehealth, today));
        var offered = fee == FeeKind.ProBono ? provider.FeeTerms.ProBono.Offered : provider.FeeTerms.SlidingScale.Offered;
        fits.Add(new(Fee, offered, offered ? "offered" : "not-offered", []));
        return fits;
    }

    /// <summary>What stops the provider taking a referral of this fee kind now, whatever the family needs (empty: nothing).</summary>
    public static IReadOnlyList<string> Blocks(Provider provider, FeeKind fee)
    {
        var blocks = new List<string>();
        if (provider.Status == ProviderStatus.Deactivated) blocks.Add(Deactivated);
        if (!provider.Verified) blocks.Add(NotVerified);
        if (provider.Availability.Status != AcceptingStatus.Accepting) blocks.Add(NotAccepting);
        else if (provider.Availability.OpenSlots(fee) == 0) blocks.Add(NoOpenPlaces);
        return blocks;
    }

    /// <summary>Capacity only: a referral of this kind could be taken, were the needs met (else it needs the recorded override).</summary>
    public static bool HasPlace(Provider provider, FeeKind fee) => !Blocks(provider, fee).Any(b => b is NotAccepting or NoOpenPlaces);

    /// <summary>The family can be seen in their state: in person or (when telehealth suits them) by telehealth, under a licence valid today.</summary>
    private static NeedFit InState(Provider provider, string state, bool telehealth, DateOnly today)
    {
        var inPerson = provider.Profile.Locations.Any(l => l.State == state);
        var remote = telehealth && provider.Profile.TelehealthStates.Contains(state);
        if (!inPerson && !remote) return new(Place, false, telehealth ? "not-in-state" : "no-practice-in-state", []);
        // A practice address or telehealth listing outlives the licence behind it: the licence decides.
        if (!ProfileRules.LicensedIn(provider.Profile.Licences, state, today)) return new(Place, false, "no-valid-licence", []);
        return new(Place, true, inPerson ? "in-person" : "telehealth", []);
    }

    private static NeedFit Offers(string need, IReadOnlyList<string> codes, Provider provider)
    {
        var missing = codes.Except(provider.Specialties).ToList();
        return new(need, missing.Count == 0, missing.Count == 0 ? "offered" : "not-offered", missing);
    }
}
