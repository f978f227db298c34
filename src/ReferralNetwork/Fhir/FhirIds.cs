using System.Security.Cryptography;
using System.Text;
using ReferralNetwork.Providers;

namespace ReferralNetwork.Fhir;

/// <summary>
/// The FHIR ids of a provider's resources, derived from the provider id alone (docs/fhir.md): nothing is stored for
/// them, and the same provider always gets the same ids. Practitioner, PractitionerRole and HealthcareService share
/// the provider id (FHIR ids are unique per resource type). A practice address is "{providerId}-{8 hex digits of
/// the SHA-256 of the address}", so reordering addresses keeps their ids; a telehealth area is
/// "{providerId}-tele-{state}".
/// </summary>
public static class FhirIds
{
    private const string Telehealth = "-tele-";

    public static string Of(Guid providerId) => providerId.ToString("D");

    public static string Location(Guid providerId, PracticeLocation location)
    {
        var address = string.Join('|', location.Street, location.City, location.State, location.Zip).ToUpperInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..8];
        return $"{Of(providerId)}-{hash}";
    }

    public static string TelehealthArea(Guid providerId, string state) => $"{Of(providerId)}{Telehealth}{state.ToLowerInvariant()}";

    /// <summary>The provider a Location id belongs to, or null when the id is not one of ours.</summary>
    public static Guid? ProviderOfLocation(string locationId) =>
        locationId.Length > 37 && locationId[36] == '-' && Guid.TryParseExact(locationId[..36], "D", out var id) ? id : null;

    /// <summary>The telehealth state a Location id names ("VA"), or null for a practice address.</summary>
    public static string? TelehealthStateOf(string locationId) =>
        locationId.Length == 36 + Telehealth.Length + 2 && locationId[36..].StartsWith(Telehealth, StringComparison.Ordinal)
            ? locationId[^2..].ToUpperInvariant() : null;
}
