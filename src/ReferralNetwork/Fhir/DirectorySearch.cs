using System.Globalization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Fhir;

/// <summary>
/// A PractitionerRole or HealthcareService search, parsed from FHIR search parameters into the directory's own
/// <see cref="ProviderSearch"/> (verified providers only), so it runs as the same indexed SQL as GET /api/providers.
/// A parameter this server does not know, or a value it cannot use, is refused by name rather than ignored.
/// </summary>
/// <param name="LocationProvider">With location=Location/{id}: the provider that location belongs to (the id names it).</param>
/// <param name="LocationId">With location=Location/{id}: that location's id.</param>
public sealed record DirectorySearch(ProviderSearch Search, Guid? LocationProvider, string? LocationId)
{
    public const string Specialty = "specialty", Location = "location", State = "location.address-state", NewPatient = "new-patient",
        Count = "_count", Page = "page", Format = "_format";

    public static readonly string[] Parameters = [Specialty, Location, State, NewPatient, Count, Page, Format];

    /// <summary>The search, or the first parameter that breaks a rule and the rule.</summary>
    public static (DirectorySearch? Search, string? Parameter, string? Rule) Parse(IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => !Parameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
            return Refuse(unknown, $"is not supported here; the supported parameters are {string.Join(", ", Parameters)} (see /fhir/metadata)");
        if (query.FirstOrDefault(p => p.Key != Specialty && p.Value.Count > 1) is { Key: not null } repeated)
            return Refuse(repeated.Key, "may be given once");

        var specialties = new List<string>();
        foreach (var value in query[Specialty].Select(v => v?.Trim() ?? ""))
        {
            if (value.Contains(',', StringComparison.Ordinal)) return Refuse(Specialty, "takes one code per parameter; repeat the parameter to require several");
            var code = Code(value, FhirCodes.Specialty);
            if (code is null || !TraumaSpecialties.IsKnown(code))
                return Refuse(Specialty, $"must be a trauma specialty code (system {FhirCodes.Specialty}); the codes are at GET /api/specialties");
            specialties.Add(code);
        }

        string? state = null;
        if (Text(query, State) is { } s)
        {
            if (!Regions.IsKnown(s)) return Refuse(State, "must be a US state code, e.g. VA");
            state = s.ToUpperInvariant();
        }

        Guid? locationProvider = null;
        string? locationId = null;
        if (Text(query, Location) is { } reference)
        {
            locationId = reference.StartsWith("Location/", StringComparison.Ordinal) ? reference["Location/".Length..] : reference;
            locationProvider = FhirIds.ProviderOfLocation(locationId);
            if (locationProvider is null) return Refuse(Location, "must reference a Location of this server, as Location/{id}");
        }

        bool? accepting = Text(query, NewPatient) switch
        {
            null => null,
            var v => Code(v, FhirCodes.AcceptingPatients) switch
            {
                "newpt" => true,
                "nopt" => false,
                _ => (bool?)null,
            },
        };
        if (accepting is null && query.ContainsKey(NewPatient))
            return Refuse(NewPatient, $"must be newpt (accepting new patients) or nopt (not accepting), system {FhirCodes.AcceptingPatients}");

        if (!Number(query, Count, 20, 1, ProviderSearch.MaxPageSize, out var count)) return Refuse(Count, $"must be a whole number from 1 to {ProviderSearch.MaxPageSize}");
        if (!Number(query, Page, 1, 1, ProviderSearch.MaxPage, out var page)) return Refuse(Page, $"must be a whole number from 1 to {ProviderSearch.MaxPage}");

        var search = new ProviderSearch(state, null, ProviderSearch.DefaultRadiusMiles, false, specialties, null, null, FeeNeed.Any, null,
            accepting, VerifiedFilter.VerifiedOnly, page, count, SearchOrder.Name);
        return (new DirectorySearch(search, locationProvider, locationId), null, null);
    }

    private static (DirectorySearch?, string?, string?) Refuse(string parameter, string rule) => (null, parameter, rule);

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : query.ContainsKey(name) ? "" : null;

    // A token: "code", "|code" (no system) is refused, "system|code" only with our system.
    private static string? Code(string token, string system)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return token.Length == 0 ? null : token;
        return token[..bar] == system && bar < token.Length - 1 ? token[(bar + 1)..] : null;
    }

    private static bool Number(IQueryCollection query, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (!query.ContainsKey(name)) return true;
        return int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
