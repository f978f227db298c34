using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Hsds;

/// <summary>
/// The taxonomies the directory publishes: the project's trauma specialties (Data/taxonomy.json, with its version), and two
/// small ones of its own for what HSDS has no field for: the age groups a provider serves, and availability.
/// </summary>
public static class HsdsTaxonomies
{
    public const string Specialties = "trauma-specialties", AgeGroupsName = "age-groups", AvailabilityName = "availability";

    /// <summary>Availability terms: whether new referrals are taken, and the open slots of each kind (the value).</summary>
    public const string AcceptingTerm = "accepting-referrals", ProBonoSlotsTerm = "open-pro-bono-slots", SlidingScaleSlotsTerm = "open-sliding-scale-slots";

    /// <summary>The availability taxonomy's version: bump it when its terms change.</summary>
    public const string AvailabilityVersion = "1";

    public static readonly IReadOnlyList<HsdsTaxonomy> All =
    [
        Taxonomy(Specialties, "Trauma specialties",
            "Trauma treatments a provider practises and populations or case types a provider serves (ReferralNetwork's taxonomy, docs/taxonomy.md).",
            TraumaSpecialties.Version),
        Taxonomy(AgeGroupsName, "Age groups", "The age groups a provider serves.", "1"),
        Taxonomy(AvailabilityName, "Availability",
            "Whether a provider takes new referrals and how many open slots each kind of reduced fee has (the attribute's value).", AvailabilityVersion),
    ];

    public static readonly IReadOnlyList<HsdsTaxonomyTerm> Terms =
    [
        .. TraumaSpecialties.All.Select(s => Term(Specialties, s.Code, s.Label, s.Description, s.Source)),
        .. AgeGroups.All.Select(g => Term(AgeGroupsName, g.Code, g.Label, $"Serves people in this group: {g.Label}.")),
        Term(AvailabilityName, AcceptingTerm, "Accepting new referrals",
            "The value is accepting, not-accepting or paused (paused: keeps the listing but takes no new referrals)."),
        Term(AvailabilityName, ProBonoSlotsTerm, "Open pro bono slots", "The value is how many new families the provider can take without charge now."),
        Term(AvailabilityName, SlidingScaleSlotsTerm, "Open sliding-scale slots", "The value is how many new families the provider can take at a sliding-scale fee now."),
    ];

    private static readonly Dictionary<Guid, HsdsTaxonomyTerm> TermsById = Terms.ToDictionary(t => t.Id);
    private static readonly Dictionary<(string, string), HsdsTaxonomyTerm> TermsByCode = Terms.ToDictionary(t => (t.Taxonomy, t.Code));

    public static HsdsTaxonomy? Find(Guid id) => All.FirstOrDefault(t => t.Id == id);

    public static HsdsTaxonomyTerm? FindTerm(Guid id) => TermsById.GetValueOrDefault(id);

    public static HsdsTaxonomyTerm Term(string taxonomy, string code) => TermsByCode[(taxonomy, code)];

    /// <summary>Whether the term is current (a listing may still hold a code a newer taxonomy version retired).</summary>
    public static bool HasTerm(string taxonomy, string code) => TermsByCode.ContainsKey((taxonomy, code));

    private static HsdsTaxonomy Taxonomy(string name, string title, string description, string version) =>
        new(HsdsIds.Named($"taxonomy:{name}"), title, description, $"urn:referralnetwork:taxonomy:{name}", version);

    private static HsdsTaxonomyTerm Term(string taxonomy, string code, string name, string description, string? uri = null) =>
        new(HsdsIds.Named($"taxonomy_term:{taxonomy}:{code}"), code, name, description, taxonomy, HsdsIds.Named($"taxonomy:{taxonomy}"), "en", uri);
}
