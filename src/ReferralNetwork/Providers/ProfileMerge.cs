namespace ReferralNetwork.Providers;

/// <summary>
/// The three-way merge of a profile written against an older version (docs/decisions/0009): the fields the writer
/// changed from the base go onto the current profile; a field someone else also changed to something else is a
/// conflict. Field names are the JSON names of <see cref="UpdateProfile"/>, as a 412's <c>conflicts</c> lists them.
/// </summary>
public static class ProfileMerge
{
    private sealed record Field(string Name, Func<ProviderProfile, ProviderProfile, bool> Same, Func<ProviderProfile, ProviderProfile, ProviderProfile> Take);

    // Records compare their lists by reference; a field is the same when its list holds the same items.
    private static readonly Field[] Fields =
    [
        new("name", (a, b) => a.Name == b.Name, (into, from) => into with { Name = from.Name }),
        new("credentials", (a, b) => a.Credentials.SequenceEqual(b.Credentials), (into, from) => into with { Credentials = from.Credentials }),
        new("npi", (a, b) => a.Npi == b.Npi, (into, from) => into with { Npi = from.Npi }),
        new("licences", (a, b) => a.Licences.SequenceEqual(b.Licences), (into, from) => into with { Licences = from.Licences }),
        new("locations", (a, b) => a.Locations.SequenceEqual(b.Locations), (into, from) => into with { Locations = from.Locations }),
        new("telehealthStates", (a, b) => a.TelehealthStates.SequenceEqual(b.TelehealthStates), (into, from) => into with { TelehealthStates = from.TelehealthStates }),
        new("languages", (a, b) => a.Languages.SequenceEqual(b.Languages), (into, from) => into with { Languages = from.Languages }),
        new("ageGroups", (a, b) => a.AgeGroups.SequenceEqual(b.AgeGroups), (into, from) => into with { AgeGroups = from.AgeGroups }),
        new("contact", (a, b) => a.Contact == b.Contact, (into, from) => into with { Contact = from.Contact }),
        new("bio", (a, b) => a.Bio == b.Bio, (into, from) => into with { Bio = from.Bio }),
    ];

    /// <summary>Every field the merge knows, in order (a test checks it is every field of <see cref="ProviderProfile"/>).</summary>
    public static IEnumerable<string> FieldNames => Fields.Select(f => f.Name);

    /// <summary>The fields that differ between two profiles.</summary>
    public static IReadOnlyList<string> Changed(ProviderProfile from, ProviderProfile to) =>
        Fields.Where(f => !f.Same(from, to)).Select(f => f.Name).ToList();

    /// <summary>The writer's changes (<paramref name="mine"/> against <paramref name="basis"/>) applied onto <paramref name="current"/>.</summary>
    public static (ProviderProfile Merged, IReadOnlyList<string> Conflicts) Merge(ProviderProfile basis, ProviderProfile mine, ProviderProfile current)
    {
        var merged = current;
        var conflicts = new List<string>();
        foreach (var field in Fields.Where(f => !f.Same(basis, mine)))
        {
            // Both changed it: fine when to the same value, a conflict otherwise.
            if (!field.Same(basis, current) && !field.Same(mine, current)) conflicts.Add(field.Name);
            merged = field.Take(merged, mine);
        }
        return (merged, conflicts);
    }

    /// <summary>A recorded profile as the body that would type it, to check the merged result with the same rules.</summary>
    public static UpdateProfile AsTyped(ProviderProfile p) => new(p.Name, p.Credentials, p.Npi, p.Licences,
        p.Locations.Select(l => new PracticeAddress(l.Name, l.Street, l.City, l.State, l.Zip)).ToList(),
        p.TelehealthStates, p.Languages, p.AgeGroups, p.Contact, p.Bio);
}
