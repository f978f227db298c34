using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>One way out of an ambiguous name: who it is, and what tells them apart.</summary>
public sealed record NameChoice(string Id, string Name, string Detail);

/// <summary>
/// What an administrator typed into a "provider" or "advocate" filter, resolved to the one id the API filters by:
/// a name (any part of it), or an id as before. Several matches become a choice, none a message beside the field,
/// so a name never gives a blank page.
/// </summary>
public sealed record NamePick(string Text, string? Id, IReadOnlyList<NameChoice> Choices, bool More, string? Message)
{
    public static readonly NamePick None = new("", null, [], false, null);

    /// <summary>Whether the filter is settled: empty, or resolved to one id.</summary>
    public bool Settled => Choices.Count == 0 && Message is null;

    public static async Task<NamePick> ProviderAsync(ApiClient api, string? text, string? id, CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) && string.IsNullOrWhiteSpace(id)) return None;
        if (string.IsNullOrEmpty(text) || Guid.TryParse(text, out _))
        {
            var wanted = string.IsNullOrEmpty(text) ? id!.Trim() : text;
            if (!Guid.TryParse(wanted, out _)) return new(wanted, null, [], false, "Choose a provider from the list, or type part of their name.");
            var byId = await api.GetAsync<ProvidersFound>($"/api/providers/names?id={Uri.EscapeDataString(wanted)}", ct);
            return byId.Value?.Items is [var known] ? new(known.Name, wanted, [], false, null)
                : new(wanted, null, [], false, "No provider has that id. Type part of the provider's name instead.");
        }
        var found = await api.GetAsync<ProvidersFound>($"/api/providers/names?name={Uri.EscapeDataString(text)}", ct);
        if (!found.Ok) return new(text, null, [], false, TooShort(text) ? "Type at least 2 letters of the provider's name." : ProblemWords.Sentence(found.Status, null, found.Reference));
        var items = found.Value!.Items;
        var exact = items.Where(p => NameLookup.SameName(p.Name, text)).ToList();
        if (exact.Count == 1 || items.Count == 1) return Chosen(exact.Count == 1 ? exact[0] : items[0]);
        if (items.Count == 0) return new(text, null, [], false, $"No provider's name contains “{text}”. Check the spelling, or type less of the name.");
        return new(text, null, items.Select(p => new NameChoice(p.Id.ToString(), p.Name, ProviderDetail(p))).ToList(), found.Value.More, null);

        NamePick Chosen(ProviderName p) => new(p.Name, p.Id.ToString(), [], false, null);
    }

    public static async Task<NamePick> AdvocateAsync(ApiClient api, string? text, string? id, CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) && string.IsNullOrWhiteSpace(id)) return None;
        if (string.IsNullOrEmpty(text))
        {
            var wanted = id!.Trim();
            var byId = await api.GetAsync<PeopleFound>($"/api/people?id={Uri.EscapeDataString(wanted)}", ct);
            // An advocate who never signed in here has no name on record: their user id is all there is to show.
            return new(byId.Value?.Items is [var known] ? known.Name : wanted, wanted, [], false, null);
        }
        var found = await api.GetAsync<PeopleFound>($"/api/people?role={Roles.Advocate}&name={Uri.EscapeDataString(text)}", ct);
        if (!found.Ok) return new(text, null, [], false, TooShort(text) ? "Type at least 2 letters of the advocate's name." : ProblemWords.Sentence(found.Status, null, found.Reference));
        var items = found.Value!.Items;
        var exact = items.Where(p => NameLookup.SameName(p.Name, text) || p.Id == text).ToList();
        if (exact.Count == 1 || items.Count == 1) return Chosen(exact.Count == 1 ? exact[0] : items[0]);
        if (items.Count == 0) return new(text, null, [], false, $"No advocate's name contains “{text}”. Check the spelling, or type less of the name.");
        return new(text, null, items.Select(p => new NameChoice(p.Id, p.Name, p.Email ?? "no email on record")).ToList(), found.Value.More, null);

        NamePick Chosen(PersonName p) => new(p.Name, p.Id, [], false, null);
    }

    private static bool TooShort(string text) => text.Length < NameLookup.MinNameLength;

    private static string ProviderDetail(ProviderName p) =>
        string.Join(" · ", new[]
        {
            string.Join(", ", p.Credentials),
            p.PracticeStates.Length > 0 ? Display.List(p.PracticeStates.Select(s => ReferralNetwork.Geography.Regions.Find(s)?.Name ?? s)) : "",
            p.Active ? (p.Verified ? "verified" : "not verified") : "deactivated",
        }.Where(s => s.Length > 0));
}

/// <summary>What the <c>_NamePick</c> partial draws: the text box, its suggestions, its message, and the choices as links.</summary>
public sealed record NamePickField(string Input, string Label, string Hint, NamePick Pick, IEnumerable<string> Suggestions, FormProblems Problems, ReferralsModel Page)
{
    public IReadOnlyList<string> Options => [.. Pick.Choices.Select(c => c.Name).Concat(Suggestions).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
}
