using System.Text.RegularExpressions;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Providers;

public static partial class ProfileRules
{
    public const int MaxLocations = 10;

    /// <summary>Checks a typed profile; <paramref name="at"/> prefixes field names ("profile." inside onboarding).</summary>
    public static void Check(UpdateProfile p, string at, ValidationProblems problems, DateOnly today)
    {
        problems.RequireText(p.Name, $"{at}name", 200);
        CheckList(p.Credentials, $"{at}credentials", 10, problems, c => Credential().IsMatch(c), "must be 2-20 letters, e.g. LCSW, PsyD");
        if (p.Npi is not null) problems.Require(Npi.IsValid(p.Npi), $"{at}npi", "must be 10 digits with a valid check digit");
        CheckLicences(p.Licences, at, problems, today);
        CheckLocations(p.Locations, p.Licences, at, problems);
        CheckList(p.TelehealthStates, $"{at}telehealthStates", 51, problems, Regions.IsKnown, "must be a US state code; see GET /api/regions", required: false);
        if (p.TelehealthStates is not null && p.Licences is not null)
            foreach (var state in p.TelehealthStates.Where(s => Regions.IsKnown(s) && !LicensedIn(p.Licences, s, today)))
                problems.Add($"{at}telehealthStates", $"{state.ToUpperInvariant()} needs an unexpired licence in that state");
        problems.Require(p.Locations is { Count: > 0 } || p.TelehealthStates is { Count: > 0 }, $"{at}locations",
            "at least one practice location or telehealth state is required");
        CheckList(p.Languages, $"{at}languages", 20, problems, l => Languages.IsKnown(l.ToLowerInvariant()), "must be an ISO 639-1 code; see GET /api/languages");
        CheckList(p.AgeGroups, $"{at}ageGroups", 10, problems, a => AgeGroups.IsKnown(a.ToLowerInvariant()), "must be an age group code; see GET /api/age-groups");
        if (problems.Require(p.Contact is not null, $"{at}contact", "is required"))
        {
            if (problems.RequireText(p.Contact!.Email, $"{at}contact.email", 254))
                problems.Require(Email().IsMatch(p.Contact.Email), $"{at}contact.email", "must be an email address");
            if (problems.RequireText(p.Contact.Phone, $"{at}contact.phone", 30, required: false) && p.Contact.Phone is not null)
                problems.Require(Phone().IsMatch(p.Contact.Phone), $"{at}contact.phone", "may hold only digits, spaces and + ( ) - . x");
            if (problems.RequireText(p.Contact.ReferralsEmail, $"{at}contact.referralsEmail", 254, required: false) && p.Contact.ReferralsEmail is not null)
                problems.Require(Email().IsMatch(p.Contact.ReferralsEmail), $"{at}contact.referralsEmail", "must be an email address");
        }
        problems.RequireText(p.Bio, $"{at}bio", 2000, required: false);
    }

    public static bool LicensedIn(IEnumerable<Licence> licences, string state, DateOnly today) =>
        licences.Any(l => l is not null && string.Equals(l.State, state, StringComparison.OrdinalIgnoreCase) && l.ExpiresOn > today);

    /// <summary>Each address with the coordinates of its ZIP centroid; call only after <see cref="Check"/> passed.</summary>
    public static IReadOnlyList<PracticeLocation> Resolve(IEnumerable<PracticeAddress> addresses) =>
        addresses.Select(a =>
        {
            ZipCentroids.Default.TryFind(a.Zip, out var centroid);
            return new PracticeLocation(a.Name?.Trim(), a.Street.Trim(), a.City.Trim(), a.State.ToUpperInvariant(), a.Zip,
                centroid!.Latitude, centroid.Longitude);
        }).ToList();

    public static void CheckList(IReadOnlyList<string>? items, string field, int max, ValidationProblems problems,
        Func<string, bool> isValid, string rule, bool required = true)
    {
        if (items is null || items.Count == 0)
        {
            problems.Require(!required, field, "must list at least one");
            return;
        }
        problems.Require(items.Count <= max, field, $"must list at most {max}");
        for (var i = 0; i < items.Count; i++)
            if (string.IsNullOrWhiteSpace(items[i]) || !isValid(items[i]))
                problems.Add($"{field}[{i}]", $"'{Truncate(items[i])}' {rule}");
    }

    private static void CheckLicences(IReadOnlyList<Licence>? licences, string at, ValidationProblems problems, DateOnly today)
    {
        if (!problems.Require(licences is { Count: > 0 }, $"{at}licences", "at least one licence (state and number) is required")) return;
        problems.Require(licences!.Count <= 60, $"{at}licences", "must list at most 60");
        for (var i = 0; i < licences.Count; i++)
        {
            var l = licences[i];
            if (!problems.Require(l is not null, $"{at}licences[{i}]", "is required")) continue;
            if (problems.RequireText(l!.Type, $"{at}licences[{i}].type", 20)) problems.Require(Credential().IsMatch(l.Type), $"{at}licences[{i}].type", "must be 2-20 letters, e.g. LCSW");
            if (problems.RequireText(l.State, $"{at}licences[{i}].state", 2)) problems.Require(Regions.IsKnown(l.State), $"{at}licences[{i}].state", "must be a US state code; see GET /api/regions");
            if (problems.RequireText(l.Number, $"{at}licences[{i}].number", 30)) problems.Require(LicenceNumber().IsMatch(l.Number), $"{at}licences[{i}].number", "may hold only letters, digits and -");
            problems.Require(l.ExpiresOn > today, $"{at}licences[{i}].expiresOn", "must be a date after today (an expired licence cannot be listed)");
        }
    }

    private static void CheckLocations(IReadOnlyList<PracticeAddress>? locations, IReadOnlyList<Licence>? licences, string prefix, ValidationProblems problems)
    {
        if (locations is null) return;
        problems.Require(locations.Count <= MaxLocations, $"{prefix}locations", $"must list at most {MaxLocations}");
        for (var i = 0; i < locations.Count; i++)
        {
            var a = locations[i];
            var at = $"{prefix}locations[{i}]";
            if (!problems.Require(a is not null, at, "is required")) continue;
            problems.RequireText(a!.Name, $"{at}.name", 200, required: false);
            problems.RequireText(a.Street, $"{at}.street", 200);
            problems.RequireText(a.City, $"{at}.city", 100);
            var stateKnown = problems.RequireText(a.State, $"{at}.state", 2) &&
                             problems.Require(Regions.IsKnown(a.State), $"{at}.state", "must be a US state code; see GET /api/regions");
            if (!problems.RequireText(a.Zip, $"{at}.zip", 5)) continue;
            if (!problems.Require(ZipCentroids.Default.TryFind(a.Zip, out var centroid), $"{at}.zip", $"'{Truncate(a.Zip)}' is not a known US ZIP code")) continue;
            if (stateKnown)
            {
                problems.Require(string.Equals(centroid.State, a.State, StringComparison.OrdinalIgnoreCase), $"{at}.state",
                    $"ZIP {a.Zip} is in {centroid.State}, not {a.State.ToUpperInvariant()}");
                problems.Require(licences is null || licences.Any(l => l is not null && string.Equals(l.State, a.State, StringComparison.OrdinalIgnoreCase)),
                    $"{at}.state", "in-person practice needs a licence in that state");
            }
        }
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z .\-/]{1,19}$")]
    private static partial Regex Credential();

    [GeneratedRegex(@"^[A-Za-z0-9\-]{1,30}$")]
    private static partial Regex LicenceNumber();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[0-9 +()\-.x]{3,30}$")]
    private static partial Regex Phone();
}
