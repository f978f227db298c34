using Microsoft.AspNetCore.Http;

namespace ReferralNetwork.Http;

/// <summary>
/// The query of an administrator's "who is called …" lookup: part of a name (<c>name</c>), or the ids whose names
/// are wanted (<c>id</c>, repeated), never both. Answers hold at most <see cref="Limit"/> matches and say when there were more.
/// </summary>
public sealed record NameLookup(string? Name, IReadOnlyList<string> Ids)
{
    public const int Limit = 20, MaxIds = 100, MinNameLength = 2, MaxNameLength = 200;

    public static (NameLookup? Lookup, ValidationProblems Problems) Parse(IQueryCollection query)
    {
        var p = new ValidationProblems();
        var name = query.TryGetValue("name", out var n) && !string.IsNullOrWhiteSpace(n.ToString()) ? n.ToString().Trim() : null;
        var ids = query["id"].Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (name is null && ids.Count == 0) p.Add("name", $"is required: part of a name (at least {MinNameLength} characters), unless 'id' is given");
        if (name is not null && ids.Count > 0) p.Add("name", "must not be given with 'id': look up by name or by id, not both");
        if (name is not null)
            p.Require(name.Length is >= MinNameLength and <= MaxNameLength, "name", $"must be {MinNameLength} to {MaxNameLength} characters");
        p.Require(ids.Count <= MaxIds, "id", $"must be given at most {MaxIds} times");
        p.Require(ids.All(i => i.Length <= 200), "id", "must be at most 200 characters");
        return (p.IsEmpty ? new NameLookup(name, ids) : null, p);
    }

    /// <summary>Whether the text is an exact name (ignoring case and surrounding spaces): it settles a choice between several matches.</summary>
    public static bool SameName(string? a, string? b) =>
        string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
