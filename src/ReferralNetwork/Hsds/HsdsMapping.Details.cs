using System.Globalization;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using static ReferralNetwork.Hsds.HsdsTaxonomies;

namespace ReferralNetwork.Hsds;

public static partial class HsdsMapping
{
    /// <summary>The bounds of each age group in years (null: none); caregivers are adults.</summary>
    private static readonly Dictionary<string, (int Min, int? Max)> AgeBounds = new(StringComparer.Ordinal)
    {
        ["early-childhood"] = (0, 5),
        ["child"] = (6, 12),
        ["adolescent"] = (13, 17),
        ["young-adult"] = (18, 24),
        ["adult"] = (25, null),
        ["caregivers"] = (18, null),
    };

    /// <summary>The youngest and oldest age served; no maximum when any group served has none.</summary>
    public static (int? Min, int? Max) AgeRange(IReadOnlyList<string> groups)
    {
        var bounds = groups.Where(AgeBounds.ContainsKey).Select(g => AgeBounds[g]).ToList();
        if (bounds.Count == 0) return (null, null);
        return (bounds.Min(b => b.Min), bounds.Any(b => b.Max is null) ? null : bounds.Max(b => b.Max));
    }

    // Contact details appear unless the provider marked them private; the referrals address never does.
    private static string? Email(ProviderListing p) => p.Contact.EmailPrivate || string.IsNullOrWhiteSpace(p.Contact.Email) ? null : p.Contact.Email;

    private static string? Phone(ProviderListing p) => p.Contact.PhonePrivate || string.IsNullOrWhiteSpace(p.Contact.Phone) ? null : p.Contact.Phone;

    private static List<HsdsOrganizationIdentifier> Identifiers(ProviderListing p) => p.Npi is { } npi
        ? [new(HsdsIds.For("organization_identifier:npi", p.Id), HsdsIds.Organization(p.Id), "NPI", npi)]
        : [];

    private static List<HsdsServiceArea> ServiceAreas(ProviderListing p) => p.TelehealthStates.Select(state => new HsdsServiceArea(
        HsdsIds.For($"service_area:{state}", p.Id), HsdsIds.Service(p.Id), StateName(state),
        $"Telehealth for people in {StateName(state)}.", state, "text")).ToList();

    private static List<HsdsLanguage> Languages(ProviderListing p) => p.Languages.Select(code => new HsdsLanguage(
        HsdsIds.For($"language:{code}", p.Id), HsdsIds.Service(p.Id),
        Taxonomy.Languages.All.FirstOrDefault(l => l.Code == code)?.Name ?? code, code)).ToList();

    /// <summary>Pro bono as an amount of 0; the sliding scale as its lowest and highest fee per session.</summary>
    public static List<HsdsCostOption> CostOptions(ProviderListing p)
    {
        var service = HsdsIds.Service(p.Id);
        var (proBono, scale) = (p.FeeTerms.ProBono, p.FeeTerms.SlidingScale);
        var options = new List<HsdsCostOption>();
        if (proBono.Offered)
            options.Add(new(HsdsIds.For("cost_option:pro-bono", p.Id), service, ProBonoOption, Currency, 0,
                proBono.SessionsPerFamily is { } n ? $"Free of charge, up to {n} sessions per family" : "Free of charge"));
        var basis = scale.IncomeBased ? ", based on income" : "";
        if (scale.Offered && scale.MinFeeUsd is { } min)
            options.Add(new(HsdsIds.For("cost_option:sliding-scale-lowest", p.Id), service, SlidingScaleLowestOption, Currency, min, $"Lowest fee per session{basis}"));
        if (scale.Offered && scale.MaxFeeUsd is { } max)
            options.Add(new(HsdsIds.For("cost_option:sliding-scale-highest", p.Id), service, SlidingScaleHighestOption, Currency, max, $"Highest fee per session{basis}"));
        return options;
    }

    public const string ProBonoOption = "Pro bono", SlidingScaleLowestOption = "Sliding scale (lowest fee)", SlidingScaleHighestOption = "Sliding scale (highest fee)";

    private static string? FeesDescription(FeeTerms fees)
    {
        var parts = new List<string>();
        if (fees.ProBono.Offered) parts.Add(fees.ProBono.SessionsPerFamily is { } n ? $"Pro bono: up to {n} sessions per family." : "Pro bono.");
        if (fees.SlidingScale.Offered)
            parts.Add($"Sliding scale{Range(fees.SlidingScale.MinFeeUsd, fees.SlidingScale.MaxFeeUsd)}{(fees.SlidingScale.IncomeBased ? ", based on income" : "")}.");
        if (!string.IsNullOrWhiteSpace(fees.InsuranceNotes)) parts.Add($"Insurance: {fees.InsuranceNotes}");
        return parts.Count > 0 ? string.Join(" ", parts) : null;
    }

    private static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } a, { } b) => string.Create(CultureInfo.InvariantCulture, $": {a:0.##} to {b:0.##} USD per session"),
        ({ } a, null) => string.Create(CultureInfo.InvariantCulture, $": from {a:0.##} USD per session"),
        (null, { } b) => string.Create(CultureInfo.InvariantCulture, $": up to {b:0.##} USD per session"),
        _ => "",
    };

    /// <summary>Specialties and age groups as taxonomy terms; availability as terms whose value is the status or the slot count.</summary>
    private static List<HsdsAttribute> Attributes(ProviderListing p)
    {
        var service = HsdsIds.Service(p.Id);
        HsdsAttribute Link(string taxonomy, string code, string linkType, string? value = null)
        {
            var term = Term(taxonomy, code);
            return new(HsdsIds.For($"attribute:{taxonomy}:{code}", p.Id), service, linkType, "service", term.Id, value, term);
        }
        var availability = p.Availability;
        var status = availability.Status switch
        {
            AcceptingStatus.Accepting => "accepting",
            AcceptingStatus.Paused => "paused",
            _ => "not-accepting",
        };
        return
        [
            .. p.Specialties.Where(code => HasTerm(Specialties, code)).Select(code => Link(Specialties, code, "specialty")),
            .. p.AgeGroups.Where(code => HasTerm(AgeGroupsName, code)).Select(code => Link(AgeGroupsName, code, "eligibility")),
            Link(AvailabilityName, AcceptingTerm, "availability", status),
            Link(AvailabilityName, ProBonoSlotsTerm, "availability", availability.OpenProBonoSlots.ToString(CultureInfo.InvariantCulture)),
            Link(AvailabilityName, SlidingScaleSlotsTerm, "availability", availability.OpenSlidingScaleSlots.ToString(CultureInfo.InvariantCulture)),
        ];
    }
}
