using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>A licence row as the form posts it: any box may be empty, and a row can be ticked for removal.</summary>
public sealed class LicenceRow
{
    public string? Type { get; set; }
    public string? State { get; set; }
    public string? Number { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool Remove { get; set; }

    public bool Blank => string.IsNullOrWhiteSpace(Type) && string.IsNullOrWhiteSpace(State) && string.IsNullOrWhiteSpace(Number) && ExpiresOn is null;
}

/// <summary>A practice address row as the form posts it.</summary>
public sealed class LocationRow
{
    public string? Name { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Zip { get; set; }
    public bool Remove { get; set; }

    public bool Blank => string.IsNullOrWhiteSpace(Street) && string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(Zip);
}

/// <summary>
/// The profile the editor sends: the listing as it stands, with only the posted section's values replaced (the API
/// merges by part, so the parts this form did not show are sent as they are). Also which input stands for each API field.
/// </summary>
public static class ProfileForm
{
    public const string FirstLicenceInput = "lic-0-type", FirstLocationInput = "loc-0-street";
    public static readonly string FirstTelehealthInput = "tele-" + Geography.Regions.All[0].Code, FirstLanguageInput = "lang-" + LanguageChoices.Common[0].Code;

    public static UpdateProfile From(ProviderListing p) => new(p.Name, p.Credentials, p.Npi, p.Licences,
        p.Locations.Select(l => new PracticeAddress(l.Name, l.Street, l.City, l.State, l.Zip)).ToList(),
        p.TelehealthStates, p.Languages, p.AgeGroups, p.Contact, p.Bio);

    /// <summary>"LCSW, PhD" → ["LCSW", "PhD"].</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The rows kept (not blank, not ticked for removal), each with the row it came from on the form.</summary>
    public static List<(T Row, int On)> Kept<T>(IEnumerable<T> rows, Func<T, bool> drop) =>
        rows.Select((row, on) => (row, on)).Where(r => !drop(r.row)).ToList();

    public static Licence ToLicence(LicenceRow r) => new(r.Type ?? "", r.State ?? "", r.Number ?? "", r.ExpiresOn ?? default);

    public static PracticeAddress ToAddress(LocationRow r) => new(r.Name, r.Street ?? "", r.City ?? "", r.State ?? "", r.Zip ?? "");

    /// <summary>
    /// Every profile field's input on the page. A refusal about a part this form did not post (an expired licence while
    /// saving the bio) still points at the input that shows it. <paramref name="licenceRows"/>[j] is the form row of the
    /// API's licences[j] (rows left empty or removed are not sent); likewise for locations.
    /// </summary>
    public static Dictionary<string, string> Inputs(IReadOnlyList<int> licenceRows, IReadOnlyList<int> locationRows)
    {
        var inputs = new Dictionary<string, string>
        {
            ["name"] = "name",
            ["credentials"] = "credentials",
            ["npi"] = "npi",
            ["licences"] = FirstLicenceInput,
            ["locations"] = FirstLocationInput,
            ["telehealthStates"] = FirstTelehealthInput,
            ["languages"] = FirstLanguageInput,
            ["ageGroups"] = "age-" + AgeGroups.All[0].Code,
            ["contact"] = "email",
            ["contact.email"] = "email",
            ["contact.phone"] = "phone",
            ["contact.referralsEmail"] = "referralsEmail",
            ["bio"] = "bio",
        };
        for (var j = 0; j < licenceRows.Count; j++)
            foreach (var part in new[] { "type", "state", "number", "expiresOn" }) inputs[$"licences[{j}].{part}"] = $"lic-{licenceRows[j]}-{part}";
        for (var j = 0; j < locationRows.Count; j++)
            foreach (var part in new[] { "name", "street", "city", "state", "zip" }) inputs[$"locations[{j}].{part}"] = $"loc-{locationRows[j]}-{part}";
        return inputs;
    }

    public static Dictionary<string, string> Inputs(ProviderListing p) =>
        Inputs(Enumerable.Range(0, p.Licences.Count).ToList(), Enumerable.Range(0, p.Locations.Count).ToList());
}
